package dev.mosaic.adapters.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a bearer token into the user it names, or says why not.
 *
 * <p>A token that passed every check is remembered (Caffeine, at most {@link #MAX_REMEMBERED} tokens, each for at
 * most {@link #REMEMBERED_FOR}) with its user and expiry, keyed by the whole token, signature included: the same
 * bytes sent again skip parsing and the signature check (an HMAC or an RSA/EC verification and a JSON parse, about
 * a tenth of a batch create's CPU outside the database), and their expiry is still checked on every use. Only
 * tokens that passed are remembered, so a forged or expired one costs the full check each time. A key dropped from
 * the JWKS stops a remembered token within {@link #REMEMBERED_FOR}, as Nimbus's own JWKS cache (five minutes) does.
 */
final class TokenVerifier {

    static final int MAX_CLOCK_SKEW_SECONDS = 30;
    static final long MAX_REMEMBERED = 10_000;
    static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);
    private static final Set<JWSAlgorithm> JWKS_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Cache<String, Verified> verified;
    private final Clock clock;
    private final LongAdder fullChecks = new LongAdder();

    TokenVerifier(TokenSettings settings) {
        this(settings, Clock.systemUTC());
    }

    TokenVerifier(TokenSettings settings, Clock clock) {
        processor.setJWSKeySelector(keySelector(settings));
        processor.setJWTClaimsSetVerifier(claimsVerifier(settings));
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_REMEMBERED)
                .expireAfterWrite(REMEMBERED_FOR)
                .build();
    }

    UserId verify(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.instant().isAfter(known.expiresAt().plusSeconds(MAX_CLOCK_SKEW_SECONDS))) {
                verified.invalidate(token);
                throw new Unauthenticated(Unauthenticated.EXPIRED, "the token has expired");
            }
            return known.user();
        }
        fullChecks.increment();
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ExpiredJWTException expired) {
            throw new Unauthenticated(Unauthenticated.EXPIRED, "the token has expired");
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException bad) {
            throw new Unauthenticated(Unauthenticated.INVALID, "the token is not valid");
        }
        UserId user = subject(claims.getSubject());
        // "exp" is a required claim: the claims verifier refused every token without one
        verified.put(token, new Verified(user, claims.getExpirationTime().toInstant()));
        return user;
    }

    /** How many tokens went through the full check (parse, signature, claims), for tests. */
    long fullChecks() {
        return fullChecks.sum();
    }

    private record Verified(UserId user, Instant expiresAt) {
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
