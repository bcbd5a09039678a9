package dev.mosaic.bootstrap;

import dev.mosaic.adapters.http.TokenSettings;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How bearer tokens are checked.
 *
 * @param secret   the HS256 secret ({@code MOSAIC_JWT_SECRET}); empty: one generated and kept in the data folder
 * @param jwksUrl  also accept tokens signed by this JWKS ({@code MOSAIC_JWKS_URL})
 * @param issuer   tokens must carry this {@code iss} ({@code MOSAIC_JWT_ISSUER}); required with a JWKS
 * @param audience tokens must carry this {@code aud} ({@code MOSAIC_JWT_AUDIENCE})
 */
public record TokenConfig(Optional<byte[]> secret, Optional<URL> jwksUrl, Optional<String> issuer,
                          Optional<String> audience) {

    static TokenConfig read(Env env) {
        Optional<byte[]> secret = env.text("MOSAIC_JWT_SECRET").map(value -> value.getBytes(StandardCharsets.UTF_8));
        if (secret.isPresent() && secret.get().length < TokenSettings.MIN_SECRET_BYTES) {
            throw new ConfigException("MOSAIC_JWT_SECRET must be at least " + TokenSettings.MIN_SECRET_BYTES
                    + " bytes long");
        }
        Optional<URL> jwks = env.url("MOSAIC_JWKS_URL").map(TokenConfig::toUrl);
        Optional<String> issuer = env.text("MOSAIC_JWT_ISSUER");
        if (jwks.isPresent() && issuer.isEmpty()) {
            throw new ConfigException("MOSAIC_JWKS_URL needs MOSAIC_JWT_ISSUER too (the identity provider's"
                    + " issuer), or tokens of any application of that provider would be accepted");
        }
        return new TokenConfig(secret, jwks, issuer, env.text("MOSAIC_JWT_AUDIENCE"));
    }

    /** Whether tokens come from a configured secret or identity provider rather than Mosaic's own secret. */
    boolean isConfigured() {
        return secret.isPresent() || jwksUrl.isPresent();
    }

    /** The adapter's settings, with {@code hs256Secret}: the configured one, or Mosaic's own. */
    TokenSettings settings(byte[] hs256Secret) {
        return new TokenSettings(hs256Secret, jwksUrl, issuer, audience);
    }

    private static URL toUrl(URI uri) {
        try {
            return uri.toURL();
        } catch (MalformedURLException | IllegalArgumentException notAUrl) {
            throw new ConfigException("MOSAIC_JWKS_URL is not a URL: " + uri);
        }
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "TokenConfig[secret=" + secret.map(hidden -> "(hidden)").orElse("(generated)") + ", jwksUrl=" + jwksUrl
                + ", issuer=" + issuer + ", audience=" + audience + "]";
    }
}
