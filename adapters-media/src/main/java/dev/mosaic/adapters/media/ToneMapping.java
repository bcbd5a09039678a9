package dev.mosaic.adapters.media;

import java.util.List;
import java.util.Set;

/**
 * How HDR video (PQ or HLG, as phones record it) becomes SDR BT.709 for the web rendition and the
 * poster, as Immich does it: zimg ({@code zscale}) scales and turns the picture into linear light,
 * moves BT.2020 primaries to BT.709, ffmpeg's {@code tonemap} compresses the highlights with
 * Hable's curve (no desaturation), and zimg applies the BT.709 transfer. The picture is scaled in
 * the first step, so the floating-point work is done at the output size. SDR sources only scale.
 */
final class ToneMapping {
    /** ffprobe's names of the HDR transfer functions: SMPTE ST 2084 (PQ) and ARIB STD-B67 (HLG). */
    static final Set<String> HDR_TRANSFERS = Set.of("smpte2084", "arib-std-b67");
    /** The brightness, in nits, that the source's reference white is mapped to before tone mapping. */
    static final int NOMINAL_PEAK = 100;
    /** What the rendition says it is, so players do not take it for HDR or for BT.601. */
    static final List<String> BT709_TAGS = List.of("-color_primaries", "bt709", "-color_trc", "bt709",
            "-colorspace", "bt709", "-color_range", "tv");

    private ToneMapping() {
    }

    static boolean isHdr(VideoFacts facts) {
        return HDR_TRANSFERS.contains(facts.colorTransfer());
    }

    /** The filters making the rendition's 8-bit 4:2:0 picture of {@code size}. */
    static String playback(VideoFacts facts, Size size) {
        if (!isHdr(facts)) {
            return scale(size);
        }
        return toLinearBt709(size) + ",zscale=t=bt709:m=bt709:r=tv,format=yuv420p";
    }

    /** The filters making the poster's 8-bit RGB picture of {@code size}. */
    static String poster(VideoFacts facts, Size size) {
        if (!isHdr(facts)) {
            return scale(size);
        }
        return toLinearBt709(size) + ",zscale=t=bt709,format=gbrp";
    }

    /** The output options that tag the rendition; an SDR source keeps its own tags. */
    static List<String> tags(VideoFacts facts) {
        return isHdr(facts) ? BT709_TAGS : List.of();
    }

    private static String scale(Size size) {
        return "scale=" + size.width() + ":" + size.height();
    }

    private static String toLinearBt709(Size size) {
        return "zscale=w=" + size.width() + ":h=" + size.height() + ":t=linear:npl=" + NOMINAL_PEAK
                + ",format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0";
    }
}
