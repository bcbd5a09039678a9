package dev.mosaic.adapters.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * HEIC and AVIF photos made by libheif's {@code heif-enc} (Debian's {@code libheif-examples}) from
 * pictures made in the tests, and the few edits of their boxes that encoder cannot make.
 */
final class Heifs {

    private Heifs() {
    }

    /** HEVC-coded, as iPhones write them. */
    static byte[] heic(BufferedImage picture) {
        return heic(Images.png(picture));
    }

    static byte[] heic(byte[] png) {
        return encode(List.of(png), "png", "heic", "-p", "preset=ultrafast");
    }

    /** From a JPEG, whose EXIF {@code heif-enc} copies into the HEIC. */
    static byte[] heicFromJpeg(byte[] jpeg) {
        return encode(List.of(jpeg), "jpg", "heic", "-p", "preset=ultrafast");
    }

    /** AV1-coded. */
    static byte[] avif(BufferedImage picture) {
        return avif(Images.png(picture));
    }

    static byte[] avif(byte[] png) {
        return encode(List.of(png), "png", "avif", "-p", "speed=9");
    }

    /** One HEIC holding {@code count} top-level images, as a burst or a collection does. */
    static byte[] collection(BufferedImage picture, int count) {
        byte[] png = Images.png(picture);
        List<byte[]> pictures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pictures.add(png);
        }
        return encode(pictures, "png", "heic", "-p", "preset=ultrafast");
    }

    /**
     * The same photo with transformative properties added to its primary item: {@code irot} turns
     * it counter-clockwise by {@code quarterTurns} quarters, then {@code imir} mirrors it about the
     * given axis (0: top to bottom, 1: left to right) unless that is negative.
     */
    static byte[] turned(byte[] heif, int quarterTurns, int mirrorAxis) {
        return new HeifBoxes(heif).withTransforms(quarterTurns, mirrorAxis);
    }

    /** The same file whose {@code ispe} declares another size; the coded picture is unchanged. */
    static byte[] declaring(byte[] heif, int width, int height) {
        byte[] copy = heif.clone();
        int ispe = HeifBoxes.indexOf(copy, "ispe");
        ByteBuffer.wrap(copy, ispe + 12, 8).putInt(width).putInt(height);
        return copy;
    }

    /** A 64×64 HEVC sequence of {@code frames} frames in an {@code msf1}-branded file, made by ffmpeg. */
    static byte[] sequence(int frames) {
        return inFolder(folder -> {
            Path file = folder.resolve("sequence.heic");
            Clips.run(List.of("-f", "lavfi", "-i", "testsrc2=size=64x64:rate=100", "-frames:v",
                    Integer.toString(frames), "-c:v", "libx265", "-preset", "ultrafast", "-x265-params",
                    "log-level=error", "-brand", "msf1", "-f", "mp4", file.toString()));
            return Files.readAllBytes(file);
        });
    }

    /** Whether {@code heif-enc} is installed here. */
    static boolean encoderInstalled() {
        return Programs.onPath("heif-enc", System.getenv()).isPresent();
    }

    private static byte[] encode(List<byte[]> inputs, String inputSuffix, String suffix, String... options) {
        return inFolder(folder -> {
            List<String> command = new ArrayList<>(List.of("heif-enc", "-q", "70"));
            command.addAll(List.of(options));
            for (int i = 0; i < inputs.size(); i++) {
                command.add(Files.write(folder.resolve(i + "." + inputSuffix), inputs.get(i)).toString());
            }
            Path output = folder.resolve("out." + suffix);
            command.addAll(List.of("-o", output.toString()));
            run(command);
            return Files.readAllBytes(output);
        });
    }

    static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("failed in a test: " + command + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    interface InFolder {
        byte[] make(Path folder) throws IOException;
    }

    static byte[] inFolder(InFolder work) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("heifs-");
            return work.make(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (folder != null) {
                deleteTree(folder);
            }
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
