package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.port.out.MediaProcessor;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** libjpeg-turbo's DCT-scaled decode, and ImageIO taking over where it is missing or declines a file. */
class TurboJpegTest {
    private static final TurboJpeg LIBRARY = TurboJpeg.load().orElseThrow(() -> new AssertionError(
            "libturbojpeg0 is not installed: apt-get install libturbojpeg0"));

    @TempDir
    Path root;

    private Path write(byte[] bytes) throws IOException {
        return Files.write(root.resolve("photo-" + System.nanoTime() + ".jpg"), bytes);
    }

    @ParameterizedTest
    @CsvSource({
        "4000, 3000, 320, 500, 375",     // 1/8 covers a thumbnail
        "4000, 3000, 1280, 2000, 1500",  // 1/2 covers a preview; 1/4 (1000) would not, 3/8 is skipped
        "4032, 3024, 1280, 2016, 1512",
        "3000, 4000, 1280, 1500, 2000",
        "1000, 750, 320, 500, 375",      // 1/4 (250) does not cover a thumbnail, 3/8 is skipped
        "2000, 1500, 1280, 1500, 1125",  // 6/8: 5/8 (1250) does not cover 1280
        "2000, 1500, 1250, 1250, 938",   // ... 1250 does
        "1000, 800, 1280, 1000, 800",    // a picture smaller than asked stays whole
        "1281, 100, 1280, 1281, 100",
        "17, 9, 320, 17, 9"
    })
    void decodesAtTheSmallestEighthWhoseLongestSideCoversTheRendition(int width, int height, int longest,
                                                                      int scaledWidth, int scaledHeight)
            throws IOException {
        try (TurboJpeg.Source source = LIBRARY.open(write(Images.jpeg(Images.photo(width, height))))) {
            BufferedImage decoded = source.decode(longest);

            assertThat(source.size()).isEqualTo(new Size(width, height));
            assertThat(List.of(decoded.getWidth(), decoded.getHeight())).containsExactly(scaledWidth, scaledHeight);
            assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        }
    }

    @Test
    void itsPixelsAreTheColoursImageIoReads() throws IOException {
        BufferedImage picture = Images.halves(800, 400, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB);
        try (TurboJpeg.Source source = LIBRARY.open(write(Images.jpeg444(picture, 0.9f)))) {
            BufferedImage decoded = source.decode(100);

            assertThat(Colors.at(decoded, 10, 25)).isEqualTo(Colors.RED);
            assertThat(Colors.at(decoded, 90, 25)).isEqualTo(Colors.BLUE);
            BufferedImage imageIo = Images.read(Images.jpeg444(picture, 0.9f));
            int[] ours = decoded.getRGB(10, 25, 1, 1, null, 0, 1);
            int[] theirs = imageIo.getRGB(80, 200, 1, 1, null, 0, 1);
            for (int shift : new int[] {16, 8, 0}) {
                assertThat((ours[0] >> shift) & 0xFF).isCloseTo((theirs[0] >> shift) & 0xFF,
                        org.assertj.core.data.Offset.offset(6));
            }
        }
    }

    @Test
    void aCmykJpegIsLeftToImageIo() throws IOException {
        try (TurboJpeg.Source source = LIBRARY.open(write(Jpegs.cmyk(64, 48)))) {
            assertThat(source.decodesToRgb()).isFalse();
        }
    }

    @Test
    void anEarlyEndIsRefusedNotFilledWithGrey() throws IOException {
        byte[] whole = Images.jpeg(Images.photo(640, 480));
        Path truncated = write(Arrays.copyOf(whole, whole.length / 2));

        try (TurboJpeg.Source source = LIBRARY.open(truncated)) {
            assertThatThrownBy(() -> source.decode(640)).isInstanceOf(TurboJpeg.Refused.class)
                    .hasMessageContaining("Premature end");
        }
    }

    @Test
    void bytesThatAreNoJpegAreRefusedAtTheHeader() throws IOException {
        Path png = write(Images.png(Images.photo(40, 30)));

        assertThatThrownBy(() -> LIBRARY.open(png)).isInstanceOf(TurboJpeg.Refused.class);
    }

    @Test
    void aLibraryThatIsNotThereIsEmpty() {
        assertThat(TurboJpeg.load("libturbojpeg-that-is-not-there.so.9")).isEmpty();
    }

    @Test
    void withoutTheLibraryImageIoMakesTheSameRenditionsAndOneWarningSaysSo() {
        List<String> warnings = new ArrayList<>();
        MediaProcessor processor = MediaProcessors.create(MediaSettings.defaults(), Map.of("PATH",
                Clips.searchPath()), warnings::add, Optional.empty());

        Uploads.Result result = new Uploads(root).image(processor, "image/jpeg", Images.cameraJpeg(1600, 1200));

        assertThat(warnings).containsExactly(MediaProcessors.TURBOJPEG_MISSING);
        assertThat(MediaProcessors.TURBOJPEG_MISSING).contains("libturbojpeg0").contains("ImageIO");
        // Exif orientation 6: the 1600x1200 stored picture is seen 1200x1600
        assertThat(List.of(result.listener().thumbnail().width(), result.listener().thumbnail().height()))
                .containsExactly(240, 320);
        assertThat(List.of(result.preview().width(), result.preview().height())).containsExactly(960, 1280);
    }

    @Test
    void withTheLibraryAJpegIsDecodedOncePerRenditionAtItsOwnScale() {
        DecodeGate gate = new DecodeGate(1);
        MediaProcessor processor = new MediaProcessorByKind(new ImageProcessor(MediaSettings.defaults(), gate,
                ImageEncoders.best(), Optional.of(LIBRARY)));

        Uploads.Result result = new Uploads(root).image(processor, "image/jpeg", Images.cameraJpeg(1600, 1200));

        assertThat(gate.decodesStarted()).isEqualTo(2);
        assertThat(List.of(result.listener().thumbnail().width(), result.listener().thumbnail().height()))
                .containsExactly(240, 320);
        assertThat(List.of(result.preview().width(), result.preview().height())).containsExactly(960, 1280);
        assertThat(result.processed().info().width()).isEqualTo(1200);
    }
}
