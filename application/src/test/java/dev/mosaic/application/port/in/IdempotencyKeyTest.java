package dev.mosaic.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.domain.UserId;
import org.junit.jupiter.api.Test;

/** An Idempotency-Key, on a batch request and on a replace alike: 1 to 200 visible ASCII characters. */
class IdempotencyKeyTest {

    private static final SendAlbumCommand.Attachment PDF =
            SendAlbumCommand.Attachment.of("a.pdf", 9, "application/pdf", "file");

    private static ReplaceAssetCommand replaceWith(String key) {
        return new ReplaceAssetCommand(UserId.of(1), new AssetReference(5L, null), PDF, key);
    }

    @Test
    void visibleAsciiUpToTwoHundredCharactersIsAKey() {
        assertThat(replaceWith("!" + "~".repeat(198) + "a").idempotencyKey()).hasSize(200);
        assertThat(replaceWith(null).idempotencyKey()).isNull();
    }

    @Test
    void anythingElseIsRefused() {
        for (String key : new String[] {"", "a".repeat(201), "a b", "a\u007f", "a\u00e9", " "}) {
            assertThatThrownBy(() -> replaceWith(key)).as(key).isInstanceOfSatisfying(RequestRejected.class,
                    rejected -> assertThat(rejected.code()).isEqualTo("idempotency_key_invalid"));
        }
    }

    @Test
    void aReplaceIsFingerprintedByItsCellAndItsFileNeverLikeAnotherOne() {
        assertThat(replaceWith("k").fingerprint()).isEqualTo(replaceWith("other").fingerprint())
                .isNotEqualTo(new ReplaceAssetCommand(UserId.of(1), new AssetReference(6L, null), PDF, "k")
                        .fingerprint())
                .isNotEqualTo(new ReplaceAssetCommand(UserId.of(1), new AssetReference(5L, null),
                        PDF.withText("c", null), "k").fingerprint());
    }
}
