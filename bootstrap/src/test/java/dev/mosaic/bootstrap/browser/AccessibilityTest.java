package dev.mosaic.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The demo page as everyone uses it: axe-core's WCAG 2.x A and AA rules on every view in light and dark, a
 * keyboard-only album from sign-in to download, what the status region says, and a file refused where it is picked.
 */
class AccessibilityTest {

    static final long SENDER = 1;
    static final long RECEIVER = 2;
    /** Slow enough that the album is seen in progress, on two cores too. */
    static final long SLOW_UPLINK_BYTES_PER_SECOND = 1_500_000;
    static final Duration LIVE = Duration.ofSeconds(10);
    static final Duration PROCESSED = Duration.ofSeconds(60);

    @TempDir
    static Path samples;
    static Path photo;
    static Path video;
    static Path pdf;
    /** Named a PDF, but not one: the server refuses it once uploaded. */
    static Path notAPdf;

    @TempDir
    Path dir;
    @AutoClose
    DevelopmentServer server;

    @BeforeAll
    static void makeFiles() {
        photo = SampleFiles.jpeg(samples, "beach.jpg");
        video = SampleFiles.mp4(samples, "party.mp4");
        pdf = SampleFiles.pdf(samples, "itinerary.pdf");
        try {
            notAPdf = Files.writeString(samples.resolve("notes.pdf"), "these are notes, not a PDF\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void startServer() throws IOException {
        server = new DevelopmentServer(Files.createDirectories(dir.resolve("data")));
    }

    @Test
    void everyViewPassesAxeInLightAndDarkTheStatusRegionSaysAHandfulPerFileAndAFailureReadsAsASentence() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (ChatPage sender = ChatPage.desktop("sender", dir.resolve("sender"));
             ChatPage receiver = ChatPage.phone("receiver", dir.resolve("receiver"))) {
            receiver.visit(server.url("/"));
            check(violations, "sign-in", receiver);

            sender.open(server.url("/"), SENDER, RECEIVER);
            receiver.open(server.url("/"), RECEIVER, SENDER);
            check(violations, "empty chat", sender, receiver);

            sender.limitUploads(SLOW_UPLINK_BYTES_PER_SECOND);
            sender.send("Trip, day 1", photo, video, pdf, notAPdf);
            await("the album in progress on both pages").atMost(LIVE).until(() ->
                    "uploading".equals(sender.stages().get("video")) && receiver.cells().size() == 4);
            check(violations, "album in progress", sender, receiver);
            sender.screenshot("a11y-in-progress");

            await("every cell settled on both pages").atMost(PROCESSED).until(() ->
                    settled(sender) && settled(receiver));
            for (ChatPage page : List.of(sender, receiver)) {
                assertThat(page.cells()).filteredOn(cell -> "failed".equals(cell.getAttribute("data-stage")))
                        .as("only the false PDF failed").singleElement()
                        .satisfies(cell -> assertThat(cell.getText()).contains("notes.pdf").doesNotContain("_"));
            }
            assertThat(failedCell(sender).getText()).as("the sender's tile says why").contains("Failed", "not a PDF");
            assertThat(failedCell(receiver).getText()).as("the receiver's tile").contains("Not sent")
                    .doesNotContain("not a PDF");
            WebElement notice = sender.driver.findElement(By.cssSelector("[data-testid=notice]"));
            assertThat(notice.isDisplayed()).isTrue();
            assertThat(notice.getText()).contains("notes.pdf failed: not a PDF");
            check(violations, "album ready", sender, receiver);
            assertThat(notice.isDisplayed()).as("the notice stays until it is dismissed").isTrue();
            new Keyboard(sender.driver).press(Keys.ESCAPE);
            await("Escape dismisses the notice").atMost(LIVE).until(() -> !notice.isDisplayed());
            assertThat((Boolean) receiver.driver.executeScript("const album = document.querySelector('.album');"
                    + "return album.getBoundingClientRect().width + 8 >= album.parentElement.getBoundingClientRect().width;"))
                    .as("on a phone the grid fills its bubble").isTrue();
            sender.screenshot("a11y-ready");
            receiver.darkMode(true);
            receiver.screenshot("a11y-ready-dark");

            assertThat(violations).as("axe-core %s violations per view", Axe.WCAG_A_AND_AA)
                    .allSatisfy((view, found) -> assertThat(found).as(view).isEmpty());

            assertThat(sender.driver.findElement(By.cssSelector("[data-testid=messages]")).getAttribute("aria-live"))
                    .as("the message list is no live region").isNull();
            assertThat(receiver.driver.findElement(By.cssSelector("[data-testid=message-caption]")).getText())
                    .isEqualTo("Trip, day 1");
            assertThat(List.of(sender.repaints(), receiver.repaints()))
                    .as("captions and times drawn once, never rewritten by the cells' updates").containsOnly(0L);
            List<String> senderHeard = sender.announced();
            assertThat(senderHeard).as("the sender hears: %s", senderHeard)
                    .contains("Sending 4 files", "beach.jpg is ready", "party.mp4 is ready to play",
                            "itinerary.pdf is ready to download", "party.mp4 uploaded", "notes.pdf failed: not a PDF")
                    .hasSizeLessThanOrEqualTo(4 * 3 + 2)
                    .doesNotHaveDuplicates();
            List<String> receiverHeard = receiver.announced();
            assertThat(receiverHeard).as("the receiver hears: %s", receiverHeard)
                    .contains("User 1 sent 4 files", "beach.jpg is ready", "party.mp4 is ready to play",
                            "itinerary.pdf is ready to download", "notes.pdf was not sent")
                    .hasSizeLessThanOrEqualTo(4 * 2 + 2)
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void aKeyboardAloneSignsInPicksAPeerSendsAnAlbumPlaysTheVideoAndDownloadsThePdfWithFocusAlwaysShown()
            throws IOException {
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        try (ChatPage page = ChatPage.desktop("keyboard", dir.resolve("keyboard"))) {
            Keyboard keys = new Keyboard(page.driver);
            page.downloadTo(downloads);
            page.visit(server.url("/"));
            assertThat(page.driver.findElement(By.cssSelector("[data-testid=status]")).isDisplayed())
                    .as("no connection state before anyone signed in").isFalse();

            keys.tabTo("user-id", false, 10);
            keys.type("1", Keys.ENTER);
            await("focus moves to the field that picks a peer").atMost(LIVE).until(() ->
                    "peer-id".equals(keys.focusedId()));
            keys.assertFocusShows();
            assertThat(page.driver.findElement(By.cssSelector("[data-testid=pick-peer]")).isDisplayed()).isTrue();

            keys.type("2", Keys.ENTER);
            await("focus moves to the chat's title").atMost(LIVE).until(() ->
                    "chat-title".equals(keys.focusedId()));
            assertThat(page.driver.findElement(By.cssSelector("[data-testid=chat-title]")).getText())
                    .isEqualTo("Chat with user 2");

            keys.tabTo("file-input", false, 10);
            keys.active().sendKeys(String.join("\n", photo.toString(), video.toString(), pdf.toString()));
            await("three files chosen").atMost(LIVE).until(() ->
                    page.driver.findElements(By.cssSelector("[data-testid=pending-file]")).size() == 3);
            keys.tabTo("send", false, 10);
            keys.press(Keys.ENTER);
            await("three cells").atMost(LIVE).until(() -> page.cells().size() == 3);
            await("focus comes back to the caption").atMost(LIVE).until(() -> "caption".equals(keys.focusedId()));
            keys.assertFocusShows();

            await("every cell ready").atMost(PROCESSED).until(() -> allReady(page));
            keys.tabTo("play", true, 12);
            assertThat(keys.focused().get("name")).isEqualTo("Play party.mp4");
            keys.press(Keys.ENTER);
            await("the video has focus").atMost(LIVE).until(() -> "video".equals(keys.focusedId()));
            keys.assertFocusShows();
            await("the video plays").atMost(LIVE).until(() -> {
                Map<String, Object> state = page.videoState();
                return state != null && ((Number) state.get("readyState")).intValue() >= 2;
            });
            page.screenshot("keyboard-video");
            keys.press(Keys.TAB);
            assertThat(keys.focusedId()).as("the next Tab reaches the video's controls").isEqualTo("video-controls");

            keys.tabTo("download", false, 20);
            assertThat(keys.focused().get("name")).isEqualTo("Download itinerary.pdf");
            keys.press(Keys.ENTER);
            await("the PDF is downloaded").atMost(LIVE).until(() -> Files.exists(downloads.resolve("itinerary.pdf")));
            assertThat(Files.size(downloads.resolve("itinerary.pdf"))).isEqualTo(Files.size(pdf));
            assertThat(keys.path).as("where focus went").isNotEmpty();
        }
    }

    @Test
    void aPhotoOverTheLimitIsRefusedOnItsChipWithASentenceAndThePdfIsStillSent() throws IOException {
        Path big = dir.resolve("photo.jpg");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(60L * 1024 * 1024);
        }
        try (ChatPage page = ChatPage.phone("sender", dir.resolve("sender"))) {
            page.open(server.url("/"), SENDER, RECEIVER);
            page.driver.findElement(By.cssSelector("[data-testid=file-input]")).sendKeys(big + "\n" + pdf);

            await("the refused chip says why").atMost(LIVE).until(() -> !page.driver.findElements(
                    By.cssSelector("[data-refused=true] [data-testid=chip-problem]")).isEmpty());
            assertThat(page.driver.findElement(By.cssSelector("[data-refused=true] [data-testid=chip-problem]"))
                    .getText()).isEqualTo("photo.jpg is 60 MB; photos can be up to 50 MB");
            assertThat(page.driver.findElements(By.cssSelector("[data-testid=pending-file][data-refused=false]")))
                    .hasSize(1);
            assertThat(page.announced()).anySatisfy(said ->
                    assertThat(said).contains("photo.jpg is 60 MB; photos can be up to 50 MB"));
            List<String> violations = Axe.violations(page.driver);
            page.darkMode(true);
            violations = Stream.concat(violations.stream(), Axe.violations(page.driver).stream())
                    .toList();
            page.screenshot("refused-chip");
            assertThat(violations).as("the refused chip on a phone, light and dark").isEmpty();

            WebElement send = page.driver.findElement(By.cssSelector("[data-testid=send]"));
            assertThat(send.isEnabled()).as("the PDF can still go").isTrue();
            send.click();

            await("the album is sent").atMost(LIVE).until(() -> page.cells().size() == 1);
            assertThat(page.cells()).singleElement().satisfies(cell ->
                    assertThat(cell.getAttribute("data-kind")).isEqualTo("file"));
            await("the PDF is ready").atMost(PROCESSED).until(() -> "ready".equals(page.stages().get("file")));
            assertThat(page.driver.findElement(By.cssSelector("[data-testid=notice]")).isDisplayed())
                    .as("nothing went wrong with what was sent").isFalse();

            page.networkOffline(true);
            await("the page says it is offline at once").atMost(Duration.ofSeconds(3)).until(() ->
                    "offline".equals(page.status()));
            assertThat(page.announced()).contains("Offline: waiting for the network");
            page.networkOffline(false);
            await("live again").atMost(LIVE).until(() -> "open".equals(page.status()));
        }
    }

    /** Runs axe on each page in light and in dark, keeping what failed under the view's name. */
    private static void check(Map<String, List<String>> violations, String view, ChatPage... pages) {
        for (ChatPage page : pages) {
            for (boolean dark : new boolean[] {false, true}) {
                page.darkMode(dark);
                violations.put(view + " (" + page + (dark ? ", dark)" : ", light)"), Axe.violations(page.driver));
            }
            page.darkMode(false);
        }
    }

    private static boolean allReady(ChatPage page) {
        Map<String, String> stages = page.stages();
        return stages.size() == 3 && stages.values().stream().allMatch("ready"::equals);
    }

    /** Four cells, each ready or failed. */
    private static boolean settled(ChatPage page) {
        List<WebElement> cells = page.cells();
        return cells.size() == 4 && cells.stream().map(cell -> cell.getAttribute("data-stage"))
                .allMatch(stage -> "ready".equals(stage) || "failed".equals(stage));
    }

    private static WebElement failedCell(ChatPage page) {
        return page.cells().stream().filter(cell -> "failed".equals(cell.getAttribute("data-stage"))).findFirst()
                .orElseThrow();
    }
}
