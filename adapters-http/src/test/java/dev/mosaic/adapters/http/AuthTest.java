package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthTest {

    private final StubUseCases stubs = new StubUseCases();
    private final TestApi api = TestApi.start(stubs);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void requestWithoutTokenIsUnauthenticated() {
        HttpResponse<String> response = api.send(api.request("/api/v1/messages/105").GET().build());

        JsonAssert.problem(response, 401, "unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void otherSchemeIsUnauthenticated() {
        HttpResponse<String> response = api.send(api.request("/api/v1/messages/105")
                .header("Authorization", "Basic dXNlcjpwYXNz").GET().build());

        JsonAssert.problem(response, 401, "unauthenticated");
    }

    @Test
    void tokenSignedWithAnotherSecretIsInvalid() {
        String forged = Tokens.issue("another-secret-that-is-also-long-enough!!".getBytes(StandardCharsets.UTF_8),
                1, Duration.ofMinutes(5));

        HttpResponse<String> response = withToken(forged);

        JsonAssert.problem(response, 401, "token_invalid");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void expiredTokenIsExpired() {
        String expired = sign(JWSAlgorithm.HS256, claims -> claims
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))));

        JsonAssert.problem(withToken(expired), 401, "token_expired");
    }

    @Test
    void tokenExpiredWithinTheClockSkewIsStillAccepted() {
        String justExpired = sign(JWSAlgorithm.HS256, claims -> claims
                .expirationTime(Date.from(Instant.now().minusSeconds(5))));

        assertThat(withToken(justExpired).statusCode()).isEqualTo(200);
    }

    @Test
    void unsignedTokenIsInvalid() {
        String none = new PlainJWT(validClaims().build()).serialize();

        JsonAssert.problem(withToken(none), 401, "token_invalid");
    }

    @Test
    void tokenWithAlgNoneAndAForgedSignatureIsInvalid() {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String genuine = TestApi.token(1);
        String forged = header + genuine.substring(genuine.indexOf('.'));

        JsonAssert.problem(withToken(forged), 401, "token_invalid");
    }

    @Test
    void otherHmacAlgorithmIsInvalidEvenWithTheRightSecret() {
        byte[] longSecret = new byte[64];
        System.arraycopy(TestApi.SECRET, 0, longSecret, 0, TestApi.SECRET.length);
        String hs512 = sign(JWSAlgorithm.HS512, new MacSigner(longSecret), claims -> claims);

        JsonAssert.problem(withToken(hs512), 401, "token_invalid");
    }

    @Test
    void tokenWithoutExpiryIsInvalid() {
        String forever = sign(JWSAlgorithm.HS256, claims -> claims.expirationTime(null));

        JsonAssert.problem(withToken(forever), 401, "token_invalid");
    }

    @Test
    void subjectMustBeAPositiveInteger() {
        JsonAssert.problem(withToken(sign(JWSAlgorithm.HS256, claims -> claims.subject("alice"))), 401,
                "token_invalid");
        JsonAssert.problem(withToken(sign(JWSAlgorithm.HS256, claims -> claims.subject("0"))), 401,
                "token_invalid");
        JsonAssert.problem(withToken(sign(JWSAlgorithm.HS256, claims -> claims.subject("-4"))), 401,
                "token_invalid");
        JsonAssert.problem(withToken(sign(JWSAlgorithm.HS256, claims -> claims.subject(null))), 401,
                "token_invalid");
    }

    @Test
    void aUserIdHasOneSpellingOnly() {
        for (String otherSpelling : new String[] {"0001", "\u0661", "\uFF12", "+1"}) {
            JsonAssert.problem(withToken(sign(JWSAlgorithm.HS256, claims -> claims.subject(otherSpelling))), 401,
                    "token_invalid");
        }
    }

    @Test
    void garbageIsInvalid() {
        JsonAssert.problem(withToken("not.a.jwt"), 401, "token_invalid");
        JsonAssert.problem(withToken("x"), 401, "token_invalid");
    }

    @Test
    void issuedTokenIsAccepted() {
        assertThat(withToken(Tokens.issue(TestApi.SECRET, 7, Duration.ofHours(1))).statusCode()).isEqualTo(200);
    }

    @Test
    void tokensAreNotIssuedForImpossibleUsersOrLifetimes() {
        assertThatThrownBy(() -> Tokens.issue(TestApi.SECRET, 0, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tokens.issue(TestApi.SECRET, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tokens.issue(new byte[8], 1, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void operationsEndpointsNeedNoToken() {
        assertThat(api.send(api.request("/health").GET().build()).statusCode()).isEqualTo(200);
        assertThat(api.send(api.request("/metrics").GET().build()).statusCode()).isEqualTo(200);
        assertThat(api.send(api.request("/openapi.json").GET().build()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> withToken(String token) {
        return api.send(api.request("/api/v1/messages/105").header("Authorization", "Bearer " + token).GET().build());
    }

    static JWTClaimsSet.Builder validClaims() {
        return new JWTClaimsSet.Builder().subject("1")
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
    }

    static String sign(JWSAlgorithm algorithm, UnaryOperator<JWTClaimsSet.Builder> claims) {
        return sign(algorithm, new MacSigner(TestApi.SECRET), claims);
    }

    static String sign(JWSAlgorithm algorithm, MacSigner signer, UnaryOperator<JWTClaimsSet.Builder> claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims.apply(validClaims()).build());
        try {
            jwt.sign(signer.signer());
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
        return jwt.serialize();
    }

    /** An HMAC signer for tests that need a given secret. */
    record MacSigner(byte[] secret) {
        JWSSigner signer() throws JOSEException {
            return new MACSigner(secret);
        }
    }
}
