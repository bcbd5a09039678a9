package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import dev.mosaic.application.event.Event;
import dev.mosaic.domain.UserId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.eclipse.jetty.session.NullSessionCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventSocketTest {

    static final UserId ALICE = UserId.of(1);
    static final UserId BOB = UserId.of(2);

    private final StubUseCases stubs = new StubUseCases();
    // long enough that a first frame sent at once beats it on a busy 2-core CI machine
    private final TestApi api = TestApi.start(stubs,
            settings -> settings.withSocketAuthTimeout(Duration.ofMillis(1500)), List.of());

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void headerAuthenticatedSocketIsReadyWithTheLastSequence() {
        append(ALICE, 2);
        SocketClient socket = withHeader(ALICE, "");

        JsonNode ready = socket.next();

        assertThat(ready.path("type").asText()).isEqualTo("ready");
        assertThat(ready.path("user_id").asLong()).isEqualTo(1);
        assertThat(ready.path("last_seq").asLong()).isEqualTo(2);
        socket.assertNothingMoreThanPong();
    }

    @Test
    void aClientAlreadyCurrentCostsNoReadOnceTheNodeKnowsItsLastSequenceAndOneBehindCostsOne() {
        append(ALICE, 3);
        int before = stubs.events.reads.get();
        SocketClient first = withHeader(ALICE, "?since=3");
        assertThat(first.next().path("last_seq").asLong()).isEqualTo(3);
        first.assertNothingMoreThanPong();
        assertThat(stubs.events.reads.get() - before).as("the first socket reads the last sequence").isEqualTo(1);

        SocketClient current = withHeader(ALICE, "?since=3");
        assertThat(current.next().path("last_seq").asLong()).isEqualTo(3);
        current.assertNothingMoreThanPong();
        SocketClient noSince = withHeader(ALICE, "");
        assertThat(noSince.next().path("last_seq").asLong()).isEqualTo(3);
        noSince.assertNothingMoreThanPong();
        assertThat(stubs.events.reads.get() - before).as("current clients cost no read").isEqualTo(1);

        SocketClient behind = withHeader(ALICE, "?since=1");
        assertThat(behind.next().path("last_seq").asLong()).isEqualTo(3);
        assertThat(behind.next().path("seq").asLong()).isEqualTo(2);
        assertThat(behind.next().path("seq").asLong()).isEqualTo(3);
        behind.assertNothingMoreThanPong();
        assertThat(stubs.events.reads.get() - before).as("one behind costs its catch-up only").isEqualTo(2);
    }

    @Test
    void anEventCommittedWhileAClientConnectsOnWhatTheNodeKnewArrivesOnceWithItsDelivery() {
        append(ALICE, 3);
        withHeader(ALICE, "").next();
        // committed, its delivery not yet run: what the node knows (3) is stale
        append(ALICE, 1);
        int before = stubs.events.reads.get();

        SocketClient connecting = withHeader(ALICE, "?since=3");
        assertThat(connecting.next().path("last_seq").asLong()).isEqualTo(3);
        assertThat(stubs.events.reads.get() - before).isZero();
        api.api.deliver(List.of(ALICE));

        assertThat(connecting.next().path("seq").asLong()).isEqualTo(4);
        connecting.assertNothingMoreThanPong();
        SocketClient after = withHeader(ALICE, "?since=4");
        assertThat(after.next().path("last_seq").asLong()).as("learnt again from the delivery's catch-up")
                .isEqualTo(4);
        after.assertNothingMoreThanPong();
        assertThat(connecting.received()).filteredOn(frame -> frame.has("seq")).hasSize(1);
    }

    @Test
    void aClientThatKnowsALaterEventThanTheNodeIsAnsweredFromTheLogWithoutARepeat() {
        append(ALICE, 3);
        withHeader(ALICE, "").next();
        append(ALICE, 1);
        int before = stubs.events.reads.get();

        SocketClient ahead = withHeader(ALICE, "?since=4");
        assertThat(ahead.next().path("last_seq").asLong()).isEqualTo(4);
        assertThat(stubs.events.reads.get() - before).isEqualTo(1);
        api.api.deliver(List.of(ALICE));

        ahead.assertNothingMoreThanPong();
        assertThat(ahead.received()).noneMatch(frame -> frame.has("seq"));
    }

    @Test
    void aDeliveryForAUserWithNoSocketHereMakesTheNodeForgetItsLastSequence() {
        append(ALICE, 2);
        SocketClient gone = withHeader(ALICE, "");
        gone.next();
        gone.close();
        gone.awaitClose();
        append(ALICE, 1);
        api.api.deliver(List.of(ALICE));

        SocketClient socket = withHeader(ALICE, "");

        assertThat(socket.next().path("last_seq").asLong()).isEqualTo(3);
    }

    @Test
    void aResyncMakesTheNodeForgetEveryLastSequenceAndCatchesEverySocketUp() {
        append(ALICE, 2);
        append(BOB, 1);
        SocketClient alice = withHeader(ALICE, "");
        SocketClient bob = withHeader(BOB, "");
        alice.next();
        bob.next();
        bob.close();
        bob.awaitClose();
        // committed, the signals lost: only a resync finds them
        append(ALICE, 1);
        append(BOB, 1);

        api.api.deliverToEveryone();

        assertThat(alice.next().path("seq").asLong()).isEqualTo(3);
        assertThat(withHeader(BOB, "").next().path("last_seq").asLong()).as("a user with no socket here").isEqualTo(2);
        append(ALICE, 1);
        api.api.deliverToEveryone();
        assertThat(alice.next().path("seq").asLong()).isEqualTo(4);
        int before = stubs.events.reads.get();
        assertThat(withHeader(ALICE, "?since=4").next().path("last_seq").asLong()).isEqualTo(4);
        assertThat(stubs.events.reads.get() - before).as("learnt from the resync's catch-up").isZero();
    }

    @Test
    void aHeaderTokenIsVerifiedOncePerSocketAndABadOneStillClosesItWithItsCode() {
        long before = api.api.tokenVerifications();
        SocketClient socket = withHeader(ALICE, "");
        assertThat(socket.next().path("user_id").asLong()).isEqualTo(1);
        assertThat(api.api.tokenVerifications() - before).isEqualTo(1);

        SocketClient refused = SocketClient.attempt(socketUri(""), Map.of("Authorization", "Bearer not-a-jwt"));
        assertThat(refused.awaitClose().reason()).isEqualTo(Unauthenticated.INVALID);
    }

    @Test
    void anUpgradeKeepsNoHttpSessionAndSetsNoCookie() {
        SocketClient socket = withHeader(ALICE, "");
        assertThat(socket.next().path("type").asText()).isEqualTo("ready");

        assertThat(socket.handshake().hasFieldValue("Set-Cookie")).as("no session cookie").isFalse();
        assertThat(api.api.sessionCache()).isInstanceOf(NullSessionCache.class);
    }

    @Test
    void bearerSchemeIsMatchedWhateverItsCase() {
        SocketClient socket = SocketClient.connect(socketUri(""),
                Map.of("authorization", "bearer " + TestApi.token(7)));

        assertThat(socket.next().path("user_id").asLong()).isEqualTo(7);
    }

    @Test
    void sinceOnTheUrlReplaysWhatWasMissedInOrder() {
        append(ALICE, 3);
        SocketClient socket = withHeader(ALICE, "?since=1");

        assertThat(socket.next().path("type").asText()).isEqualTo("ready");
        JsonNode second = socket.next();
        assertThat(second.path("type").asText()).isEqualTo("chat_message_update");
        assertThat(second.path("seq").asLong()).isEqualTo(2);
        assertThat(second.path("data").path("asset_id").asLong()).isEqualTo(502);
        assertThat(second.path("data").path("stage").asText()).isEqualTo("uploading");
        assertThat(second.path("data").has("thumbnail_url")).isFalse();
        assertThat(socket.next().path("seq").asLong()).isEqualTo(3);
        socket.assertNothingMoreThanPong();
    }

    @Test
    void firstFrameAuthenticatesABrowserSocket() {
        append(ALICE, 2);
        SocketClient socket = withoutHeader();

        socket.send("{\"type\":\"auth\",\"token\":\"" + TestApi.token(1) + "\",\"since\":0}");

        assertThat(socket.next().path("type").asText()).isEqualTo("ready");
        assertThat(socket.next().path("seq").asLong()).isEqualTo(1);
        assertThat(socket.next().path("seq").asLong()).isEqualTo(2);
        socket.assertNothingMoreThanPong();
    }

    @Test
    void sinceBeyondTheLogReplaysNothingAndWaitsForNewEvents() {
        append(ALICE, 1);
        SocketClient socket = withHeader(ALICE, "?since=99");
        assertThat(socket.next().path("last_seq").asLong()).isEqualTo(1);

        append(ALICE, 1);
        api.api.deliver(List.of(ALICE));

        assertThat(socket.next().path("seq").asLong()).isEqualTo(2);
    }

    @Test
    void liveEventsArriveInOrderExactlyOnce() {
        SocketClient socket = withHeader(ALICE, "");
        socket.next();

        append(ALICE, 3);
        api.api.deliver(List.of(ALICE));
        api.api.deliver(List.of(ALICE));
        append(ALICE, 1);
        api.api.deliver(List.of(ALICE, ALICE));

        assertThat(List.of(socket.next(), socket.next(), socket.next(), socket.next()))
                .extracting(frame -> frame.path("seq").asLong()).containsExactly(1L, 2L, 3L, 4L);
        socket.assertNothingMoreThanPong();
    }

    @Test
    void chatMessageEventsCarryTheWholeMessage() {
        SocketClient socket = withHeader(ALICE, "");
        socket.next();

        stubs.events.append(ALICE, new Event.ChatMessage(Views.message(105)));
        api.api.deliver(List.of(ALICE));

        JsonNode frame = socket.next();
        assertThat(frame.path("type").asText()).isEqualTo("chat_message");
        assertThat(frame.path("data").path("message_id").asLong()).isEqualTo(105);
        assertThat(frame.path("data").path("assets")).hasSize(2);
    }

    @Test
    void anotherUsersSocketGetsNothing() {
        SocketClient alice = withHeader(ALICE, "");
        SocketClient bob = withHeader(BOB, "");
        alice.next();
        bob.next();

        append(ALICE, 2);
        api.api.deliver(Set.of(ALICE, BOB));

        assertThat(alice.next().path("seq").asLong()).isEqualTo(1);
        bob.assertNothingMoreThanPong();
        assertThat(bob.received()).extracting(frame -> frame.path("type").asText()).containsExactly("ready", "pong");
    }

    @Test
    void everySocketOfTheUserGetsItsEvents() {
        SocketClient phone = withHeader(ALICE, "");
        SocketClient laptop = withoutHeader();
        laptop.send("{\"type\":\"auth\",\"token\":\"" + TestApi.token(1) + "\"}");
        phone.next();
        laptop.next();

        append(ALICE, 1);
        api.api.deliver(List.of(ALICE));

        assertThat(phone.next().path("seq").asLong()).isEqualTo(1);
        assertThat(laptop.next().path("seq").asLong()).isEqualTo(1);
    }

    @Test
    void socketThatNeverAuthenticatesIsClosed() {
        SocketClient socket = withoutHeader();

        SocketClient.Closed closed = socket.awaitClose();

        assertThat(closed.code()).isEqualTo(1008);
        assertThat(closed.reason()).isEqualTo("auth_timeout");
    }

    @Test
    void authenticatedSocketOutlivesTheAuthTimeout() {
        SocketClient socket = withHeader(ALICE, "");
        socket.next();

        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(socket::isOpen);
        socket.assertNothingMoreThanPong();
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "{\"type\":\"hello\"}", "{\"type\":\"subscribe\",\"token\":\"x\"}"})
    void firstFrameThatIsNotAuthClosesTheSocket(String frame) {
        SocketClient socket = withoutHeader();

        socket.send(frame);

        assertThat(socket.awaitClose()).isEqualTo(new SocketClient.Closed(1008, "auth_required"));
    }

    @Test
    void badTokenInTheFirstFrameClosesTheSocket() {
        SocketClient socket = withoutHeader();

        socket.send("{\"type\":\"auth\",\"token\":\"not-a-token\"}");

        assertThat(socket.awaitClose()).isEqualTo(new SocketClient.Closed(1008, "token_invalid"));
    }

    @Test
    void badOrExpiredTokenInTheHeaderClosesTheSocket() {
        SocketClient forged = SocketClient.attempt(socketUri(""), Map.of("Authorization", "Bearer x.y.z"));
        assertThat(forged.awaitClose()).isEqualTo(new SocketClient.Closed(1008, "token_invalid"));

        String expired = AuthTest.sign(JWSAlgorithm.HS256, claims -> claims
                .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))));
        SocketClient late = SocketClient.attempt(socketUri(""), Map.of("Authorization", "Bearer " + expired));
        assertThat(late.awaitClose()).isEqualTo(new SocketClient.Closed(1008, "token_expired"));
    }

    @Test
    void sinceThatIsNotANumberClosesTheSocket() {
        SocketClient socket = SocketClient.attempt(socketUri("?since=yesterday"),
                Map.of("Authorization", "Bearer " + TestApi.token(1)));

        assertThat(socket.awaitClose()).isEqualTo(new SocketClient.Closed(1008, "since_invalid"));
    }

    @Test
    void oversizedFrameClosesTheSocket() {
        SocketClient socket = withHeader(ALICE, "");
        socket.next();

        socket.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");

        // 1009 is the server's close frame; a busy machine may reset the connection while the client
        // still writes the frame, and the client then reports 1006 — either way the socket is shut
        assertThat(socket.awaitClose().code()).isIn(1009, 1006);
    }

    @Test
    void unknownOrMalformedFramesAfterAuthAreAnsweredWithAnError() {
        SocketClient socket = withHeader(ALICE, "");
        socket.next();

        socket.send("{\"type\":\"dance\"}");
        socket.send("][");

        assertThat(socket.next().path("code").asText()).isEqualTo("frame_unknown");
        assertThat(socket.next().path("code").asText()).isEqualTo("frame_malformed");
        assertThat(socket.isOpen()).isTrue();
    }

    @Test
    void replayLongerThanAPageArrivesWhole() {
        append(ALICE, EventSocket.PAGE_SIZE * 2 + 17);
        SocketClient socket = withHeader(ALICE, "?since=0");

        await().atMost(Duration.ofSeconds(10)).until(() -> socket.received().size() == EventSocket.PAGE_SIZE * 2 + 18);
        assertThat(socket.received().stream().skip(1).map(frame -> frame.path("seq").asLong()).toList())
                .isEqualTo(LongStream.rangeClosed(1, EventSocket.PAGE_SIZE * 2 + 17).boxed().toList());
    }

    @Test
    void framesMatchTheirOpenApiSchemas() {
        append(ALICE, 1);
        stubs.events.append(ALICE, new Event.ChatMessageComplete(Views.message(105)));
        OpenApiSchemas schemas = new OpenApiSchemas(api.send(api.request("/openapi.json").GET().build()).body());
        SocketClient socket = withHeader(ALICE, "?since=0");

        schemas.assertValid("SocketReadyFrame", socket.nextRaw());
        schemas.assertValid("SocketEventFrame", socket.nextRaw());
        schemas.assertValid("SocketEventFrame", socket.nextRaw());
        socket.send("{\"type\":\"dance\"}");
        schemas.assertValid("SocketErrorFrame", socket.nextRaw());
    }

    @Test
    void socketPathAcceptsATrailingSlash() {
        SocketClient socket = SocketClient.connect(
                URI.create("ws://localhost:" + api.api.port() + "/api/v1/ws/"),
                Map.of("Authorization", "Bearer " + TestApi.token(1)));

        assertThat(socket.next().path("type").asText()).isEqualTo("ready");
    }

    private void append(UserId user, int count) {
        for (int i = 0; i < count; i++) {
            long next = stubs.events.lastSequence(user) + 1;
            stubs.events.append(user, new Event.ChatMessageUpdate(Views.asset(500 + next)));
        }
    }

    private SocketClient withHeader(UserId user, String query) {
        return SocketClient.connect(socketUri(query), Map.of("Authorization", "Bearer " + TestApi.token(user.value())));
    }

    private SocketClient withoutHeader() {
        return SocketClient.connect(socketUri(""), Map.of());
    }

    private URI socketUri(String query) {
        return URI.create("ws://localhost:" + api.api.port() + "/api/v1/ws" + query);
    }
}
