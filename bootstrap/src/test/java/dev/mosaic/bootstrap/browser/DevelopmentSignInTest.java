package dev.mosaic.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The demo page's sign-in: on with the generated development secret, off whenever a secret or JWKS is configured. */
class DevelopmentSignInTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "a-configured-secret-that-is-long-enough-for-hs256";

    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> askForToken(DevelopmentServer server, long user) throws Exception {
        return send(HttpRequest.newBuilder(server.url("/api/v1/dev/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\": " + user + "}")).build());
    }

    @Test
    void withTheGeneratedSecretAnyoneGetsAWorkingTokenForTheUserTheyName() throws Exception {
        try (DevelopmentServer server = new DevelopmentServer(dir)) {
            HttpResponse<String> answer = askForToken(server, 5);

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            String token = JSON.readTree(answer.body()).path("token").asText();
            HttpResponse<String> read = send(HttpRequest.newBuilder(server.url("/api/v1/conversations/6/messages"))
                    .header("Authorization", "Bearer " + token).GET().build());
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @CsvSource({"MOSAIC_JWT_SECRET, " + SECRET, "MOSAIC_JWKS_URL, http://localhost:9/jwks.json"})
    void aConfiguredSecretOrJwksTurnsItOff(String setting, String value) throws Exception {
        try (DevelopmentServer server = new DevelopmentServer(dir,
                Map.of(setting, value, "MOSAIC_JWT_ISSUER", "https://id.example.com/"))) {
            HttpResponse<String> answer = askForToken(server, 5);

            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("code").asText()).isEqualTo("not_found");
        }
    }

    @Test
    void withAConfiguredSecretThePageSaysSoAndOffersToPasteAToken() {
        try (DevelopmentServer server = new DevelopmentServer(dir.resolve("data"), Map.of("MOSAIC_JWT_SECRET", SECRET));
             ChatPage page = ChatPage.phone("visitor", dir.resolve("profile"))) {
            page.visit(server.url("/?user=1&peer=2"));

            WebElement notice = page.driver.findElement(By.cssSelector("[data-testid=sign-in-notice]"));
            await("the page explains").atMost(Duration.ofSeconds(10)).until(notice::isDisplayed);
            assertThat(notice.getText()).contains("Development sign-in is off");
            assertThat(page.driver.findElement(By.cssSelector("[data-testid=token]")).isDisplayed()).isTrue();
            assertThat(page.status()).isNotEqualTo("open");
            page.screenshot("0-sign-in-off");
        }
    }
}
