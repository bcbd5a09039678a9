package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.fake.MutableClock;
import dev.mosaic.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The verifier remembers tokens that passed, and still enforces their expiry on every use. */
class TokenVerifierTest {

    private static final byte[] SECRET = "a-test-secret-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(Instant.now());
    private final TokenVerifier verifier = new TokenVerifier(TokenSettings.hs256(SECRET), clock);

    @Test
    void aTokenSentAgainIsNotCheckedAgain() {
        String token = Tokens.issue(SECRET, 7, Duration.ofMinutes(5));

        assertThat(verifier.verify(token)).isEqualTo(UserId.of(7));
        assertThat(verifier.verify(token)).isEqualTo(UserId.of(7));
        assertThat(verifier.verify(token)).isEqualTo(UserId.of(7));

        assertThat(verifier.fullChecks()).isEqualTo(1);
    }

    @Test
    void eachTokenIsRememberedWithItsOwnUser() {
        String seven = Tokens.issue(SECRET, 7, Duration.ofMinutes(5));
        String eight = Tokens.issue(SECRET, 8, Duration.ofMinutes(5));

        verifier.verify(seven);
        verifier.verify(eight);

        assertThat(verifier.verify(eight)).isEqualTo(UserId.of(8));
        assertThat(verifier.verify(seven)).isEqualTo(UserId.of(7));
        assertThat(verifier.fullChecks()).isEqualTo(2);
    }

    @Test
    void aRememberedTokenStillExpires() {
        String token = Tokens.issue(SECRET, 7, Duration.ofMinutes(5));
        verifier.verify(token);

        // within the clock skew after its expiry it is still good, as on its first check
        clock.advance(Duration.ofMinutes(5).plusSeconds(TokenVerifier.MAX_CLOCK_SKEW_SECONDS - 2));
        assertThat(verifier.verify(token)).isEqualTo(UserId.of(7));

        clock.advance(Duration.ofSeconds(3));
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(Unauthenticated.class,
                        refused -> assertThat(refused.code()).isEqualTo(Unauthenticated.EXPIRED));
        assertThat(verifier.fullChecks()).isEqualTo(1);
    }

    @Test
    void aRefusedTokenIsCheckedInFullEachTime() {
        String forged = Tokens.issue("another-secret-that-is-also-long-enough!!".getBytes(StandardCharsets.UTF_8),
                7, Duration.ofMinutes(5));

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> verifier.verify(forged))
                    .isInstanceOfSatisfying(Unauthenticated.class,
                            refused -> assertThat(refused.code()).isEqualTo(Unauthenticated.INVALID));
        }
        assertThat(verifier.fullChecks()).isEqualTo(2);
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRefused() {
        String token = Tokens.issue(SECRET, 7, Duration.ofMinutes(5));
        verifier.verify(token);
        String tampered = token.substring(0, token.length() - 2)
                + (token.endsWith("AA") ? "BB" : "AA");

        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(Unauthenticated.class);
    }
}
