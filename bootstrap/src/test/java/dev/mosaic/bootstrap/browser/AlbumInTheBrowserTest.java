package dev.mosaic.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The demo page in headless Chromium against a real Mosaic: two users in two browsers, one sending a photo, a
 * video in parts and a PDF, the other watching the album fill in live. Screenshots of the key moments land in
 * {@code target/screenshots/}.
 */
class AlbumInTheBrowserTest {

    static final long SENDER = 1;
    static final long RECEIVER = 2;
    /** A slow uplink: the video takes a few seconds, long enough to watch it upload. */
    static final long SLOW_UPLINK_BYTES_PER_SECOND = 2_500_000;
    static final Duration LIVE = Duration.ofSeconds(10);
    static final Duration PROCESSED = Duration.ofSeconds(45);

    @TempDir
    static Path samples;
    static Path photo;
    static Path video;
    static Path pdf;

    @TempDir
    Path dir;
    @AutoClose
    DevelopmentServer server;

    @BeforeAll
    static void makeFiles() {
        photo = SampleFiles.jpeg(samples, "beach.jpg");
        video = SampleFiles.mp4(samples, "party.mp4");
        pdf = SampleFiles.pdf(samples, "itinerary.pdf");
    }

    @BeforeEach
    void startServer() throws Exception {
        server = new DevelopmentServer(Files.createDirectories(dir.resolve("data")));
    }

    @Test
    void bothUsersSeeTheWholeAlbumAtOnceThenEachCellTurnsReadyOnItsOwnAndTheVideoPlays() {
        try (ChatPage sender = ChatPage.desktop("sender", dir.resolve("sender"));
             ChatPage receiver = ChatPage.phone("receiver", dir.resolve("receiver"))) {
            sender.open(server.url("/"), SENDER, RECEIVER);
            receiver.open(server.url("/"), RECEIVER, SENDER);
            sender.limitUploads(SLOW_UPLINK_BYTES_PER_SECOND);

            sender.send(photo, video, pdf);

            await("three cells on both pages").atMost(LIVE).until(() ->
                    sender.cells().size() == 3 && receiver.cells().size() == 3);
            sender.screenshot("1-placeholders");
            receiver.screenshot("1-placeholders");
            for (ChatPage page : List.of(sender, receiver)) {
                Map<Long, Map<String, Object>> appeared = firstSeen(page.stageHistory());
                assertThat(appeared).as("the album on the %s's page", page).hasSize(3);
                assertThat(appeared.values()).as("all three cells appear together")
                        .allSatisfy(cell -> assertThat(((Number) cell.get("cells")).intValue()).isEqualTo(3))
                        .extracting(cell -> cell.get("at")).containsOnly(appeared.values().iterator().next().get("at"));
                assertThat(appeared.values()).as("none is ready yet")
                        .noneMatch(cell -> "ready".equals(cell.get("stage")));
                assertThat(appeared.values()).filteredOn(cell -> "video".equals(cell.get("kind")))
                        .extracting(cell -> cell.get("stage")).containsExactly("uploading");
            }

            await("the receiver sees the photo").atMost(PROCESSED).until(() ->
                    "ready".equals(receiver.stages().get("image")) && receiver.pictureShown("image"));
            receiver.screenshot("2-first-photo");
            sender.screenshot("2-first-photo");

            await("every cell ready on both pages").atMost(PROCESSED).until(() ->
                    allReady(sender) && allReady(receiver));
            sender.screenshot("3-all-ready");
            receiver.screenshot("3-all-ready");
            for (ChatPage page : List.of(sender, receiver)) {
                List<Map<String, Object>> history = page.stageHistory();
                assertThat(history).as("the grid never changed size")
                        .allSatisfy(change -> assertThat(((Number) change.get("cells")).intValue()).isEqualTo(3));
                assertThat(readyAt(history, "image")).as("the photo was ready before the video")
                        .isLessThan(readyAt(history, "video"));
                assertThat(readyAt(history, "file")).as("the file was ready before the video")
                        .isLessThan(readyAt(history, "video"));
            }
            assertThat(receiver.frames()).as("the receiver watched the video upload")
                    .anySatisfy(frame -> assertRelayedProgress(frame, "video"));

            receiver.cell("video").orElseThrow().findElement(By.cssSelector("[data-testid=play]")).click();
            await("the video plays").atMost(LIVE).until(() -> {
                Map<String, Object> state = receiver.videoState();
                return state != null && (((Number) state.get("readyState")).intValue() >= 2
                        || ((Number) state.get("currentTime")).doubleValue() > 0);
            });
            assertThat(receiver.videoState().get("error")).isNull();
            receiver.screenshot("4-video-playing");
            for (ChatPage page : List.of(sender, receiver)) {
                assertThat(page.console()).as("the page's policy let everything it needs load")
                        .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused to"));
            }
        }
    }

