package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebpEncoderTest {

    @TempDir
    Path root;

    @Test
    void writesLossyAtQualityEightyWithLibwebpsFastMethod() throws IOException {
        ImageWriter writer = WebpEncoder.writer();
        try {
            ImageWriteParam param = WebpEncoder.param(writer);

            assertThat(param).isInstanceOf(WebPWriteParam.class);
            assertThat(param.getCompressionType()).isEqualTo("Lossy");
            assertThat(param.getCompressionQuality()).isEqualTo(0.8f);
            assertThat(((WebPWriteParam) param).getMethod()).isEqualTo(2);
        } finally {
            writer.dispose();
        }
    }

    @Test
    void aPreviewStaysCloseToThePictureItWasMadeFrom() throws IOException {
        BufferedImage picture = Fidelity.waves(1280, 960, 1280, 0.05);
        Path file = root.resolve("preview.webp");

        new WebpEncoder().write(picture, file);

        // 35.3 dB here; quality 0.5 gives 32 dB
        assertThat(Fidelity.psnr(Images.read(file), picture)).isGreaterThan(34);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        new WebpEncoder().write(picture, stream);
        assertThat(stream.toByteArray()).isEqualTo(Files.readAllBytes(file));
    }
}
