package dev.mosaic.adapters.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import dev.mosaic.domain.UserId;
import java.security.Key;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/** Turns a bearer token into the user it names, or says why not. */
final class TokenVerifier {

    static final int MAX_CLOCK_SKEW_SECONDS = 30;
    private static final Set<JWSAlgorithm> JWKS_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    TokenVerifier(TokenSettings settings) {
        processor.setJWSKeySelector(keySelector(settings));
        processor.setJWTClaimsSetVerifier(claimsVerifier(settings));
    }

    UserId verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ExpiredJWTException expired) {
            throw new Unauthenticated(Unauthenticated.EXPIRED, "the token has expired");
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException bad) {
            throw new Unauthenticated(Unauthenticated.INVALID, "the token is not valid");
        }
        return subject(claims.getSubject());
    }

    private static UserId subject(String subject) {
        // ASCII digits only and no leading zero: one user id has exactly one spelling
        if (subject == null || subject.isEmpty() || subject.length() > 18 || subject.charAt(0) == '0'
                || !subject.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Unauthenticated(Unauthenticated.INVALID, "the token's subject must be a positive integer user id");
        }
        long id = Long.parseLong(subject);
        if (!UserId.canSignIn(id)) {
            throw new Unauthenticated(Unauthenticated.INVALID, "the token's subject must be a positive integer user id");
        }
        return UserId.of(id);
    }

    private static JWSKeySelector<SecurityContext> keySelector(TokenSettings settings) {
        Key hmacKey = new SecretKeySpec(settings.hs256Secret(), "HmacSHA256");
        JWSKeySelector<SecurityContext> jwks = settings.jwksUrl()
                .map(url -> JWKSourceBuilder.<SecurityContext>create(url).build())
                .map(TokenVerifier::jwksSelector)
                .orElse(null);
        return (header, context) -> {
            JWSAlgorithm algorithm = header.getAlgorithm();
            if (JWSAlgorithm.HS256.equals(algorithm)) {
                return List.of(hmacKey);
            }
            if (jwks != null && JWKS_ALGORITHMS.contains(algorithm)) {
                return jwks.selectJWSKeys(header, context);
            }
            return List.of();
        };
    }

    private static JWSKeySelector<SecurityContext> jwksSelector(JWKSource<SecurityContext> source) {
        return new JWSVerificationKeySelector<>(JWKS_ALGORITHMS, source);
    }

    private static DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier(TokenSettings settings) {
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        settings.issuer().ifPresent(exact::issuer);
        Set<String> required = new HashSet<>(Set.of("sub", "exp"));
        settings.audience().ifPresent(audience -> required.add("aud"));
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(
                settings.audience().map(Set::of).orElse(null), exact.build(), required, null);
        verifier.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        return verifier;
    }
}
