package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DevSignInTest {

    private TestApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    private static TestApi start(boolean devSignIn) {
        return TestApi.start(new StubUseCases(), settings -> settings.withDevSignIn(devSignIn), List.of());
    }

    private HttpResponse<String> ask(String body) {
        return api.send(api.request("/api/v1/dev/token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void onADevelopmentServerAnyoneGetsATokenForTheUserTheyName() throws ParseException {
        api = start(true);

        HttpResponse<String> answer = ask("{\"user_id\": 42}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String token = JsonAssert.json(answer.body()).path("token").asText();
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("42");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
                .isBetween(Instant.now().plus(Duration.ofHours(11)), Instant.now().plus(Duration.ofHours(13)));
        HttpResponse<String> read = api.send(api.request("/api/v1/messages/105")
                .header("Authorization", "Bearer " + token).GET().build());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    }

    @Test
    void theTrailingSlashIsAcceptedToo() {
        api = start(true);

        HttpResponse<String> answer = api.send(api.request("/api/v1/dev/token/")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":1}"))
                .build());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void whenOffItIsAnUnknownRoute() {
        api = start(false);

        JsonNode problem = JsonAssert.problem(ask("{\"user_id\": 42}"), 404, "not_found");

        assertThat(problem.path("detail").asText()).contains("/api/v1/dev/token");
        JsonAssert.problem(api.send(api.request("/api/v1/dev/token").GET().build()), 404, "not_found");
    }

    @Test
    void whenOffASignedInCallerIsRefusedToo() {
        api = start(false);

        JsonAssert.problem(api.postJson("/api/v1/dev/token", 1, "{\"user_id\": 2}"), 404, "not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"user_id\": 0}", "{\"user_id\": -3}", "{\"user_id\": 1000000000000000000}",
            "{\"user_id\": \"42\"}", "{\"user_id\": 4.2}", "{\"user_id\": null}"})
    void aUserIdThatIsNotAPositiveIntegerIsRefused(String body) {
        api = start(true);

        JsonAssert.problem(ask(body), 400, "field_invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[1]", "not json"})
    void aBodyThatIsNotAnObjectIsRefused(String body) {
        api = start(true);

        HttpResponse<String> answer = ask(body);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JsonAssert.json(answer.body()).path("code").asText()).isIn("body_missing", "body_malformed");
    }

    @Test
    void onlyPostIssuesTokens() {
        api = start(true);

        JsonAssert.problem(api.send(api.request("/api/v1/dev/token").GET().build()), 405, "method_not_allowed");
    }
}
