package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which sources are tone-mapped, and that SDR ones are only scaled and keep their own tags. */
class ToneMappingTest {
    private static final Size SIZE = new Size(1280, 720);

    private static VideoFacts withTransfer(String transfer) {
        return new VideoFacts(Container.MOV, 0, new Size(1920, 1080), 0, OptionalLong.of(1000), "hevc",
                "yuv420p10le", Optional.empty(), transfer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bt709", "unknown", "smpte170m", "bt2020-10", "iec61966-2-1"})
    void sdrSourcesAreOnlyScaledAndKeepTheirTags(String transfer) {
        VideoFacts sdr = withTransfer(transfer);

        assertThat(ToneMapping.isHdr(sdr)).isFalse();
        assertThat(ToneMapping.playback(sdr, SIZE)).isEqualTo("scale=1280:720");
        assertThat(ToneMapping.poster(sdr, SIZE)).isEqualTo("scale=1280:720");
        assertThat(ToneMapping.tags(sdr)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"arib-std-b67", "smpte2084"})
    void hlgAndPqAreScaledFirstThenToneMappedWithHableToBt709(String transfer) {
        VideoFacts hdr = withTransfer(transfer);

        assertThat(ToneMapping.isHdr(hdr)).isTrue();
        assertThat(ToneMapping.playback(hdr, SIZE)).startsWith("zscale=w=1280:h=720:t=linear:npl=100,")
                .contains("zscale=p=bt709,tonemap=tonemap=hable:desat=0")
                .endsWith("zscale=t=bt709:m=bt709:r=tv,format=yuv420p");
        assertThat(ToneMapping.poster(hdr, SIZE)).startsWith("zscale=w=1280:h=720:t=linear")
                .endsWith("zscale=t=bt709,format=gbrp");
        assertThat(String.join(" ", ToneMapping.tags(hdr)))
                .isEqualTo("-color_primaries bt709 -color_trc bt709 -colorspace bt709 -color_range tv");
    }
}
