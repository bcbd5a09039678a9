package dev.mosaic.adapters.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mosaic.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/** Issues the HS256 bearer tokens this server accepts (the {@code token <user-id>} command uses it). */
public final class Tokens {

    private Tokens() {
    }

    /** A token for {@code userId}, valid for {@code ttl} from now. */
    public static String issue(byte[] secret, long userId, Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        UserId subject = UserId.of(userId);
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(TokenSettings.hs256(secret).hs256Secret()));
        } catch (JOSEException impossible) {
            throw new IllegalStateException("cannot sign with HS256", impossible);
        }
        return jwt.serialize();
    }
}
