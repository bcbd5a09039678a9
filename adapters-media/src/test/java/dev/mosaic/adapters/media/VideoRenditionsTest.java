package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.application.port.out.MediaProcessor.RenditionFile;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MediaInfo;
import dev.mosaic.domain.Rendition;
import dev.mosaic.domain.UploadPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real ffmpeg on clips it made itself: poster, thumbnail, progress and the playable MP4. */
class VideoRenditionsTest {
    private static final MediaProcessor PROCESSOR = MediaProcessors.create(Clips.settings(VideoSettings.defaults()), Clips.searchPath());
    /** Plays back at most 120 pixels high, so a small clip must be transcoded, quickly. */
    private static final MediaProcessor TRANSCODING = MediaProcessors.create(
            Clips.settings(VideoSettings.defaults().withPlaybackShortSide(120)), Clips.searchPath());

    @TempDir
    Path root;

    @Test
    void aWebmBecomesAnH264AacMp4ThatStartsFast() {
        Path clip = Clips.webm(root.resolve("clip.webm"), 320, 240, 2);

        VideoUploads.Result result = new VideoUploads(root).video(PROCESSOR, "video/webm", clip);

        RenditionFile playback = result.playback();
        assertThat(playback.kind()).isEqualTo(Rendition.Kind.PLAYBACK);
        assertThat(playback.contentType()).isEqualTo(ContentType.MP4);
        assertThat(List.of(playback.width(), playback.height())).containsExactly(320, 240);
        Probed output = Probed.of(playback.file());
        assertThat(output.formatName()).contains("mp4");
        assertThat(output.video().codec_name).isEqualTo("h264");
        assertThat(output.video().pix_fmt).isEqualTo("yuv420p");
        assertThat(List.of(output.video().width, output.video().height)).containsExactly(320, 240);
        assertThat(output.audio().codec_name).isEqualTo("aac");
        assertThat(output.seconds()).isCloseTo(2.0, within(0.2));
        assertThat(Mp4Boxes.startsFast(playback.file())).isTrue();
    }

    @Test
    void theVideosFactsComeWithThePosterThumbnailAndPreview() {
        Path clip = Clips.webm(root.resolve("clip.webm"), 320, 240, 2);

        VideoUploads.Result result = new VideoUploads(root).video(PROCESSOR, "video/webm", clip);

        MediaInfo info = result.processed().info();
        assertThat(List.of(info.width(), info.height())).containsExactly(320, 240);
        assertThat(info.durationMillis()).isBetween(1900L, 2100L);
        assertThat(UploadPolicy.placeholderFits(info.placeholder())).isTrue();
        assertThat(result.heard().info()).isEqualTo(info);
        RenditionFile thumbnail = result.heard().thumbnail();
        assertThat(thumbnail.kind()).isEqualTo(Rendition.Kind.THUMBNAIL);
        assertThat(List.of(thumbnail.width(), thumbnail.height())).containsExactly(320, 240);
        assertThat(Images.read(thumbnail.file()).getWidth()).isEqualTo(320);
        assertThat(result.processed().renditions()).extracting(RenditionFile::kind)
                .containsExactly(Rendition.Kind.PREVIEW, Rendition.Kind.PLAYBACK);
        assertThat(result.workDir().resolve(PosterFrame.FILE_NAME)).doesNotExist();
    }

    @Test
    void theThumbnailIsHeardBeforeAnyProgressAndProgressClimbsToOneHundred() {
        Path clip = Clips.h264Aac(root.resolve("clip.mp4"), 320, 240, 3);

        VideoUploads.Result result = new VideoUploads(root).video(TRANSCODING, "video/mp4", clip);

        List<String> order = result.heard().order();
        assertThat(order.get(0)).isEqualTo(HeardEvents.THUMBNAIL);
        assertThat(order).filteredOn(HeardEvents.THUMBNAIL::equals).hasSize(1);
        List<Integer> progress = result.heard().progress();
        assertThat(progress.get(0)).isZero();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(100);
        for (int i = 1; i < progress.size() - 1; i++) {
            assertThat(progress.get(i) - progress.get(i - 1)).isGreaterThanOrEqualTo(TranscodeProgress.STEP);
        }
        assertThat(progress).isSorted().doesNotHaveDuplicates();
        assertThat(progress).filteredOn(percent -> percent > 0 && percent < 100).isNotEmpty();
    }

