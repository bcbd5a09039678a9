package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.port.out.MediaProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ffprobe's findings, read into facts, and the limits that refuse a video before any frame is made. */
class VideoProbeTest {
    private final VideoProbe probe = new VideoProbe(Clips.TOOLS.ffprobe(), new ProcessSupervisor(Duration.ofSeconds(20)));

    @TempDir
    Path root;

    private VideoFacts facts(VideoSettings settings, Container container, Path clip) {
        return new ProbeReading(settings).facts(container, probe.probe(container, clip));
    }

    @Test
    void anMp4sDurationSizeCodecsAndRotationAreFound() {
        Path clip = Clips.h264Aac(root.resolve("clip.mp4"), 320, 240, 2);

        VideoFacts facts = facts(VideoSettings.defaults(), Container.MOV, clip);

        assertThat(facts.duration().orElseThrow()).isBetween(1950L, 2100L);
        assertThat(facts.stored()).isEqualTo(new Size(320, 240));
        assertThat(facts.display()).isEqualTo(new Size(320, 240));
        assertThat(facts.videoCodec()).isEqualTo("h264");
        assertThat(facts.pixelFormat()).isEqualTo("yuv420p");
        assertThat(facts.audioCodec()).contains("aac");
        assertThat(facts.rotation()).isZero();
    }

    @Test
    void aQuarterTurnSwapsTheDisplaySides() {
        Path turned = Clips.rotated(Clips.h264Aac(root.resolve("clip.mp4"), 320, 240, 1), root.resolve("t.mp4"), 90);

        VideoFacts facts = facts(VideoSettings.defaults(), Container.MOV, turned);

        assertThat(facts.rotation()).isIn(90, 270);
        assertThat(facts.stored()).isEqualTo(new Size(320, 240));
        assertThat(facts.display()).isEqualTo(new Size(240, 320));
    }

    @Test
    void aWebmIsReadAsMatroska() {
        VideoFacts facts = facts(VideoSettings.defaults(), Container.MATROSKA,
                Clips.webm(root.resolve("clip.webm"), 160, 120, 1));

        assertThat(facts.videoCodec()).isEqualTo("vp8");
        assertThat(facts.audioCodec()).contains("opus");
    }

    @Test
    void aFileReadWithTheWrongDemuxerIsUnreadable() {
        Path clip = Clips.h264Aac(root.resolve("clip.mp4"), 160, 120, 1);

        assertThatThrownBy(() -> facts(VideoSettings.defaults(), Container.MATROSKA, clip))
                .isInstanceOfSatisfying(UnusableVideo.class,
                        e -> assertThat(e.refusal().code()).isEqualTo("video_unreadable"));
    }

    @Test
    void aVideoLongerThanTheLimitIsRefusedBeforeAnyFrameIsMade() {
        Path clip = Clips.h264Aac(root.resolve("clip.mp4"), 160, 120, 2);
        MediaProcessor processor = MediaProcessors.create(
                Clips.settings(VideoSettings.defaults().withMaxDuration(Duration.ofMillis(1500))), Clips.searchPath());

        VideoUploads.Result result = new VideoUploads(root).video(processor, "video/mp4", clip);

        assertThat(result.refusalCode()).isEqualTo("video_too_long");
        assertThat(result.heard().heardThumbnail()).isFalse();
        assertThat(result.workDir()).isEmptyDirectory();
    }

    @Test
    void aVideoLargerThanTheLimitIsRefused() {
        Path clip = Clips.h264Aac(root.resolve("clip.mp4"), 320, 240, 1);

        assertThatThrownBy(() -> facts(VideoSettings.defaults().withMaxResolution(319, 1_000_000), Container.MOV, clip))
                .isInstanceOfSatisfying(UnusableVideo.class,
                        e -> assertThat(e.refusal().code()).isEqualTo("video_too_large"));
        assertThatThrownBy(() -> facts(VideoSettings.defaults().withMaxResolution(4000, 320 * 240 - 1), Container.MOV,
                clip)).isInstanceOfSatisfying(UnusableVideo.class,
                        e -> assertThat(e.refusal().code()).isEqualTo("video_too_large"));
        assertThat(facts(VideoSettings.defaults().withMaxResolution(320, 320 * 240), Container.MOV, clip).stored())
                .isEqualTo(new Size(320, 240));
    }

    @Test
    void theDefaultLimitsAreAnHourAndEightK() {
        VideoSettings defaults = VideoSettings.defaults();

        assertThat(defaults.maxDuration()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.maxSide()).isEqualTo(7680);
        assertThat(defaults.maxFramePixels()).isEqualTo(7680L * 4320);
        assertThat(defaults.playbackShortSide()).isEqualTo(720);
        assertThat(defaults.maxConcurrentTranscodes()).isEqualTo(1);
        assertThat(defaults.ffmpegThreads()).isZero();
        assertThat(defaults.ffmpeg()).isEqualTo(Optional.empty());
    }
}
