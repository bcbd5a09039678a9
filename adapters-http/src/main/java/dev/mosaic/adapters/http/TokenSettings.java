package dev.mosaic.adapters.http;

import java.net.URL;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How bearer tokens are checked. HS256 with {@code hs256Secret} always; RS256 and ES256 too when a JWKS URL is
 * set. When an issuer or an audience is set, every token must carry it.
 */
public record TokenSettings(byte[] hs256Secret, Optional<URL> jwksUrl, Optional<String> issuer,
                            Optional<String> audience) {

    /** HS256 needs a key at least as long as its hash. */
    public static final int MIN_SECRET_BYTES = 32;

    public TokenSettings {
        Objects.requireNonNull(hs256Secret, "hs256Secret");
        if (hs256Secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the HS256 secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        hs256Secret = hs256Secret.clone();
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
    }

    public static TokenSettings hs256(byte[] secret) {
        return new TokenSettings(secret, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public TokenSettings withJwks(URL url) {
        return new TokenSettings(hs256Secret, Optional.of(url), issuer, audience);
    }

    public TokenSettings withIssuer(String expectedIssuer) {
        return new TokenSettings(hs256Secret, jwksUrl, Optional.of(expectedIssuer), audience);
    }

    public TokenSettings withAudience(String expectedAudience) {
        return new TokenSettings(hs256Secret, jwksUrl, issuer, Optional.of(expectedAudience));
    }

    @Override
    public byte[] hs256Secret() {
        return hs256Secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenSettings that && Arrays.equals(hs256Secret, that.hs256Secret)
                && jwksUrl.equals(that.jwksUrl) && issuer.equals(that.issuer) && audience.equals(that.audience);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(hs256Secret), jwksUrl, issuer, audience);
    }

    @Override
    public String toString() {
        return "TokenSettings[hs256Secret=<hidden>, jwksUrl=" + jwksUrl + ", issuer=" + issuer
                + ", audience=" + audience + "]";
    }
}
