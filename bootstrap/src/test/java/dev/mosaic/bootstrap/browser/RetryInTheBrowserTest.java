package dev.mosaic.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * One cell of an album, retried in real Chromium: a PDF that is not one fails, its sender presses Retry and
 * picks the real PDF, and both windows show the same cell turn ready; a photo's own alt text and caption are
 * on both pages.
 */
class RetryInTheBrowserTest {

    static final long SENDER = 1;
    static final long RECEIVER = 2;
    static final Duration LIVE = Duration.ofSeconds(10);
    static final Duration PROCESSED = Duration.ofSeconds(45);

    @TempDir
    static Path samples;
    static Path pdf;
    static Path notAPdf;

    @TempDir
    Path dir;
    @AutoClose
    DevelopmentServer server;

    @BeforeAll
    static void makeFiles() throws IOException {
        pdf = SampleFiles.pdf(samples, "itinerary.pdf");
        notAPdf = Files.writeString(samples.resolve("notes.pdf"), "these are notes, not a PDF\n");
    }

    @BeforeEach
    void startServer() throws IOException {
        server = new DevelopmentServer(Files.createDirectories(dir.resolve("data")));
    }

    @Test
    void aFailedPdfIsRetriedWithTheRealOneAndBothWindowsSeeTheCellTurnReady() {
        try (ChatPage sender = ChatPage.desktop("sender", dir.resolve("sender"));
             ChatPage receiver = ChatPage.phone("receiver", dir.resolve("receiver"))) {
            sender.open(server.url("/"), SENDER, RECEIVER);
            receiver.open(server.url("/"), RECEIVER, SENDER);

            sender.send(notAPdf);
            await("the false PDF failed on both pages").atMost(PROCESSED).until(() ->
                    stageOf(sender).equals("failed") && stageOf(receiver).equals("failed"));
            String assetId = onlyCell(sender).getAttribute("data-asset-id");
            assertThat(onlyCell(receiver).findElements(By.cssSelector("[data-testid=retry]")))
                    .as("only the sender may retry").isEmpty();
            WebElement retry = onlyCell(sender).findElement(By.cssSelector("[data-testid=retry]"));
            assertThat(retry.getAttribute("aria-label")).contains("notes.pdf");

            retry.click();
            sender.driver.findElement(By.cssSelector("[data-testid=retry-input]"))
                    .sendKeys(pdf.toAbsolutePath().toString());

            await("the retried cell is ready on both pages").atMost(PROCESSED).until(() ->
                    stageOf(sender).equals("ready") && stageOf(receiver).equals("ready"));
            for (ChatPage page : List.of(sender, receiver)) {
                WebElement cell = onlyCell(page);
                assertThat(cell.getAttribute("data-asset-id")).as("the same cell").isEqualTo(assetId);
                assertThat(cell.getText()).contains("itinerary.pdf").doesNotContain("notes.pdf", "Failed", "Not sent");
                assertThat(page.driver.findElements(By.cssSelector("[data-testid=message]"))).hasSize(1);
            }
            assertThat(sender.stageHistory()).extracting(change -> change.get("stage"))
                    .containsSubsequence("failed", "uploading", "ready");
            sender.screenshot("retried");

            sendPhotoWithAltText(sender);
            await("the photo is ready on both pages").atMost(PROCESSED).until(() ->
                    photoReady(sender) && photoReady(receiver));
            for (ChatPage page : List.of(sender, receiver)) {
                WebElement photo = page.driver.findElement(By.cssSelector("[data-testid=cell][data-kind=image]"));
                assertThat(photo.getAttribute("aria-label")).isEqualTo("A red sunset over the sea: Day one");
                assertThat(photo.findElement(By.cssSelector("img")).getAttribute("alt"))
                        .isEqualTo("A red sunset over the sea");
                assertThat(photo.findElement(By.cssSelector("[data-testid=item-caption]")).getText())
                        .isEqualTo("Day one");
            }
        }
    }

    /** Through the page's own client, as an app would: a JPEG drawn on a canvas, with its alt text and caption. */
    private static void sendPhotoWithAltText(ChatPage page) {
        page.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 48 });
                const context = canvas.getContext('2d');
                context.fillStyle = '#c33';
                context.fillRect(0, 0, 64, 48);
                canvas.toBlob((blob) => {
                    const file = new File([blob], 'sunset.jpg', { type: 'image/jpeg' });
                    window.mosaicDemo.state.client.sendAlbum({ receiverId: 2, files: [
                        { file, altText: 'A red sunset over the sea', caption: 'Day one' }] })
                        .then(() => done(), (error) => done(String(error)));
                }, 'image/jpeg', 0.9);""");
    }

    private static boolean photoReady(ChatPage page) {
        return page.driver.findElements(By.cssSelector("[data-testid=cell][data-kind=image][data-stage=ready]"))
                .size() == 1;
    }

    private static WebElement onlyCell(ChatPage page) {
        return page.driver.findElement(By.cssSelector("[data-testid=cell][data-kind=file]"));
    }

    private static String stageOf(ChatPage page) {
        List<WebElement> cells = page.driver.findElements(By.cssSelector("[data-testid=cell][data-kind=file]"));
        return cells.isEmpty() ? "" : String.valueOf(cells.get(0).getAttribute("data-stage"));
    }
}
