package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.application.port.out.MediaProcessor.RenditionFile;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MediaInfo;
import dev.mosaic.domain.UploadPolicy;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HEIC and AVIF photos, made by heif-enc, become renditions like any JPEG. */
class HeifRenditionsTest {
    private static final MediaSettings SETTINGS = MediaSettings.defaults();

    @TempDir
    Path root;

    private final DecodeGate gate = new DecodeGate(2);
    private final MediaProcessor processor = HeifPhotos.processor(SETTINGS, gate);

    @ParameterizedTest
    @CsvSource({"heic, image/heic", "heic, image/heif", "avif, image/avif"})
    void aPhotoGetsAThumbnailPreviewThumbHashAndItsSize(String format, String declaredType) {
        BufferedImage photo = Images.photo(2000, 1500);
        byte[] heif = format.equals("avif") ? Heifs.avif(photo) : Heifs.heic(photo);

        Uploads.Result result = new Uploads(root).image(processor, declaredType, heif);

        RenditionFile thumbnail = result.listener().thumbnail();
        RenditionFile preview = result.preview();
        assertThat(List.of(thumbnail.width(), thumbnail.height())).containsExactly(320, 240);
        assertThat(List.of(preview.width(), preview.height())).containsExactly(1280, 960);
        for (RenditionFile file : List.of(thumbnail, preview)) {
            assertThat(file.contentType()).isEqualTo(ContentType.WEBP);
            BufferedImage decoded = Images.read(file.file());
            assertThat(List.of(decoded.getWidth(), decoded.getHeight())).containsExactly(file.width(), file.height());
        }
        MediaInfo info = result.processed().info();
        assertThat(List.of(info.width(), info.height())).containsExactly(2000, 1500);
        assertThat(info.durationMillis()).isNull();
        assertThat(UploadPolicy.placeholderFits(info.placeholder())).isTrue();
        assertThat(result.listener().info()).isEqualTo(info);
        assertThat(gate.decodesStarted()).as("libvips' decode, then the small PNG's").isEqualTo(2);
    }

    @Test
    void theColoursAreWithinASmallDistanceOfLibvipsOwnRendering() {
        byte[] heic = Heifs.heic(Images.photo(2000, 1500));

        Uploads.Result result = new Uploads(root).image(processor, "image/heic", heic);

        // lossy WebP moves single pixels a few levels; a colour-space mistake moves the average
        BufferedImage ours = Images.read(result.preview().file());
        BufferedImage vips = HeifPhotos.vipsRendering(heic, 1280);
        assertThat(HeifPhotos.meanDistance(ours, vips)).isLessThan(6.0);
        assertThat(HeifPhotos.meanColourShift(ours, vips)).isLessThan(1.0);
        BufferedImage thumbnail = Images.read(result.listener().thumbnail().file());
        assertThat(HeifPhotos.meanColourShift(thumbnail, HeifPhotos.vipsRendering(heic, 320))).isLessThan(1.0);
    }

    @Test
    void theThumbnailIsAnnouncedBeforeThePreviewAndNothingElseIsLeftInTheWorkFolder() {
        Uploads.Result result = new Uploads(root).image(processor, "image/heic",
                Heifs.heic(Images.photo(800, 600)));

        assertThat(result.listener().filesAtThumbnail())
                .contains(result.listener().thumbnail().file().getFileName())
                .doesNotContain(result.preview().file().getFileName());
        assertThat(result.workDir().toFile().list()).containsExactlyInAnyOrder(
                result.listener().thumbnail().file().getFileName().toString(),
                result.preview().file().getFileName().toString());
    }

    @ParameterizedTest
    @CsvSource({
        // irot turns counter-clockwise: a quarter turn brings the stored left (red) to the bottom
        "1, -1, 300, 400, BLUE, RED",
        "3, -1, 300, 400, RED, BLUE",
        "2, -1, 400, 300, BLUE, RED",
        // libheif 1.15 reads imir axis 1 as a left-to-right flip, axis 0 as top-to-bottom
        "-1, 1, 400, 300, BLUE, RED",
        "-1, 0, 400, 300, RED, BLUE",
        "1, 1, 300, 400, BLUE, RED"})
    void irotAndImirTurnThePictureAndTheReportedSize(int quarterTurns, int mirrorAxis, int width, int height,
                                                       Colors first, Colors second) {
        byte[] stored = Heifs.heic(Images.halves(400, 300, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB));

        Uploads.Result result = new Uploads(root).image(processor, "image/heic",
                Heifs.turned(stored, quarterTurns, mirrorAxis));

        MediaInfo info = result.processed().info();
        assertThat(List.of(info.width(), info.height())).containsExactly(width, height);
        BufferedImage preview = Images.read(result.preview().file());
        assertThat(List.of(preview.getWidth(), preview.getHeight())).containsExactly(width, height);
        boolean portrait = height > width;
        // first: the top (portrait) or left (landscape) quarter; second: the opposite one
        int[] a = portrait ? new int[] {width / 2, height / 8} : new int[] {width / 8, height / 2};
        int[] b = portrait ? new int[] {width / 2, height * 7 / 8} : new int[] {width * 7 / 8, height / 2};
        assertThat(Colors.at(preview, a[0], a[1])).isEqualTo(first);
        assertThat(Colors.at(preview, b[0], b[1])).isEqualTo(second);
    }

    @Test
    void aDisplayP3ProfileIsConvertedToSrgb() {
        BufferedImage red = Images.solid(64, 48, new Color(255, 0, 0));
        byte[] p3 = HeifPhotos.inDisplayP3(red);
        // the same red written in P3 numbers: shown without its profile it would be a duller red
        assertThat(Images.read(p3).getRGB(5, 5) >> 8 & 0xFF).isGreaterThan(40);

        Uploads.Result result = new Uploads(root).image(processor, "image/heic", Heifs.heic(p3));

        int rgb = Images.read(result.listener().thumbnail().file()).getRGB(20, 20);
        assertThat(rgb >> 16 & 0xFF).isGreaterThan(240);
        assertThat(rgb >> 8 & 0xFF).isLessThan(20);
        assertThat(rgb & 0xFF).isLessThan(20);
    }

    @Test
    void exifAndGpsNeverReachTheRenditions() {
        byte[] jpeg = ExifSegments.insertAfterStart(Images.jpeg(Images.photo(400, 300)), ExifSegments.gps());
        byte[] heic = Heifs.heicFromJpeg(jpeg);
        assertThat(contains(heic, ExifSegments.GPS_MARKER)).isTrue();

        Uploads.Result result = new Uploads(root).image(processor, "image/heic", heic);

        for (RenditionFile file : List.of(result.listener().thumbnail(), result.preview())) {
            byte[] bytes = Images.bytes(file.file());
            assertThat(contains(bytes, "Exif")).as("Exif in %s", file.kind()).isFalse();
            assertThat(contains(bytes, ExifSegments.GPS_MARKER)).as("GPS in %s", file.kind()).isFalse();
        }
    }

    @Test
    void aPhotoWithAlphaKeepsItsTransparency() {
        BufferedImage picture = Images.halves(600, 300, new Color(0, 0, 0, 0), Color.GREEN,
                BufferedImage.TYPE_INT_ARGB);

        Uploads.Result result = new Uploads(root).image(processor, "image/avif", Heifs.avif(picture));

        BufferedImage thumbnail = Images.read(result.listener().thumbnail().file());
        assertThat(thumbnail.getRGB(40, 80) >>> 24).isZero();
        assertThat(Colors.at(thumbnail, 280, 80)).isEqualTo(Colors.GREEN);
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
