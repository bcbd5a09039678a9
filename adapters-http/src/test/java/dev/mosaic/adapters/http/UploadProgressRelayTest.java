package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.SendAlbumCommand;
import dev.mosaic.application.port.in.SendAlbumCommand.Attachment;
import dev.mosaic.domain.UserId;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sender's {@code upload_progress} frames, relayed by the real use case over real sockets. */
class UploadProgressRelayTest {

    static final UserId SENDER = UserId.of(1);
    static final UserId RECEIVER = UserId.of(2);
    static final UserId STRANGER = UserId.of(3);

    private final FakeWorld world = new FakeWorld();
    private final long assetId = world.services.sendAlbum().send(new SendAlbumCommand(SENDER, RECEIVER.value(),
                    "trip", List.of(Attachment.of("beach.jpg", 3_050_000, "image/jpeg", "image")), null))
            .uploads().get(0).assetId();
    private final StubUseCases stubs = new StubUseCases();
    private final TestApi api;
    private final SocketClient reporter;
    private final SocketClient sendersLaptop;
    private final SocketClient receiver;
    private final SocketClient stranger;
    private final OpenApiSchemas schemas;

    UploadProgressRelayTest() {
        stubs.reportUploadProgress = world.services.uploadProgress();
        api = TestApi.start(stubs);
        reporter = open(SENDER);
        sendersLaptop = openWithFirstFrame(SENDER);
        receiver = openWithFirstFrame(RECEIVER);
        stranger = open(STRANGER);
        schemas = new OpenApiSchemas(api.send(api.request("/openapi.json").GET().build()).body());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private SocketClient open(UserId user) {
        SocketClient socket = SocketClient.connect(URI.create("ws://localhost:" + api.api.port() + "/api/v1/ws"),
                Map.of("Authorization", "Bearer " + TestApi.token(user.value())));
        assertThat(socket.next().path("type").asText()).isEqualTo("ready");
        return socket;
    }

    private SocketClient openWithFirstFrame(UserId user) {
        SocketClient socket = SocketClient.connect(URI.create("ws://localhost:" + api.api.port() + "/api/v1/ws"),
                Map.of());
        socket.send("{\"type\":\"auth\",\"token\":\"" + TestApi.token(user.value()) + "\"}");
        assertThat(socket.next().path("type").asText()).isEqualTo("ready");
        return socket;
    }

    private String progress(long asset, int percent) {
        return "{\"type\":\"upload_progress\",\"asset_id\":" + asset + ",\"progress\":" + percent + "}";
    }

    @Test
    void progressReachesTheReceiverAndTheSendersOtherSocketsButNotTheReporterNorAStranger() {
        String report = progress(assetId, 37);
        assertThat(schemas.errors("SocketUploadProgressFrame", report)).isEmpty();

        reporter.send(report);

        for (SocketClient audience : List.of(receiver, sendersLaptop)) {
            JsonNode update = audience.next();
            assertThat(update.path("type").asText()).isEqualTo("chat_message_update");
            assertThat(update.has("seq")).as("ephemeral, not logged: %s", update).isFalse();
            assertThat(update.path("data").path("asset_id").asLong()).isEqualTo(assetId);
            assertThat(update.path("data").path("stage").asText()).isEqualTo("uploading");
            assertThat(update.path("data").path("progress").asInt()).isEqualTo(37);
            assertThat(update.path("data").path("file_name").asText()).isEqualTo("beach.jpg");
            assertThat(update.path("data").has("download_url")).isFalse();
            schemas.assertValid("SocketProgressUpdateFrame", update.toString());
        }
        reporter.assertNothingMoreThanPong();
        stranger.assertNothingMoreThanPong();
        receiver.assertNothingMoreThanPong();
    }

    @Test
    void atMostOneRelayPerSecondAndAThrottledReportIsDroppedSilently() {
        reporter.send(progress(assetId, 10));
        reporter.send(progress(assetId, 11));
        reporter.send(progress(assetId, 12));
        reporter.assertNothingMoreThanPong();
        assertThat(receiver.next().path("data").path("progress").asInt()).isEqualTo(10);
        receiver.assertNothingMoreThanPong();

        world.clock.advance(Duration.ofSeconds(1));
        reporter.send(progress(assetId, 13));

        assertThat(receiver.next().path("data").path("progress").asInt()).isEqualTo(13);
        receiver.assertNothingMoreThanPong();
    }

    @Test
    void onlyTheSenderOfTheAssetIsRelayedAndOthersGetNoAnswer() {
        receiver.send(progress(assetId, 50));
        stranger.send(progress(assetId, 50));
        reporter.send(progress(assetId + 1000, 50));

        for (SocketClient socket : List.of(receiver, stranger, reporter, sendersLaptop)) {
            socket.assertNothingMoreThanPong();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"upload_progress\",\"asset_id\":ASSET}                  | progress_invalid",
            "{\"type\":\"upload_progress\",\"progress\":5}                      | progress_invalid",
            "{\"type\":\"upload_progress\",\"asset_id\":ASSET,\"progress\":101} | progress_invalid",
            "{\"type\":\"upload_progress\",\"asset_id\":ASSET,\"progress\":-1}  | progress_invalid",
            "{\"type\":\"upload_progress\",\"asset_id\":0,\"progress\":5}       | progress_invalid",
            "{\"type\":\"upload_progress\",\"asset_id\":ASSET,\"progress\":\"5\"} | frame_malformed",
            "{\"type\":\"upload_progress\",\"asset_id\":ASSET,\"progress\":5.5} | frame_malformed"})
    void aMalformedReportIsAnsweredWithAnErrorAndRelaysNothing(String frame, String code) {
        reporter.send(frame.replace("ASSET", Long.toString(assetId)));

        JsonNode error = reporter.next();
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("detail").asText()).isNotBlank();
        receiver.assertNothingMoreThanPong();
        assertThat(reporter.isOpen()).isTrue();
    }

    @Test
    void aFailingUseCaseLeavesTheSocketOpenAndRelaysNothing() {
        stubs.reportUploadProgress = (sender, asset, percent) -> {
            throw new IllegalStateException("the database is down");
        };

        reporter.send(progress(assetId, 5));

        reporter.assertNothingMoreThanPong();
        receiver.assertNothingMoreThanPong();
    }
}
