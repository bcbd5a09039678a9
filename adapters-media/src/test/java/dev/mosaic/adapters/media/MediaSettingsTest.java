package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MediaSettingsTest {

    @Test
    void defaultsSuitAChatProduct() {
        MediaSettings defaults = MediaSettings.defaults();

        assertThat(defaults.maxPixels()).isEqualTo(50_000_000L);
        assertThat(defaults.maxFrames()).isEqualTo(1000);
        assertThat(defaults.maxConcurrentDecodes()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(defaults.thumbnailSize()).isEqualTo(320);
        assertThat(defaults.previewSize()).isEqualTo(1280);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> MediaSettings.defaults().withMaxConcurrentDecodes(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MediaSettings.defaults().withMaxPixels(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPreviewIsNoSmallerThanAThumbnail() {
        assertThatThrownBy(() -> new MediaSettings(1_000_000, 10, 1, 640, 320))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void videoSettingsDefaultUnlessGiven() {
        VideoSettings video = VideoSettings.defaults().withMaxConcurrentTranscodes(3);

        assertThat(MediaSettings.defaults().video()).isEqualTo(VideoSettings.defaults());
        assertThat(MediaSettings.defaults().withVideo(video).withMaxPixels(10).video()).isEqualTo(video);
    }

    @Test
    void videoLimitsMustBePositive() {
        VideoSettings defaults = VideoSettings.defaults();

        assertThatThrownBy(() -> defaults.withMaxConcurrentTranscodes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withFfmpegThreads(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(defaults.withFfmpegThreads(0).ffmpegThreads()).as("0: ffmpeg chooses").isZero();
        assertThatThrownBy(() -> defaults.withMaxDuration(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withProcessTimeout(java.time.Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withPlaybackShortSide(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
