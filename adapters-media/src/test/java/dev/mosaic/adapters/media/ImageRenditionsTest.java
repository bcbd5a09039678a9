package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.application.port.out.MediaProcessor.RenditionFile;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MediaInfo;
import dev.mosaic.domain.Rendition;
import dev.mosaic.domain.UploadPolicy;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImageRenditionsTest {
    private static final MediaProcessor PROCESSOR = MediaProcessors.create(MediaSettings.defaults(), Clips.searchPath());

    @TempDir
    Path root;

    @Test
    void aTwelveMegapixelJpegGetsAWebpThumbnailAndPreviewWithinTheirSizes() {
        Uploads.Result result = new Uploads(root).image(PROCESSOR, "image/jpeg",
                Images.jpeg(Images.photo(4000, 3000)));

        RenditionFile thumbnail = result.listener().thumbnail();
        RenditionFile preview = result.preview();
        assertThat(result.processed().renditions()).hasSize(1);
        assertThat(thumbnail.kind()).isEqualTo(Rendition.Kind.THUMBNAIL);
        assertThat(preview.kind()).isEqualTo(Rendition.Kind.PREVIEW);
        assertThat(List.of(thumbnail.width(), thumbnail.height())).containsExactly(320, 240);
        assertThat(List.of(preview.width(), preview.height())).containsExactly(1280, 960);
        for (RenditionFile file : List.of(thumbnail, preview)) {
            assertThat(file.contentType()).isEqualTo(ContentType.WEBP);
            assertThat(isWebp(Images.bytes(file.file()))).isTrue();
            BufferedImage decoded = Images.read(file.file());
            assertThat(List.of(decoded.getWidth(), decoded.getHeight()))
                    .containsExactly(file.width(), file.height());
        }
        MediaInfo info = result.processed().info();
        assertThat(info.width()).isEqualTo(4000);
        assertThat(info.height()).isEqualTo(3000);
        assertThat(info.durationMillis()).isNull();
        assertThat(result.listener().info()).isEqualTo(info);
        assertThat(info.placeholder()).isNotBlank();
        assertThat(UploadPolicy.placeholderFits(info.placeholder())).isTrue();
    }

    @Test
    void theThumbnailIsAnnouncedBeforeThePreviewIsMade() {
        Uploads.Result result = new Uploads(root).image(PROCESSOR, "image/jpeg",
                Images.jpeg(Images.photo(2000, 1500)));

        assertThat(result.listener().filesAtThumbnail())
                .containsExactly(result.listener().thumbnail().file().getFileName());
        assertThat(result.preview().file()).exists();
    }

    @ParameterizedTest
    @EnumSource(value = ExifByteOrder.class)
    void exifOrientationSixIsTurnedUprightAndReportsDisplaySize(ExifByteOrder order) {
        byte[] stored = Images.jpeg(Images.halves(400, 300, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB));
        byte[] jpeg = ExifSegments.insertAfterStart(stored, ExifSegments.orientation(6, order.order));

        Uploads.Result result = new Uploads(root).image(PROCESSOR, "image/jpeg", jpeg);

        MediaInfo info = result.processed().info();
        assertThat(List.of(info.width(), info.height())).containsExactly(300, 400);
        RenditionFile thumbnail = result.listener().thumbnail();
        assertThat(List.of(thumbnail.width(), thumbnail.height())).containsExactly(240, 320);
        BufferedImage upright = Images.read(thumbnail.file());
        // turned clockwise: the stored left side (red) is now on top
        assertThat(Colors.at(upright, 120, 20)).isEqualTo(Colors.RED);
        assertThat(Colors.at(upright, 120, 300)).isEqualTo(Colors.BLUE);
        assertThat(List.of(result.preview().width(), result.preview().height())).containsExactly(300, 400);
    }

    @Test
    void aPngWithAlphaKeepsItsTransparency() {
        BufferedImage picture = Images.halves(600, 300, new Color(0, 0, 0, 0), Color.GREEN,
                BufferedImage.TYPE_INT_ARGB);

        Uploads.Result result = new Uploads(root).image(PROCESSOR, "image/png", Images.png(picture));

        BufferedImage thumbnail = Images.read(result.listener().thumbnail().file());
        assertThat(thumbnail.getColorModel().hasAlpha()).isTrue();
        assertThat(thumbnail.getRGB(40, 80) >>> 24).isZero();
        assertThat(thumbnail.getRGB(280, 80) >>> 24).isEqualTo(255);
        assertThat(Colors.at(thumbnail, 280, 80)).isEqualTo(Colors.GREEN);
        assertThat(ThumbHashReading.hasAlpha(result.processed().info().placeholder())).isTrue();
    }

    @Test
    void anAnimatedGifShowsItsFirstFrame() {
        byte[] gif = Images.gif(List.of(Images.solid(200, 100, Color.RED), Images.solid(200, 100, Color.BLUE)));

        Uploads.Result result = new Uploads(root).image(PROCESSOR, "image/gif", gif);

        assertThat(Colors.at(Images.read(result.listener().thumbnail().file()), 100, 50)).isEqualTo(Colors.RED);
        assertThat(result.processed().info()).extracting(MediaInfo::width, MediaInfo::height)
                .containsExactly(200, 100);
    }

    @Test
    void aSmallPictureIsNeverEnlarged() {
        Uploads.Result result = new Uploads(root).image(PROCESSOR, "image/png", Images.png(Images.photo(200, 90)));

        assertThat(List.of(result.listener().thumbnail().width(), result.listener().thumbnail().height()))
                .containsExactly(200, 90);
        assertThat(List.of(result.preview().width(), result.preview().height())).containsExactly(200, 90);
    }

    @Test
    void aPictureBetweenThumbnailAndPreviewSizeKeepsItsSizeAsPreview() {
        Uploads.Result result = new Uploads(root).image(PROCESSOR, "image/jpeg",
                Images.jpeg(Images.photo(1000, 2000)));

        assertThat(List.of(result.listener().thumbnail().width(), result.listener().thumbnail().height()))
                .containsExactly(160, 320);
        assertThat(List.of(result.preview().width(), result.preview().height())).containsExactly(640, 1280);
    }

    @Test
    void gpsAndOtherExifNeverReachTheRenditions() {
        byte[] jpeg = ExifSegments.insertAfterStart(Images.jpeg(Images.photo(1600, 1200)), ExifSegments.gps());
        assertThat(contains(jpeg, "Exif")).isTrue();
        assertThat(contains(jpeg, ExifSegments.GPS_MARKER)).isTrue();

        Uploads.Result result = new Uploads(root).image(PROCESSOR, "image/jpeg", jpeg);

        for (RenditionFile file : List.of(result.listener().thumbnail(), result.preview())) {
            byte[] bytes = Images.bytes(file.file());
            assertThat(contains(bytes, "Exif")).as("Exif in %s", file.kind()).isFalse();
            assertThat(contains(bytes, "EXIF")).as("WebP EXIF chunk in %s", file.kind()).isFalse();
            assertThat(contains(bytes, ExifSegments.GPS_MARKER)).as("GPS IFD text in %s", file.kind()).isFalse();
        }
    }

    @Test
    void aCmykJpegIsConvertedToRgb() {
        Uploads.Result result = new Uploads(root).image(PROCESSOR, "image/jpeg", Jpegs.cmyk(64, 48));

        assertThat(result.listener().thumbnail().width()).isEqualTo(64);
        assertThat(Images.read(result.preview().file()).getColorModel().getNumColorComponents()).isEqualTo(3);
    }

    @Test
    void aGreyJpegIsProcessed() {
        BufferedImage grey = new BufferedImage(500, 400, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(Images.photo(500, 400), 0, 0, null);

        Uploads.Result result = new Uploads(root).image(PROCESSOR, "image/jpeg", Images.jpeg(grey));

        assertThat(List.of(result.listener().thumbnail().width(), result.listener().thumbnail().height()))
                .containsExactly(320, 256);
    }

    @Test
    void aLargeWebpUploadIsScaledWhileDecoding() throws Exception {
        Path webp = root.resolve("input.webp");
        new WebpEncoder().write(Images.photo(3000, 2000), webp);

        Uploads.Result result = new Uploads(root).image(PROCESSOR, "image/webp", Images.bytes(webp));

        assertThat(result.processed().info()).extracting(MediaInfo::width, MediaInfo::height)
                .containsExactly(3000, 2000);
        assertThat(List.of(result.preview().width(), result.preview().height())).containsExactly(1280, 853);
    }

    @Test
    void withoutWebpTheRenditionsAreJpegWithoutMetadata() {
        MediaProcessor jpegOnly = new MediaProcessorByKind(new ImageProcessor(MediaSettings.defaults(),
                new DecodeGate(1), new JpegEncoder()));
        byte[] jpeg = ExifSegments.insertAfterStart(Images.jpeg(Images.photo(1600, 1200)), ExifSegments.gps());

        Uploads.Result result = new Uploads(root).image(jpegOnly, "image/jpeg", jpeg);

        for (RenditionFile file : List.of(result.listener().thumbnail(), result.preview())) {
            assertThat(file.contentType()).isEqualTo(ContentType.JPEG);
            assertThat(file.file().getFileName().toString()).endsWith(".jpg");
            byte[] bytes = Images.bytes(file.file());
            assertThat(Images.read(bytes).getWidth()).isEqualTo(file.width());
            assertThat(contains(bytes, "Exif")).isFalse();
            assertThat(contains(bytes, ExifSegments.GPS_MARKER)).isFalse();
        }
    }

    enum ExifByteOrder {
        INTEL(ByteOrder.LITTLE_ENDIAN),
        MOTOROLA(ByteOrder.BIG_ENDIAN);

        final ByteOrder order;

        ExifByteOrder(ByteOrder order) {
            this.order = order;
        }
    }

    private static boolean isWebp(byte[] bytes) {
        return bytes.length > 12 && new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                && new String(bytes, 8, 4, StandardCharsets.US_ASCII).equals("WEBP");
    }

    static boolean contains(byte[] haystack, String needle) {
        byte[] wanted = needle.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + wanted.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + wanted.length, wanted, 0, wanted.length)) {
                return true;
            }
        }
        return false;
    }
}