    @Test
    void aPartUploadTheNetworkDropsIsRetriedAndTheFileStillCompletes() {
        try (ChatPage sender = ChatPage.desktop("sender", dir.resolve("sender"))) {
            sender.open(server.url("/"), SENDER, RECEIVER);
            sender.failRequestsTo("*part_number=*");

            sender.send(photo, video, pdf);

            await("a part upload failed").atMost(LIVE).until(() -> !failedParts(sender).isEmpty());
            sender.failRequestsTo();
            await("every cell ready").atMost(PROCESSED).until(() -> allReady(sender));
            List<Map<String, Object>> parts = sender.uploads().stream()
                    .filter(request -> String.valueOf(request.get("url")).contains("part_number=")).toList();
            assertThat(parts).filteredOn(request -> ((Number) request.get("status")).intValue() == 200)
                    .extracting(request -> partNumber(request))
                    .containsAll(failedParts(sender).stream().map(AlbumInTheBrowserTest::partNumber).toList());
            assertThat(sender.driver.findElement(By.cssSelector("[data-testid=notice]")).isDisplayed())
                    .as("no error shown").isFalse();
            sender.screenshot("5-after-a-network-drop");
        }
    }

    @Test
    void aReceiverWhoseSocketDropsAndReconnectsMissesNothing() {
        try (ChatPage sender = ChatPage.desktop("sender", dir.resolve("sender"));
             ChatPage receiver = ChatPage.phone("receiver", dir.resolve("receiver"))) {
            sender.open(server.url("/"), SENDER, RECEIVER);
            receiver.open(server.url("/"), RECEIVER, SENDER);
            sender.limitUploads(SLOW_UPLINK_BYTES_PER_SECOND);
            sender.send(photo, video, pdf);
            await("the receiver sees the album").atMost(LIVE).until(() -> receiver.cells().size() == 3);

            receiver.cutSockets();
            receiver.reconnect();
            await("the receiver is offline").atMost(LIVE).until(() -> !"open".equals(receiver.status()));
            await("the album completes meanwhile").atMost(PROCESSED).until(() -> allReady(sender)
                    && !sender.driver.findElements(By.cssSelector("[data-testid=message][data-complete=true]"))
                    .isEmpty());
            assertThat(receiver.stages().get("video")).as("heard while offline").isNotEqualTo("ready");
            receiver.screenshot("6-reconnecting");

            receiver.restoreSockets();

            await("the receiver catches up").atMost(LIVE).until(() ->
                    "open".equals(receiver.status()) && allReady(receiver));
            List<Long> sequence = receiver.frames().stream().filter(frame -> frame.get("seq") != null)
                    .map(frame -> ((Number) frame.get("seq")).longValue()).toList();
            long last = sequence.get(sequence.size() - 1);
            assertThat(sequence).as("every event once, in order, none missing")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
            assertThat(receiver.frames()).filteredOn(frame -> "ready".equals(frame.get("type"))).hasSize(2);
            assertThat(receiver.frames()).extracting(frame -> frame.get("type")).contains("chat_message_complete");
            assertThat(receiver.lastSeq()).isEqualTo(last);
            receiver.screenshot("7-caught-up");
        }
    }

    private static boolean allReady(ChatPage page) {
        Map<String, String> stages = page.stages();
        return stages.size() == 3 && stages.values().stream().allMatch("ready"::equals);
    }

    /** Each asset's first appearance on the page. */
    private static Map<Long, Map<String, Object>> firstSeen(List<Map<String, Object>> history) {
        Map<Long, Map<String, Object>> first = new LinkedHashMap<>();
        history.forEach(change -> first.putIfAbsent(((Number) change.get("asset")).longValue(), change));
        return first;
    }

    private static double readyAt(List<Map<String, Object>> history, String kind) {
        return history.stream().filter(change -> kind.equals(change.get("kind")) && "ready".equals(change.get("stage")))
                .mapToDouble(change -> ((Number) change.get("at")).doubleValue()).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static void assertRelayedProgress(Map<String, Object> frame, String kind) {
        assertThat(frame.get("type")).isEqualTo("chat_message_update");
        assertThat(frame).doesNotContainKey("seq");
        Map<String, Object> data = (Map<String, Object>) frame.get("data");
        assertThat(data.get("kind")).isEqualTo(kind);
        assertThat(data.get("stage")).isEqualTo("uploading");
        assertThat(((Number) data.get("progress")).intValue()).isBetween(1, 99);
    }

    private static List<Map<String, Object>> failedParts(ChatPage page) {
        return page.uploads().stream().filter(request -> String.valueOf(request.get("url")).contains("part_number=")
                && ((Number) request.get("status")).intValue() == 0).toList();
    }

    private static String partNumber(Map<String, Object> request) {
        return String.valueOf(request.get("url")).replaceAll(".*[?&]part_number=(\\d+).*", "$1");
    }
}
