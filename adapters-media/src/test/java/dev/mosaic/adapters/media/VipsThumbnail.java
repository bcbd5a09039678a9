package dev.mosaic.adapters.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * libvips' {@code vipsthumbnail} (Debian's {@code libvips-tools}), for the benchmark: one process
 * per rendition, shrink-on-load, WebP at quality 80 with metadata stripped, as our renditions are.
 */
final class VipsThumbnail {
    private static final String PROGRAM = "vipsthumbnail";

    private VipsThumbnail() {
    }

    /** Its version, when it is installed. */
    static Optional<String> version() {
        try {
            Process process = new ProcessBuilder(PROGRAM, "--vips-version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Makes the thumbnail and the preview of {@code input} in {@code folder}; answers the wall time in ms. */
    static double bothRenditions(Path input, Path folder, int thumbnailSize, int previewSize) {
        long start = System.nanoTime();
        rendition(input, folder.resolve("thumbnail.webp"), thumbnailSize);
        rendition(input, folder.resolve("preview.webp"), previewSize);
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    /** Makes one rendition; answers the wall time in ms. */
    static double oneRendition(Path input, Path folder, int size) {
        long start = System.nanoTime();
        rendition(input, folder.resolve("rendition.webp"), size);
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    private static void rendition(Path input, Path output, int size) {
        List<String> command = List.of(PROGRAM, input.toAbsolutePath().toString(), "--size", Integer.toString(size),
                "-o", output.toAbsolutePath() + "[Q=80,strip]");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("vipsthumbnail failed: " + command);
            }
        } catch (IOException e) {
            throw new IllegalStateException("vipsthumbnail cannot be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
