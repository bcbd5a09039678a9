package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ContentTypeTest {

    @Test
    void aBareMediaTypeParses() {
        assertThat(ContentType.parse("image/jpeg")).contains(ContentType.JPEG);
        assertThat(ContentType.parse("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .isPresent();
        assertThat(ContentType.parse("image/svg+xml")).contains(new ContentType("image/svg+xml"));
    }

    @Test
    void caseAndSurroundingSpacesAreForgiven() {
        assertThat(ContentType.parse("  Image/JPEG ")).contains(ContentType.JPEG);
    }

    @Test
    void parametersAreNotAccepted() {
        assertThat(ContentType.parse("text/plain; charset=utf-8")).isEmpty();
        assertThat(ContentType.parse("text/plain;charset=utf-8")).isEmpty();
    }

    @Test
    void whatIsNoMediaTypeDoesNotParse() {
        assertThat(ContentType.parse(null)).isEmpty();
        assertThat(ContentType.parse("")).isEmpty();
        assertThat(ContentType.parse("image")).isEmpty();
        assertThat(ContentType.parse("image/")).isEmpty();
        assertThat(ContentType.parse("/jpeg")).isEmpty();
        assertThat(ContentType.parse("image/jpeg/x")).isEmpty();
        assertThat(ContentType.parse("image/jp eg")).isEmpty();
        assertThat(ContentType.parse("image/.jpeg")).isEmpty();
        assertThat(ContentType.parse("imäge/jpeg")).isEmpty();
        assertThat(ContentType.parse("*/*")).isEmpty();
    }

    @Test
    void eachHalfIsAtMostSixtyThreeCharacters() {
        assertThat(ContentType.parse("a".repeat(63) + "/" + "b".repeat(63))).isPresent();
        assertThat(ContentType.parse("a".repeat(64) + "/b")).isEmpty();
        assertThat(ContentType.parse("a/" + "b".repeat(64))).isEmpty();
    }

    @Test
    void onlyNormalisedValuesCanBeMadeDirectly() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ContentType("Image/JPEG"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ContentType(" image/jpeg"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ContentType(null));
    }

    @Test
    void theTypeIsTheFirstHalf() {
        assertThat(ContentType.MP4.type()).isEqualTo("video");
        assertThat(ContentType.OCTET_STREAM.type()).isEqualTo("application");
    }

    @Test
    void anImageMustBeADecodableImageType() {
        for (String type : new String[] {"image/jpeg", "image/png", "image/gif", "image/webp", "image/heic",
                "image/heif", "image/avif"}) {
            assertThat(new ContentType(type).agreesWith(AssetKind.IMAGE)).as(type).isTrue();
        }
        assertThat(new ContentType("image/tiff").agreesWith(AssetKind.IMAGE)).isFalse();
        assertThat(ContentType.MP4.agreesWith(AssetKind.IMAGE)).isFalse();
    }

    @Test
    void svgIsRefusedAsAnImageBecauseItCarriesScript() {
        assertThat(new ContentType("image/svg+xml").agreesWith(AssetKind.IMAGE)).isFalse();
    }

    @Test
    void svgMayStillTravelAsAFile() {
        assertThat(new ContentType("image/svg+xml").agreesWith(AssetKind.FILE)).isTrue();
    }

    @Test
    void aVideoMustHaveAVideoType() {
        assertThat(ContentType.MP4.agreesWith(AssetKind.VIDEO)).isTrue();
        assertThat(new ContentType("video/quicktime").agreesWith(AssetKind.VIDEO)).isTrue();
        assertThat(ContentType.JPEG.agreesWith(AssetKind.VIDEO)).isFalse();
        assertThat(new ContentType("application/mp4").agreesWith(AssetKind.VIDEO)).isFalse();
    }

    @Test
    void aFileMayHaveAnyType() {
        assertThat(ContentType.OCTET_STREAM.agreesWith(AssetKind.FILE)).isTrue();
        assertThat(ContentType.MP4.agreesWith(AssetKind.FILE)).isTrue();
    }

    @Test
    void aContentTypePrintsAsItsValue() {
        assertThat(ContentType.WEBP).hasToString("image/webp");
    }

    @org.junit.jupiter.api.Test
    void aHeaderIsReadWithoutItsParameters() {
        org.assertj.core.api.Assertions.assertThat(ContentType.ofHeader("Text/Plain; charset=UTF-8"))
                .hasValue(new ContentType("text/plain"));
        org.assertj.core.api.Assertions.assertThat(ContentType.ofHeader("image/jpeg")).hasValue(ContentType.JPEG);
        org.assertj.core.api.Assertions.assertThat(ContentType.ofHeader(null)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(ContentType.ofHeader("; charset=UTF-8")).isEmpty();
    }

    @Test
    void theAcceptedRangesOfEachKindAgreeWithWhatTheKindLetsThrough() {
        assertThat(ContentType.acceptedFor(AssetKind.IMAGE)).containsExactly("image/avif", "image/gif", "image/heic",
                "image/heif", "image/jpeg", "image/png", "image/webp");
        assertThat(ContentType.acceptedFor(AssetKind.IMAGE))
                .allSatisfy(type -> assertThat(new ContentType(type).agreesWith(AssetKind.IMAGE)).isTrue());
        assertThat(ContentType.acceptedFor(AssetKind.VIDEO)).containsExactly("video/*");
        assertThat(ContentType.acceptedFor(AssetKind.FILE)).containsExactly("*/*");
    }
}
