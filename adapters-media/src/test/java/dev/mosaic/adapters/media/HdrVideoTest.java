package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.application.port.out.MediaProcessor.RenditionFile;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import net.bramp.ffmpeg.probe.FFmpegStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** iPhone-style HDR (HEVC 10-bit, BT.2020, HLG or PQ, in .MOV) becomes SDR BT.709 in the rendition and the poster. */
class HdrVideoTest {
    private static final MediaProcessor PROCESSOR = MediaProcessors.create(Clips.settings(VideoSettings.defaults()),
            Clips.searchPath());
    /** Immich's chain at the source's size, scaled afterwards: an independent way to the same picture. */
    private static final String REFERENCE = "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,"
            + "tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p,scale=%d:%d";

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"arib-std-b67", "smpte2084"})
    void theRenditionIsToneMappedAndTaggedBt709(String transfer) {
        Path clip = Clips.hdrMov(root.resolve("IMG_0001.MOV"), 320, 180, 2, transfer);

        VideoUploads.Result result = new VideoUploads(root).video(PROCESSOR, "video/quicktime", clip);

        RenditionFile playback = result.playback();
        FFmpegStream video = Probed.of(playback.file()).video();
        assertThat(video.codec_name).isEqualTo("h264");
        assertThat(video.pix_fmt).isEqualTo("yuv420p");
        assertThat(List.of(video.color_transfer, video.color_primaries, video.color_space))
                .containsExactly("bt709", "bt709", "bt709");
        double reference = Clips.meanSaturation(reference(clip, 320, 180));
        assertThat(Clips.meanSaturation(playback.file()) / reference).isBetween(0.95, 1.05);
        // what the rendition was before: scaled to 8 bits with its HDR labels, visibly duller
        assertThat(Clips.meanSaturation(naive(clip)) / reference).isLessThan(0.9);
    }

    @Test
    void thePosterIsToneMappedToo() {
        Path clip = Clips.hdrMov(root.resolve("IMG_0002.MOV"), 320, 180, 2, "arib-std-b67");

        VideoUploads.Result result = new VideoUploads(root).video(PROCESSOR, "video/quicktime", clip);

        BufferedImage thumbnail = Images.read(result.heard().thumbnail().file());
        BufferedImage reference = Images.read(frame(clip, "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,"
                + "tonemap=tonemap=hable:desat=0,zscale=t=bt709,format=gbrp", thumbnail));
        BufferedImage untouched = Images.read(frame(clip, "null", thumbnail));
        assertThat(HeifPhotos.meanColourShift(thumbnail, reference)).isLessThan(4.0);
        assertThat(HeifPhotos.meanColourShift(untouched, reference)).isGreaterThan(8.0);
    }

    @Test
    void aTurnedHdrClipIsUprightInTheRenditionAndThePoster() {
        Path stored = Clips.hdrMov(root.resolve("stored.mov"), 320, 180, 1, "arib-std-b67");
        Path turned = Clips.rotated(stored, root.resolve("IMG_0003.MOV"), 90);

        VideoUploads.Result result = new VideoUploads(root).video(PROCESSOR, "video/quicktime", turned);

        RenditionFile playback = result.playback();
        assertThat(List.of(playback.width(), playback.height())).containsExactly(180, 320);
        FFmpegStream video = Probed.of(playback.file()).video();
        assertThat(List.of(video.width, video.height)).containsExactly(180, 320);
        assertThat(video.color_transfer).isEqualTo("bt709");
        RenditionFile thumbnail = result.heard().thumbnail();
        assertThat(thumbnail.height()).isGreaterThan(thumbnail.width());
    }

    private Path reference(Path clip, int width, int height) {
        Path file = root.resolve("reference.mp4");
        Clips.run(List.of("-i", clip.toString(), "-map", "0:v:0", "-vf", String.format(REFERENCE, width, height),
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", file.toString()));
        return file;
    }

    private Path naive(Path clip) {
        Path file = root.resolve("naive.mp4");
        Clips.run(List.of("-i", clip.toString(), "-map", "0:v:0", "-c:v", "libx264", "-preset", "veryfast",
                "-crf", "23", "-pix_fmt", "yuv420p", file.toString()));
        return file;
    }

    /** The poster's frame (a tenth of the way in) through {@code filters}, at the thumbnail's size. */
    private Path frame(Path clip, String filters, BufferedImage like) {
        Path file = root.resolve("frame-" + Math.abs(filters.hashCode()) + ".png");
        Clips.run(List.of("-ss", "0.200", "-i", clip.toString(), "-frames:v", "1", "-vf",
                filters + ",scale=" + like.getWidth() + ":" + like.getHeight(), "-update", "1", file.toString()));
        return file;
    }
}
