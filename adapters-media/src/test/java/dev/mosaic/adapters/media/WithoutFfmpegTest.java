package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.domain.MediaInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without ffmpeg or libvips the server still runs: one warning each at start-up, and videos or
 * HEIC/AVIF photos ready with their download URL.
 */
class WithoutFfmpegTest {
    private final List<String> warnings = new ArrayList<>();

    @TempDir
    Path root;

    @Test
    void oneClearWarningIsGivenWhenTheProcessorIsMade() {
        MediaProcessor processor = MediaProcessors.create(MediaSettings.defaults(), Clips.noPath(), warnings::add);
        new VideoUploads(root).video(processor, "video/mp4", Clips.h264Aac(root.resolve("a.mp4"), 64, 48, 1));
        new VideoUploads(root).video(processor, "video/mp4", Clips.h264Aac(root.resolve("b.mp4"), 64, 48, 1));

        assertThat(warnings).containsExactly(MediaProcessors.VIPS_MISSING, MediaProcessors.FFMPEG_MISSING);
        assertThat(MediaProcessors.FFMPEG_MISSING).contains("ffmpeg not found").contains("download URL only")
                .contains("MOSAIC_FFMPEG");
    }

    @Test
    void withoutVipsAHeicIsCheckedThenReadyWithNothingMade() {
        MediaProcessor processor = MediaProcessors.create(MediaSettings.defaults(), Clips.noPath(), warnings::add);

        Uploads.Result result = new Uploads(root).image(processor, "image/heic", Heifs.heic(Images.photo(64, 48)));

        assertThat(result.processed().info()).isEqualTo(MediaInfo.NONE);
        assertThat(result.processed().renditions()).isEmpty();
        assertThat(result.listener().thumbnails()).isEmpty();
        assertThat(MediaProcessors.VIPS_MISSING).contains("vips not found").contains("download URL only")
                .contains("MOSAIC_VIPS");
    }

    @Test
    void withFfmpegFoundThereIsNoWarning() {
        MediaProcessors.create(MediaSettings.defaults(), System.getenv(), warnings::add);

        assertThat(warnings).isEmpty();
    }

    @Test
    void aVideoIsCheckedThenReadyWithNothingMade() {
        MediaProcessor processor = MediaProcessors.create(MediaSettings.defaults(), Clips.noPath(), warnings::add);

        VideoUploads.Result result = new VideoUploads(root).video(processor, "video/mp4",
                Clips.h264Aac(root.resolve("clip.mp4"), 64, 48, 1));

        assertThat(result.processed().info()).isEqualTo(MediaInfo.NONE);
        assertThat(result.processed().renditions()).isEmpty();
        assertThat(result.heard().order()).isEmpty();
        assertThat(result.workDir()).isEmptyDirectory();
    }

    @Test
    void aVideoWhoseBytesAreNoVideoIsStillAMismatch() {
        MediaProcessor processor = MediaProcessors.create(MediaSettings.defaults(), Clips.noPath(), warnings::add);

        VideoUploads.Result result = new VideoUploads(root).video(processor, "video/mp4",
                HostileCorpus.load(HostileCorpus.HTML_PAGE));

        assertThat(result.refusalCode()).isEqualTo("content_type_mismatch");
    }
}
