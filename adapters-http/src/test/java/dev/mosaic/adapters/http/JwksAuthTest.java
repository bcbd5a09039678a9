package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JwksAuthTest {

    private final RSAKey rsa = generateRsa("rsa-1");
    private final ECKey ec = generateEc("ec-1");
    private final HttpServer jwksServer = jwksServer(new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())));
    private TestApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        jwksServer.stop(0);
    }

    @Test
    void rs256TokenFromTheJwksIsAccepted() throws Exception {
        startWith(tokens -> tokens);

        assertThat(read(sign(JWSAlgorithm.RS256, rsa.getKeyID(), new RSASSASigner(rsa), claims -> claims))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void es256TokenFromTheJwksIsAccepted() throws Exception {
        startWith(tokens -> tokens);

        assertThat(read(sign(JWSAlgorithm.ES256, ec.getKeyID(), new ECDSASigner(ec), claims -> claims))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void tokenSignedByAKeyOutsideTheJwksIsInvalid() throws Exception {
        startWith(tokens -> tokens);
        RSAKey stranger = generateRsa("rsa-1");

        JsonAssert.problem(read(sign(JWSAlgorithm.RS256, stranger.getKeyID(), new RSASSASigner(stranger),
                claims -> claims)), 401, "token_invalid");
    }

    @Test
    void hs256TokensStillWorkBesideTheJwks() {
        startWith(tokens -> tokens);

        assertThat(read(TestApi.token(1)).statusCode()).isEqualTo(200);
    }

    @Test
    void rs256IsRefusedWhenNoJwksIsConfigured() throws Exception {
        api = TestApi.start(new StubUseCases());

        JsonAssert.problem(read(sign(JWSAlgorithm.RS256, rsa.getKeyID(), new RSASSASigner(rsa), claims -> claims)),
                401, "token_invalid");
    }

    @Test
    void configuredIssuerAndAudienceAreRequired() throws Exception {
        startWith(tokens -> tokens.withIssuer("https://id.test").withAudience("mosaic"));
        RSASSASigner signer = new RSASSASigner(rsa);

        assertThat(read(sign(JWSAlgorithm.RS256, rsa.getKeyID(), signer,
                claims -> claims.issuer("https://id.test").audience("mosaic"))).statusCode()).isEqualTo(200);
        JsonAssert.problem(read(sign(JWSAlgorithm.RS256, rsa.getKeyID(), signer,
                claims -> claims.audience("mosaic"))), 401, "token_invalid");
        JsonAssert.problem(read(sign(JWSAlgorithm.RS256, rsa.getKeyID(), signer,
                claims -> claims.issuer("https://evil.test").audience("mosaic"))), 401, "token_invalid");
        JsonAssert.problem(read(sign(JWSAlgorithm.RS256, rsa.getKeyID(), signer,
                claims -> claims.issuer("https://id.test").audience("another-app"))), 401, "token_invalid");
    }

    private void startWith(UnaryOperator<TokenSettings> tweak) {
        try {
            URL jwks = URI.create("http://localhost:" + jwksServer.getAddress().getPort() + "/jwks.json").toURL();
            TokenSettings tokens = tweak.apply(TokenSettings.hs256(TestApi.SECRET).withJwks(jwks));
            api = TestApi.start(new StubUseCases(), settings -> new HttpSettings(0, settings.allowedOrigins(),
                    settings.maxBodyBytes(), tokens, settings.socketAuthTimeout(), settings.maxFrameBytes(),
                    settings.storageMaxAge(), settings.devSignIn(), settings.limits()), List.of());
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private HttpResponse<String> read(String token) {
        return api.send(api.request("/api/v1/messages/105").header("Authorization", "Bearer " + token).GET().build());
    }

    private static String sign(JWSAlgorithm algorithm, String keyId, JWSSigner signer,
                               UnaryOperator<JWTClaimsSet.Builder> claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(),
                claims.apply(AuthTest.validClaims()).build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static HttpServer jwksServer(JWKSet keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static RSAKey generateRsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static ECKey generateEc(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
