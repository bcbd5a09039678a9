package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.domain.MediaInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEIC and AVIF files built to hurt: each is refused, quickly, and most before any pixel is decoded. */
class HeifHostileTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);
    private static byte[] heic;

    @TempDir
    Path root;

    private final DecodeGate gate = new DecodeGate(2);

    @BeforeAll
    static void makeAPhoto() {
        heic = Heifs.heic(Images.photo(400, 300));
    }

    private Uploads.Result image(String declaredType, byte[] bytes) {
        return image(MediaSettings.defaults(), declaredType, bytes);
    }

    private Uploads.Result image(MediaSettings settings, String declaredType, byte[] bytes) {
        MediaProcessor processor = HeifPhotos.processor(settings, gate);
        return assertTimeoutPreemptively(QUICKLY, () -> new Uploads(root).image(processor, declaredType, bytes));
    }

    @Test
    void aHeicDeclaring60000By60000IsRefusedFromItsHeader() {
        Uploads.Result result = image("image/heic", Heifs.declaring(heic, 60_000, 60_000));

        assertThat(result.refusalCode()).isEqualTo("image_too_large");
        assertThat(gate.decodesStarted()).isZero();
        assertThat(result.workDir()).isEmptyDirectory();
    }

    @Test
    void aHeicOverThePixelCapButWithinLibheifsLimitIsRefusedByOurs() {
        Uploads.Result result = image("image/heic", Heifs.declaring(heic, 9000, 9000));

        assertThat(result.refusalCode()).isEqualTo("image_too_large");
        assertThat(gate.decodesStarted()).isZero();
    }

    @Test
    void thePixelCapIsWhatRefusesIt() {
        MediaSettings tight = MediaSettings.defaults().withMaxPixels(400 * 300 - 1);

        assertThat(image(tight, "image/heic", heic).refusalCode()).isEqualTo("image_too_large");
        assertThat(image(MediaSettings.defaults().withMaxPixels(400 * 300), "image/heic", heic).processed().info())
                .extracting(MediaInfo::width, MediaInfo::height).containsExactly(400, 300);
    }

    @Test
    void aTruncatedHeicIsCorrupt() {
        Uploads.Result result = image("image/heic", Arrays.copyOf(heic, heic.length / 2));

        assertThat(result.refusalCode()).isEqualTo("image_corrupt");
        assertThat(result.listener().thumbnails()).isEmpty();
        assertThat(result.workDir()).isEmptyDirectory();
    }

    @Test
    void aFileWithNothingButAHeicBrandIsCorrupt() {
        assertThat(image("image/heic", HostileCorpus.fakeHeic()).refusalCode()).isEqualTo("image_corrupt");
    }

    @Test
    void anImageSequenceOfThousandsOfFramesIsRefusedWithoutDecodingAny() {
        Uploads.Result result = image("image/heif", Heifs.sequence(3000));

        assertThat(result.refusalCode()).isEqualTo("image_unsupported");
        assertThat(gate.decodesStarted()).isZero();
    }

    @Test
    void aCollectionOfMoreImagesThanTheFrameCapIsRefusedWithoutDecoding() {
        byte[] burst = Heifs.collection(Images.photo(64, 48), 6);

        assertThat(image(MediaSettings.defaults().withMaxFrames(5), "image/heic", burst).refusalCode())
                .isEqualTo("image_too_many_frames");
        assertThat(gate.decodesStarted()).isZero();
        assertThat(image(MediaSettings.defaults().withMaxFrames(6), "image/heic", burst).processed().info())
                .extracting(MediaInfo::width, MediaInfo::height).containsExactly(64, 48);
    }

    @Test
    void heicBytesDeclaredAsJpegAndTheReverseAreMismatches() {
        assertThat(image("image/jpeg", heic).refusalCode()).isEqualTo("content_type_mismatch");
        assertThat(image("image/heic", Images.jpeg(Images.photo(40, 30))).refusalCode())
                .isEqualTo("content_type_mismatch");
        assertThat(image("image/avif", heic).refusalCode()).isEqualTo("content_type_mismatch");
        assertThat(gate.decodesStarted()).isZero();
    }

    @Test
    void aDecodePastTheTimeoutIsStoppedAndRefused() {
        MediaSettings impatient = MediaSettings.defaults()
                .withVips(VipsSettings.defaults().withProcessTimeout(Duration.ofMillis(1)));

        assertThat(image(impatient, "image/heic", heic).refusalCode()).isEqualTo("image_too_slow");
    }

    @Test
    void aDecodeNeedingMoreMemoryThanTheBoundIsStoppedAndRefused() {
        byte[] photo = Heifs.heic(Images.photo(2000, 1500));
        MediaSettings frugal = MediaSettings.defaults()
                .withVips(VipsSettings.defaults().withMemoryLimit(60L * 1024 * 1024));

        assertThat(image(frugal, "image/heic", photo).refusalCode()).isEqualTo("image_corrupt");
        assertThat(image("image/heic", photo).processed().info())
                .extracting(MediaInfo::width, MediaInfo::height).containsExactly(2000, 1500);
    }
}