    @Test
    void aVideoAboveThePlaybackBoundIsScaledDownKeepingItsShape() {
        Path clip = Clips.h264Aac(root.resolve("clip.mp4"), 320, 240, 1);

        VideoUploads.Result result = new VideoUploads(root).video(TRANSCODING, "video/mp4", clip);

        RenditionFile playback = result.playback();
        assertThat(List.of(playback.width(), playback.height())).containsExactly(160, 120);
        Probed output = Probed.of(playback.file());
        assertThat(List.of(output.video().width, output.video().height)).containsExactly(160, 120);
        assertThat(result.processed().info().width()).isEqualTo(320);
    }

    @Test
    void anAlreadyPlayableSmallMp4IsCopiedStreamByStreamAndStillStartsFast() {
        Path clip = Clips.h264Aac(root.resolve("clip.mp4"), 320, 240, 1);
        assertThat(Mp4Boxes.startsFast(clip)).isFalse();

        VideoUploads.Result result = new VideoUploads(root).video(PROCESSOR, "video/mp4", clip);

        Path playback = result.playback().file();
        assertThat(Clips.videoPacketsHash(playback)).isEqualTo(Clips.videoPacketsHash(clip));
        assertThat(Mp4Boxes.startsFast(playback)).isTrue();
        assertThat(result.heard().progress()).endsWith(100);
    }

    @Test
    void aTranscodeIsNotACopy() {
        Path clip = Clips.h264Aac(root.resolve("clip.mp4"), 320, 240, 1);

        VideoUploads.Result result = new VideoUploads(root).video(TRANSCODING, "video/mp4", clip);

        assertThat(Clips.videoPacketsHash(result.playback().file())).isNotEqualTo(Clips.videoPacketsHash(clip));
    }

    @Test
    void anAviIsReadWithTheAviDemuxer() {
        Path clip = Clips.avi(root.resolve("clip.avi"), 160, 120, 1);

        VideoUploads.Result result = new VideoUploads(root).video(PROCESSOR, "video/x-msvideo", clip);

        assertThat(Probed.of(result.playback().file()).video().codec_name).isEqualTo("h264");
        assertThat(result.processed().info().width()).isEqualTo(160);
    }

    @Test
    void aQuarterTurnedVideoShowsItsDisplaySizeEverywhere() {
        Path upright = Clips.h264Aac(root.resolve("upright.mp4"), 320, 240, 1);
        Path turned = Clips.rotated(upright, root.resolve("turned.mp4"), 90);

        VideoUploads.Result copied = new VideoUploads(root).video(PROCESSOR, "video/mp4", turned);
        VideoUploads.Result transcoded = new VideoUploads(root).video(TRANSCODING, "video/mp4", turned);

        assertThat(copied.processed().info()).extracting(MediaInfo::width, MediaInfo::height)
                .containsExactly(240, 320);
        assertThat(List.of(copied.heard().thumbnail().width(), copied.heard().thumbnail().height()))
                .containsExactly(240, 320);
        assertThat(List.of(copied.playback().width(), copied.playback().height())).containsExactly(240, 320);
        assertThat(Probed.of(copied.playback().file()).hasRotation()).isTrue();
        Probed turnedOutput = Probed.of(transcoded.playback().file());
        assertThat(List.of(turnedOutput.video().width, turnedOutput.video().height)).containsExactly(120, 160);
        assertThat(turnedOutput.hasRotation()).isFalse();
    }

    @Test
    void whereAVideoWasShotIsInNoOutput() {
        Path clip = Clips.withLocation(root.resolve("clip.mp4"), 320, 240, 1);
        assertThat(Probed.of(clip).allTags()).containsValue(Clips.LOCATION)
                .containsKey("com.apple.quicktime.location.ISO6709");

        for (MediaProcessor processor : List.of(PROCESSOR, TRANSCODING)) {
            VideoUploads.Result result = new VideoUploads(root).video(processor, "video/mp4", clip);

            Map<String, String> tags = Probed.of(result.playback().file()).allTags();
            assertThat(tags.keySet()).noneMatch(key -> key.contains("location"));
            assertThat(tags.values()).noneMatch(value -> value.contains("48.8"));
            for (RenditionFile file : List.of(result.heard().thumbnail(), result.processed().renditions().get(0),
                    result.playback())) {
                assertThat(new String(Images.bytes(file.file()), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain("48.8577").doesNotContain("ISO6709");
            }
        }
    }
}
