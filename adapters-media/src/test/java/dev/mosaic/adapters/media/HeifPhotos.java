package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Processors with libvips found on the PATH, and ways to compare what they made with libvips' own rendering. */
final class HeifPhotos {
    static final VipsTools TOOLS = VipsTools.locate(VipsSettings.defaults(), System.getenv())
            .orElseThrow(() -> new IllegalStateException("these tests need vips and vipsheader on the PATH"
                    + " (Debian's libvips-tools)"));

    private HeifPhotos() {
    }

    /** Images (HEIF family included) through a gate the test can count; videos left as they are. */
    static MediaProcessor processor(MediaSettings settings, DecodeGate gate) {
        ImageProcessor images = new ImageProcessor(settings, gate, ImageEncoders.best());
        return new MediaProcessorByKind(images, MediaProcessors.heifImages(settings, TOOLS, images, gate),
                VideoPipeline.DOWNLOAD_ONLY);
    }

    /** {@code vips thumbnail} of the same file at the same size, in sRGB, read back. */
    static BufferedImage vipsRendering(byte[] heif, int longest) {
        return Images.read(Heifs.inFolder(folder -> {
            Path input = Files.write(folder.resolve("in.heic"), heif);
            Path output = folder.resolve("out.png");
            Heifs.run(List.of(TOOLS.vips().toString(), "thumbnail", input.toString(), output.toString(),
                    Integer.toString(longest), "--size", "down", "--import-profile", "srgb", "--export-profile", "srgb"));
            return Files.readAllBytes(output);
        }));
    }

    /** The mean distance of two pictures of one size, over every channel of every pixel (0–255). */
    static double meanDistance(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new AssertionError("sizes differ: " + a.getWidth() + "x" + a.getHeight() + " and "
                    + b.getWidth() + "x" + b.getHeight());
        }
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    /** How far the average colour of one picture is from the other's, on the channel that differs most. */
    static double meanColourShift(BufferedImage a, BufferedImage b) {
        double[] first = meanColour(a);
        double[] second = meanColour(b);
        double shift = 0;
        for (int channel = 0; channel < 3; channel++) {
            shift = Math.max(shift, Math.abs(first[channel] - second[channel]));
        }
        return shift;
    }

    private static double[] meanColour(BufferedImage image) {
        double[] sums = new double[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                for (int channel = 0; channel < 3; channel++) {
                    sums[channel] += rgb >> (16 - 8 * channel) & 0xFF;
                }
            }
        }
        double pixels = (double) image.getWidth() * image.getHeight();
        return new double[] {sums[0] / pixels, sums[1] / pixels, sums[2] / pixels};
    }

    /** A picture in Display P3 (libvips' built-in profile), embedded as an ICC profile, as a PNG. */
    static byte[] inDisplayP3(BufferedImage srgb) {
        byte[] png = Images.png(srgb);
        return Heifs.inFolder(folder -> {
            Path input = Files.write(folder.resolve("in.png"), png);
            Path output = folder.resolve("p3.png");
            Heifs.run(List.of(TOOLS.vips().toString(), "icc_transform", input.toString(), output.toString(), "p3"));
            return Files.readAllBytes(output);
        });
    }
}
