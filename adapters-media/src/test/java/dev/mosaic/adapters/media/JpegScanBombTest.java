package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mosaic.application.port.out.MediaProcessor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A progressive JPEG is decoded once per scan, so repeating a scan thousands of times turns a
 * small upload into hours of one worker's CPU. Such files are refused before any decoding.
 */
class JpegScanBombTest {
    @TempDir
    Path root;

    private final DecodeGate gate = new DecodeGate(2);

    private MediaProcessor processor() {
        return new MediaProcessorByKind(new ImageProcessor(MediaSettings.defaults(), gate, ImageEncoders.best(),
                jpegLibrary()));
    }

    /** ImageIO decodes JPEGs here; {@link JpegScanBombOnTurboJpegTest} runs the same files through TurboJPEG. */
    Optional<TurboJpeg> jpegLibrary() {
        return Optional.empty();
    }

    @Test
    void aJpegRepeatingOneScanThousandsOfTimesIsRefusedWithoutDecoding() throws IOException {
        byte[] bomb = repeatLastScan(progressiveJpeg(2000, 1500), 2000);

        Uploads.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new Uploads(root).image(processor(), "image/jpeg", bomb));

        assertThat(result.refusalCode()).isEqualTo("image_too_many_scans");
        assertThat(gate.decodesStarted()).isZero();
    }

    @Test
    void anOrdinaryProgressiveJpegIsStillProcessed() throws IOException {
        byte[] progressive = progressiveJpeg(2000, 1500);
        assertThat(JpegScans.moreThan(write(progressive), 5)).as("it is progressive: several scans").isTrue();

        Uploads.Result result = new Uploads(root).image(processor(), "image/jpeg", progressive);

        assertThat(result.processed().renditions()).hasSize(1);
        assertThat(result.listener().thumbnails()).hasSize(1);
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = root.resolve("probe.jpg");
        Files.write(file, bytes);
        return file;
    }

    static byte[] progressiveJpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y += 10) {
            for (int x = 0; x < width; x += 10) {
                image.setRGB(x, y, (x * 31 + y * 17) & 0xFFFFFF);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Copies the file's last scan (its SOS segment and entropy data) {@code times} more times before EOI. */
    static byte[] repeatLastScan(byte[] jpeg, int times) {
        int lastScan = -1;
        for (int i = 2; i < jpeg.length - 1; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                lastScan = i;
            }
        }
        int end = jpeg.length - 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, end);
        for (int i = 0; i < times; i++) {
            out.write(jpeg, lastScan, end - lastScan);
        }
        out.write(jpeg, end, 2);
        return out.toByteArray();
    }
}
