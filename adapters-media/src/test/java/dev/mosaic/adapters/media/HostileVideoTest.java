package dev.mosaic.adapters.media;

import static dev.mosaic.adapters.media.HostileVideoCorpus.BOX_HEADER_ONLY_MP4;
import static dev.mosaic.adapters.media.HostileVideoCorpus.HLS_PLAYLIST;
import static dev.mosaic.adapters.media.HostileVideoCorpus.PLAYLIST_IN_AVI;
import static dev.mosaic.adapters.media.HostileVideoCorpus.TEXT;
import static dev.mosaic.adapters.media.HostileVideoCorpus.TRUNCATED_MP4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mosaic.application.port.out.MediaProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Files that try to make ffmpeg read what it must not, or that are no video at all. */
class HostileVideoTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);
    private static final MediaProcessor PROCESSOR = MediaProcessors.create(Clips.settings(VideoSettings.defaults()), Clips.searchPath());

    @TempDir
    Path root;

    @ParameterizedTest
    @CsvSource({
        HLS_PLAYLIST + ", video/mp4, content_type_mismatch",
        HLS_PLAYLIST + ", video/x-msvideo, content_type_mismatch",
        TEXT + ", video/mp4, content_type_mismatch",
        PLAYLIST_IN_AVI + ", video/x-msvideo, video_unreadable",
        PLAYLIST_IN_AVI + ", video/mp4, video_unreadable",
        TRUNCATED_MP4 + ", video/mp4, video_unreadable",
        BOX_HEADER_ONLY_MP4 + ", video/mp4, video_unreadable"
    })
    void eachHostileFileIsRefusedQuicklyWithNothingMade(String name, String declaredType, String code) {
        VideoUploads.Result result = assertTimeoutPreemptively(QUICKLY,
                () -> new VideoUploads(root).video(PROCESSOR, declaredType, HostileCorpus.load(name)));

        assertThat(result.refusalCode()).isEqualTo(code);
        assertThat(result.heard().order()).isEmpty();
        assertThat(result.workDir()).isEmptyDirectory();
    }

    @Test
    void aPlaylistInAnAviPointingAtEtcPasswdLeavesNoByteOfItAnywhere() throws IOException {
        VideoUploads.Result result = new VideoUploads(root).video(PROCESSOR, "video/x-msvideo",
                HostileCorpus.load(PLAYLIST_IN_AVI));

        assertThat(result.refusalCode()).isEqualTo("video_unreadable");
        String firstLine = Files.readAllLines(Path.of("/etc/passwd")).get(0);
        try (Stream<Path> written = Files.walk(result.workDir().getParent())) {
            for (Path file : written.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(firstLine);
            }
        }
    }

    /**
     * The proof that ffmpeg never opened the file a playlist names: its access time stays where the
     * test put it. The same playlist given to ffprobe left to guess moves it, so the check can tell.
     */
    @Test
    void aPlaylistDressedAsAnAviNeverGetsItsSegmentOpened() throws IOException {
        Path canary = canarySegment();
        String playlist = playlistNaming(canary);
        Path disguised = Files.write(root.resolve("holiday.avi"), playlist.getBytes(StandardCharsets.US_ASCII));

        VideoUploads.Result wrapped = new VideoUploads(root).video(PROCESSOR, "video/x-msvideo",
                HostileVideoCorpus.inAviHeader(playlist));
        for (Container container : Container.values()) {
            assertThatThrownBy(() -> probe(container, disguised)).isInstanceOf(UnusableVideo.class);
        }

        assertThat(wrapped.refusalCode()).isEqualTo("video_unreadable");
        assertThat(lastRead(canary)).isEqualTo(FileTime.fromMillis(0));
        assertThat(Probed.of(disguised).formatName()).isEqualTo("hls");
        assertThat(lastRead(canary)).isNotEqualTo(FileTime.fromMillis(0));
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aPlaylistReadWithANamedDemuxerIsUnreadable(Container container) throws IOException {
        Path playlist = root.resolve("playlist.m3u8");
        Files.writeString(playlist, HostileVideoCorpus.PASSWD_PLAYLIST);

        assertThatThrownBy(() -> assertTimeoutPreemptively(QUICKLY, () -> probe(container, playlist)))
                .isInstanceOfSatisfying(UnusableVideo.class,
                        e -> assertThat(e.refusal().code()).isEqualTo("video_unreadable"));
    }

    private VideoFacts probe(Container container, Path file) {
        VideoProbe probe = new VideoProbe(Clips.TOOLS.ffprobe(), new ProcessSupervisor(QUICKLY));
        return new ProbeReading(VideoSettings.defaults()).facts(container, probe.probe(container, file));
    }

    /** A real MPEG-TS segment, so that ffmpeg, were it to follow the playlist, would read it gladly. */
    private Path canarySegment() throws IOException {
        Path canary = root.resolve("canary.ts");
        Clips.run(List.of("-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10:duration=1", "-c:v", "mpeg2video",
                "-f", "mpegts", canary.toString()));
        Files.setAttribute(canary, "lastAccessTime", FileTime.fromMillis(0));
        return canary;
    }

    private static String playlistNaming(Path segment) {
        return "#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:1.0,\nfile://" + segment.toAbsolutePath()
                + "\n#EXT-X-ENDLIST\n";
    }

    private static FileTime lastRead(Path file) throws IOException {
        return (FileTime) Files.getAttribute(file, "lastAccessTime");
    }
}
