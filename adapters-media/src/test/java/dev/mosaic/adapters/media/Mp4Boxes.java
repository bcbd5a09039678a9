package dev.mosaic.adapters.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The names of an MP4's top-level boxes, in file order. */
final class Mp4Boxes {

    private Mp4Boxes() {
    }

    static List<String> topLevel(Path file) {
        List<String> names = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file)) {
            long at = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (at + 8 <= channel.size()) {
                header.clear();
                channel.read(header, at);
                long size = Integer.toUnsignedLong(header.getInt(0));
                names.add(new String(header.array(), 4, 4, StandardCharsets.US_ASCII));
                if (size == 1) {
                    size = header.getLong(8);
                } else if (size == 0) {
                    size = channel.size() - at;
                }
                if (size < 8) {
                    throw new AssertionError("a box of " + size + " bytes at " + at + " in " + file);
                }
                at += size;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Whether the index comes before the media data, so playback can start before the download ends. */
    static boolean startsFast(Path file) {
        List<String> boxes = topLevel(file);
        return boxes.contains("moov") && boxes.contains("mdat") && boxes.indexOf("moov") < boxes.indexOf("mdat");
    }
}
