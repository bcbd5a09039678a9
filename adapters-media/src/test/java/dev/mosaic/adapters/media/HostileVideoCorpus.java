package dev.mosaic.adapters.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The video files under {@code src/test/resources/hostile/}. They are committed; this is how they
 * were made (the truncated MP4 needs ffmpeg). Run {@link #main} with the folder to remake them.
 */
final class HostileVideoCorpus {
    static final String HLS_PLAYLIST = "playlist.m3u8";
    static final String PLAYLIST_IN_AVI = "playlist-in-avi.avi";
    static final String TEXT = "not-a-video.txt";
    static final String TRUNCATED_MP4 = "truncated.mp4";
    static final String BOX_HEADER_ONLY_MP4 = "box-header-only.mp4";

    /** The classic trick: ffmpeg left to guess reads this as HLS and fetches what it names. */
    static final String PASSWD_PLAYLIST = """
            #EXTM3U
            #EXT-X-MEDIA-SEQUENCE:0
            #EXTINF:10.0,
            concat:file:///etc/passwd|subfile,,start,0,end,0,,:file:///etc/passwd
            #EXTINF:10.0,
            file:///etc/passwd
            #EXT-X-ENDLIST
            """;

    private HostileVideoCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "adapters-media/src/test/resources/hostile");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(HLS_PLAYLIST), PASSWD_PLAYLIST);
        Files.write(folder.resolve(PLAYLIST_IN_AVI), inAviHeader(PASSWD_PLAYLIST));
        Files.writeString(folder.resolve(TEXT), "Meeting notes: bring the slides.\n");
        Files.write(folder.resolve(BOX_HEADER_ONLY_MP4), afterFtyp("this is not a movie\n".repeat(4)));
        Path whole = Clips.h264Aac(Files.createTempFile("whole", ".mp4"), 64, 48, 1);
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(folder.resolve(TRUNCATED_MP4), Arrays.copyOf(bytes, bytes.length * 6 / 10));
        Files.delete(whole);
    }

    /** A RIFF/AVI header, so that the bytes pass for an AVI, then the playlist in its header list. */
    static byte[] inAviHeader(String playlist) {
        byte[] text = playlist.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream avi = new ByteArrayOutputStream();
        avi.writeBytes(ascii("RIFF"));
        avi.writeBytes(littleEndian(4 + 8 + 4 + text.length));
        avi.writeBytes(ascii("AVI "));
        avi.writeBytes(ascii("LIST"));
        avi.writeBytes(littleEndian(4 + text.length));
        avi.writeBytes(ascii("hdrl"));
        avi.writeBytes(text);
        return avi.toByteArray();
    }

    /** An ISO file type box, as every MP4 starts, followed by anything. */
    static byte[] afterFtyp(String rest) {
        ByteBuffer ftyp = ByteBuffer.allocate(24);
        ftyp.putInt(24).put(ascii("ftypisom")).putInt(512).put(ascii("isomiso2"));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(ftyp.array());
        file.writeBytes(rest.getBytes(StandardCharsets.US_ASCII));
        return file.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] littleEndian(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
