package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading {@code vipsheader -a}, and naming what libheif said when it refused a file. */
class HeifHeaderTest {
    private static final String IPHONE = """
            /tmp/upload: 4032x3024 uchar, 3 bands, srgb, heifload
            width: 4032
            height: 3024
            bands: 3
            filename: /tmp/upload
            vips-loader: heifload
            heif-primary: 0
            n-pages: 1
            heif-compression: hevc
            """;

    @Test
    void sizeLoaderAndImageCountAreRead() {
        assertThat(HeifHeader.parse(IPHONE)).contains(new HeifHeader(new Size(4032, 3024), "heifload", 1));
        assertThat(HeifHeader.parse(IPHONE).orElseThrow().readByLibheif()).isTrue();
    }

    @Test
    void theFirstOfEachFieldCountsSoMetadataPrintedLaterCannotStandInForIt() {
        String forged = IPHONE + "exif-ifd0-ImageDescription: x\nwidth: 1\nheight: 1\nn-pages: 1\n";

        assertThat(HeifHeader.parse(forged).orElseThrow().size()).isEqualTo(new Size(4032, 3024));
    }

    @Test
    void aHeaderWithoutAUsableSizeIsNone() {
        assertThat(HeifHeader.parse("")).isEmpty();
        assertThat(HeifHeader.parse("width: 0\nheight: 10\n")).isEmpty();
        assertThat(HeifHeader.parse("width: 99999999999\nheight: 10\n")).isEmpty();
        assertThat(HeifHeader.parse("width: 10\nheight: 10\nn-pages: 0\n")).isEmpty();
    }

    @Test
    void anotherLoaderIsNotLibheif() {
        assertThat(HeifHeader.parse("width: 10\nheight: 10\nvips-loader: pngload\n").orElseThrow().readByLibheif())
                .isFalse();
    }

    @Test
    void libheifsMessagesBecomeTheirRefusals() {
        assertThat(Vips.refusal("heif: Memory allocation error: Security limit exceeded: Image size 60000x60000"
                + " exceeds the maximum image size 16384x16384").refusal())
                .satisfies(refusal -> {
                    assertThat(refusal.code()).isEqualTo("image_too_large");
                    assertThat(refusal.detail()).contains("60000x60000");
                });
        assertThat(Vips.refusal("heif: Security limit exceeded: too many children").refusal().code())
                .isEqualTo("image_corrupt");
        assertThat(Vips.refusal("heif: Unsupported file-type: Unspecified").refusal().code())
                .isEqualTo("image_unsupported");
        assertThat(Vips.refusal("heif: Invalid input: No 'meta' box").refusal().code()).isEqualTo("image_corrupt");
    }
}
