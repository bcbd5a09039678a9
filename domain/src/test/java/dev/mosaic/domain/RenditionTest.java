package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class RenditionTest {

    private static final ObjectKey KEY = ObjectKey.derived(UserId.of(1), AssetId.of(501), "thumbnail.webp");

    @Test
    void renditionKindsHaveTheirWireNames() {
        assertThat(Rendition.Kind.values()).extracting(Rendition.Kind::wireName)
                .containsExactly("thumbnail", "preview", "playback");
    }

    @Test
    void aRenditionNeedsKindKeyAndType() {
        assertThatNullPointerException().isThrownBy(() -> new Rendition(null, KEY, ContentType.WEBP, 1, 1));
        assertThatNullPointerException()
                .isThrownBy(() -> new Rendition(Rendition.Kind.THUMBNAIL, null, ContentType.WEBP, 1, 1));
        assertThatNullPointerException().isThrownBy(() -> new Rendition(Rendition.Kind.THUMBNAIL, KEY, null, 1, 1));
    }
}
