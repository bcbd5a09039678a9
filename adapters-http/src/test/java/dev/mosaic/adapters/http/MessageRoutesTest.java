package dev.mosaic.adapters.http;

import static dev.mosaic.adapters.http.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.application.port.in.ListConversationQuery;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.UserId;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageRoutesTest {

    private final StubUseCases stubs = new StubUseCases();
    private final TestApi api = TestApi.start(stubs);

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/messages/105", "/api/v1/messages/105/"})
    void oneMessageIsReadAsItsViewerSeesIt(String path) {
        AtomicReference<UserId> viewer = new AtomicReference<>();
        stubs.getMessage = (who, id) -> {
            viewer.set(who);
            return Views.message(id.value());
        };

        HttpResponse<String> response = api.get(path, 42);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode message = json(response.body());
        assertThat(message.path("message_id").asLong()).isEqualTo(105);
        assertThat(message.path("sender_id").asLong()).isEqualTo(1);
        assertThat(message.path("receiver_id").asLong()).isEqualTo(42);
        assertThat(message.path("created_at").asText()).isEqualTo("2025-01-01T10:00:00Z");
        assertThat(message.path("complete").asBoolean()).isFalse();
        assertThat(message.path("assets").get(1).path("playback_url").asText()).isEqualTo("https://cdn.test/play.mp4");
        assertThat(viewer.get()).isEqualTo(UserId.of(42));
    }

    @Test
    void someoneElsesMessageIsNotFound() {
        stubs.getMessage = (who, id) -> {
            throw new RequestRejected(RequestRejected.Reason.NOT_FOUND, "message_not_found", "no message " + id);
        };

        JsonAssert.problem(api.get("/api/v1/messages/105", 99), 404, "message_not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999"})
    void messageIdMustBeAPositiveInteger(String id) {
        JsonAssert.problem(api.get("/api/v1/messages/" + id, 1), 400, "message_id_invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/conversations/42/messages", "/api/v1/conversations/42/messages/"})
    void conversationPageDefaultsToFiftyNewestFirst(String path) {
        HttpResponse<String> response = api.get(path, 1);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode page = json(response.body());
        assertThat(page.path("messages")).hasSize(2);
        assertThat(page.path("messages").get(0).path("message_id").asLong()).isEqualTo(106);
        assertThat(stubs.lastQuery.get())
                .isEqualTo(new ListConversationQuery(UserId.of(1), UserId.of(42), Optional.empty(), 50));
    }

    @Test
    void conversationPageTakesBeforeAndLimit() {
        api.get("/api/v1/conversations/42/messages?before=106&limit=10", 1);

        assertThat(stubs.lastQuery.get())
                .isEqualTo(new ListConversationQuery(UserId.of(1), UserId.of(42), Optional.of(MessageId.of(106)), 10));
    }

    @Test
    void limitOverTheMaximumIsRefused() {
        JsonAssert.problem(api.get("/api/v1/conversations/42/messages?limit=1000", 1), 400, "limit_invalid");
    }

    @Test
    void nonNumericQueryValuesAreRefusedByName() {
        JsonAssert.problem(api.get("/api/v1/conversations/42/messages?limit=ten", 1), 400, "limit_invalid");
        JsonAssert.problem(api.get("/api/v1/conversations/42/messages?before=x", 1), 400, "before_invalid");
        JsonAssert.problem(api.get("/api/v1/conversations/bob/messages", 1), 400, "peer_id_invalid");
    }
}
