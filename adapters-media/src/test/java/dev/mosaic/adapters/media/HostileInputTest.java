package dev.mosaic.adapters.media;

import static dev.mosaic.adapters.media.HostileCorpus.ANIMATED_WEBP;
import static dev.mosaic.adapters.media.HostileCorpus.EXIF_BAD_OFFSETS_JPEG;
import static dev.mosaic.adapters.media.HostileCorpus.FAKE_HEIC;
import static dev.mosaic.adapters.media.HostileCorpus.GARBAGE_GIF;
import static dev.mosaic.adapters.media.HostileCorpus.HTML_PAGE;
import static dev.mosaic.adapters.media.HostileCorpus.HUGE_DIMENSIONS_JPEG;
import static dev.mosaic.adapters.media.HostileCorpus.MANY_FRAMES_GIF;
import static dev.mosaic.adapters.media.HostileCorpus.PIXEL_FLOOD_PNG;
import static dev.mosaic.adapters.media.HostileCorpus.SCRIPTED_SVG;
import static dev.mosaic.adapters.media.HostileCorpus.TRUNCATED_JPEG;
import static dev.mosaic.adapters.media.HostileCorpus.TWO_CHANNEL_JPEG;
import static dev.mosaic.adapters.media.HostileCorpus.YCCK_AS_YCC_JPEG;
import static dev.mosaic.adapters.media.HostileCorpus.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.domain.MediaInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostileInputTest {
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    @TempDir
    Path root;

    private final DecodeGate gate = new DecodeGate(2);

    private MediaProcessor processor(MediaSettings settings) {
        return new MediaProcessorByKind(new ImageProcessor(settings, gate, ImageEncoders.best(), jpegLibrary()));
    }

    /** ImageIO decodes JPEGs here; {@link HostileInputOnTurboJpegTest} runs the same files through TurboJPEG. */
    Optional<TurboJpeg> jpegLibrary() {
        return Optional.empty();
    }

    private Uploads.Result image(String declaredType, byte[] bytes) {
        return new Uploads(root).image(processor(MediaSettings.defaults()), declaredType, bytes);
    }

    @Test
    void aPixelFloodPngIsRefusedFromItsHeaderWithoutDecoding() {
        Uploads.Result result = assertTimeoutPreemptively(QUICKLY, () -> image("image/png", load(PIXEL_FLOOD_PNG)));

        assertThat(result.refusalCode()).isEqualTo("image_too_large");
        assertThat(gate.decodesStarted()).isZero();
        assertThat(result.listener().thumbnails()).isEmpty();
        assertThat(result.workDir()).isEmptyDirectory();
    }

    @Test
    void aJpegClaiming65500By65500IsRefusedWithoutDecoding() {
        Uploads.Result result = assertTimeoutPreemptively(QUICKLY,
                () -> image("image/jpeg", load(HUGE_DIMENSIONS_JPEG)));

        assertThat(result.refusalCode()).isEqualTo("image_too_large");
        assertThat(gate.decodesStarted()).isZero();
    }

    @Test
    void thePixelCapCountsPixelsNotSides() {
        byte[] png = Images.png(Images.photo(200, 100));
        Uploads uploads = new Uploads(root);

        assertThat(uploads.image(processor(MediaSettings.defaults().withMaxPixels(20_000)), "image/png", png)
                .processed().info().width()).isEqualTo(200);
        assertThat(uploads.image(processor(MediaSettings.defaults().withMaxPixels(19_999)), "image/png", png)
                .refusalCode()).isEqualTo("image_too_large");
    }

    @Test
    void aTruncatedJpegIsCorrupt() {
        assertThat(image("image/jpeg", load(TRUNCATED_JPEG)).refusalCode()).isEqualTo("image_corrupt");
    }

    @Test
    void aJpegCutInsideItsHeaderIsCorrupt() {
        byte[] whole = Images.jpeg(Images.photo(64, 64));

        assertThat(image("image/jpeg", java.util.Arrays.copyOf(whole, 40)).refusalCode())
                .isEqualTo("image_corrupt");
    }

    @Test
    void randomBytesAfterAGifSignatureAreCorrupt() {
        assertThat(image("image/gif", load(GARBAGE_GIF)).refusalCode()).isEqualTo("image_corrupt");
    }

    @Test
    void htmlDeclaredAsPngIsAMismatch() {
        Uploads.Result result = image("image/png", load(HTML_PAGE));

        assertThat(result.refusalCode()).isEqualTo("content_type_mismatch");
        assertThat(gate.decodesStarted()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/svg+xml", "image/png", "image/jpeg"})
    void svgDeclaredAsAnImageIsAMismatch(String declaredType) {
        assertThat(image(declaredType, load(SCRIPTED_SVG)).refusalCode()).isEqualTo("content_type_mismatch");
    }

    @Test
    void aPngDeclaredAsJpegIsAMismatch() {
        assertThat(image("image/jpeg", Images.png(Images.photo(40, 30))).refusalCode())
                .isEqualTo("content_type_mismatch");
    }

    @Test
    void anEmptyFileIsAMismatch() {
        assertThat(image("image/jpeg", new byte[0]).refusalCode()).isEqualTo("content_type_mismatch");
    }

    @Test
    void aGifWithThousandsOfFramesIsRefusedWithoutDecoding() {
        Uploads.Result result = assertTimeoutPreemptively(QUICKLY, () -> image("image/gif", load(MANY_FRAMES_GIF)));

        assertThat(result.refusalCode()).isEqualTo("image_too_many_frames");
        assertThat(gate.decodesStarted()).isZero();
    }

    @Test
    void theFrameCapIsWhatRefusesThatGif() {
        MediaProcessor lenient = processor(MediaSettings.defaults().withMaxFrames(HostileCorpus.MANY_FRAMES));

        Uploads.Result result = new Uploads(root).image(lenient, "image/gif", load(MANY_FRAMES_GIF));

        assertThat(result.processed().info()).extracting(MediaInfo::width, MediaInfo::height)
                .containsExactly(1, 1);
    }

    @Test
    void withoutLibvipsAHeicIsCheckedAndReadyWithNothingMade() {
        Uploads.Result result = image("image/heic", load(FAKE_HEIC));

        assertThat(result.processed().info()).isEqualTo(MediaInfo.NONE);
        assertThat(result.processed().renditions()).isEmpty();
        assertThat(result.workDir()).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {TWO_CHANNEL_JPEG, YCCK_AS_YCC_JPEG})
    void aJpegColourLayoutImageIoCannotConvertIsUnsupported(String name) {
        assertThat(image("image/jpeg", load(name)).refusalCode()).isEqualTo("image_unsupported");
    }

    @Test
    void anAnimatedWebpLibwebpWillNotDecodeIsUnsupported() {
        assertThat(image("image/webp", load(ANIMATED_WEBP)).refusalCode()).isEqualTo("image_unsupported");
    }

    @Test
    void exifWithOffsetsPointingNowhereIsIgnored() {
        Uploads.Result result = image("image/jpeg", load(EXIF_BAD_OFFSETS_JPEG));

        assertThat(result.processed().info()).extracting(MediaInfo::width, MediaInfo::height)
                .containsExactly(64, 48);
    }
}
