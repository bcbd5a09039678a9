package dev.mosaic.adapters.media;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** JPEGs of kinds that ImageIO's usual write path does not make. */
final class Jpegs {

    private Jpegs() {
    }

    /** Four channels with an Adobe marker saying CMYK, as print workflows export them. */
    static byte[] cmyk(int width, int height) {
        return withAdobeTransform(raw(width, height, 4), 0);
    }

    /**
     * A JPEG of {@code channels} components, with an Adobe marker naming {@code transform}
     * (0 none, 1 YCbCr, 2 YCCK), or none when it is negative.
     */
    static byte[] channels(int channels, int transform) {
        byte[] jpeg = raw(16, 16, channels);
        return transform < 0 ? jpeg : withAdobeTransform(jpeg, transform);
    }

    private static byte[] raw(int width, int height, int channels) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, channels, null);
        int[] pixel = new int[channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    pixel[c] = (x * 4 + y * 2 + c * 60) % 256;
                }
                raster.setPixel(x, y, pixel);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] withAdobeTransform(byte[] jpeg, int transform) {
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
            (byte) transform};
        return ExifSegments.insertAfterStart(jpeg, adobe);
    }
}
