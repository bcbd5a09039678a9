package dev.mosaic.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.in.SendAlbumCommand.Attachment;
import dev.mosaic.domain.UserId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FingerprintTest {

    static final UserId SENDER = UserId.of(1);
    static final Attachment PHOTO = Attachment.of("a.jpg", 1000, "image/jpeg", "image");

    static SendAlbumCommand album(String text, Attachment... files) {
        return new SendAlbumCommand(SENDER, 42L, text, List.of(files), "key");
    }

    @ParameterizedTest
    @MethodSource("loneSurrogates")
    void aLoneSurrogateInTheTextBecomesTheReplacementCharacter(String sent, String kept) {
        assertThat(album(sent, PHOTO).text()).isEqualTo(kept);
    }

    static Stream<Arguments> loneSurrogates() {
        return Stream.of(
                Arguments.of("a\uD83C", "a\uFFFD"),
                Arguments.of("\uDF34b", "\uFFFDb"),
                Arguments.of("\uDF34\uD83C", "\uFFFD\uFFFD"),
                Arguments.of("x\uD83C\uDF34\uD83C", "x\uD83C\uDF34\uFFFD"),
                Arguments.of("\uD83C\uDF34 and \u00E9", "\uD83C\uDF34 and \u00E9"),
                Arguments.of("", ""),
                Arguments.of(null, null));
    }

    static Stream<Arguments> pairsThatDiffer() {
        return Stream.of(
                Arguments.of(album(null, PHOTO), album("null", PHOTO)),
                Arguments.of(album("", PHOTO), album(null, PHOTO)),
                Arguments.of(album("a\"", PHOTO), album("a\\\"", PHOTO)),
                Arguments.of(album("x", new Attachment("a.jpg", 1000L, null, "image", null, null, null, null, null, null, null, null)),
                        album("x", new Attachment("a.jpg", 1000L, "null", "image", null, null, null, null, null, null, null, null))),
                Arguments.of(album("x", PHOTO.withText(null, "alt")), album("x", PHOTO.withText("alt", null))),
                Arguments.of(album("x", PHOTO.withHints(null, null, null, "null")),
                        album("x", PHOTO)),
                Arguments.of(album("x", PHOTO.withHints(1, null, null, null)), album("x", PHOTO.withHints(null, 1, null, null))),
                Arguments.of(album("x", PHOTO.withParts(5L, null)), album("x", PHOTO.withParts(null, 5L))),
                Arguments.of(album("a\u0000b", PHOTO), album("a", PHOTO)),
                Arguments.of(album("x", PHOTO, PHOTO), album("x", PHOTO)),
                Arguments.of(album("x", PHOTO.withHints(null, null, 1.5, null)), album("x", PHOTO.withHints(null, null, 15.0, null))),
                Arguments.of(new SendAlbumCommand(SENDER, 42L, "x", List.of(PHOTO), "key"),
                        new SendAlbumCommand(SENDER, 43L, "x", List.of(PHOTO), "key")));
    }

    @ParameterizedTest
    @MethodSource("pairsThatDiffer")
    void differentBodiesHaveDifferentFingerprints(SendAlbumCommand one, SendAlbumCommand other) {
        assertThat(one.fingerprint()).isNotEqualTo(other.fingerprint());
    }

    @Test
    void theSameBodyHasTheSameFingerprintWhateverTheKey() {
        SendAlbumCommand one = new SendAlbumCommand(SENDER, 42L, "hi \"there\"\n", List.of(PHOTO), "key-1");
        SendAlbumCommand other = new SendAlbumCommand(SENDER, 42L, "hi \"there\"\n", List.of(PHOTO), "key-2");

        assertThat(one.fingerprint()).isEqualTo(other.fingerprint()).hasSize(64);
    }

    @Test
    void theCanonicalFormIsJsonWithExplicitNulls() {
        String json = new CanonicalJson().open('{').field("a", null).field("b", "q\"\\\u0001").name("c").open('[')
                .open('{').field("n", 1L).close('}').open('{').close('}').close(']').close('}').toString();

        assertThat(json).isEqualTo("{\"a\":null,\"b\":\"q\\\"\\\\\\u0001\",\"c\":[{\"n\":1},{}]}");
    }
}
