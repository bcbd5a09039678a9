package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssetKindTest {

    @Test
    void theGuidesKindNamesReadAsKinds() {
        assertThat(AssetKind.fromWire("image")).contains(AssetKind.IMAGE);
        assertThat(AssetKind.fromWire("video")).contains(AssetKind.VIDEO);
        assertThat(AssetKind.fromWire("file")).contains(AssetKind.FILE);
    }

    @Test
    void everyKindWritesTheNameItReads() {
        for (AssetKind kind : AssetKind.values()) {
            assertThat(AssetKind.fromWire(kind.wireName())).contains(kind);
        }
    }

    @Test
    void unknownOrUpperCaseKindsAreNotKinds() {
        assertThat(AssetKind.fromWire("audio")).isEmpty();
        assertThat(AssetKind.fromWire("IMAGE")).isEmpty();
        assertThat(AssetKind.fromWire(null)).isEmpty();
    }
}
