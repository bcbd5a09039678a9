package dev.mosaic.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The demo page reloaded in the middle of a three-part video: after the reload it offers to resume, the user picks
 * the same file, and the upload goes on from what the store holds: the same message and cell, no part sent twice.
 */
class ResumeInTheBrowserTest {
    static final long SENDER = 1;
    static final long RECEIVER = 2;
    static final long SLOW_UPLINK_BYTES_PER_SECOND = 1_500_000;

    @TempDir
    static Path samples;
    static Path video;

    @TempDir
    Path dir;
    @AutoClose
    DevelopmentServer server;

    @BeforeAll
    static void makeFiles() throws Exception {
        video = SampleFiles.mp4(samples, "party.mp4", 6);
        assertThat(Files.size(video)).as("three parts of 5 MiB").isBetween(10L * 1024 * 1024 + 1, 15L * 1024 * 1024);
    }

    @BeforeEach
    void startServer() throws Exception {
        server = new DevelopmentServer(Files.createDirectories(dir.resolve("data")));
    }

    @Test
    void aReloadMidUploadResumesTheSameCellWithTheSameFileAndNoPartSentTwice() {
        try (ChatPage sender = ChatPage.desktop("sender", dir.resolve("sender"))) {
            sender.open(server.url("/"), SENDER, RECEIVER);
            sender.limitUploads(SLOW_UPLINK_BYTES_PER_SECOND);
            sender.send(video);
            await("a first part is stored").atMost(Duration.ofSeconds(30)).until(() -> !storedParts(sender).isEmpty());
            Set<String> before = storedParts(sender);
            String assetId = sender.cell("video").orElseThrow().getAttribute("data-asset-id");
            sender.driver.navigate().refresh();
            sender.limitUploads(-1);

            WebElement banner = sender.driver.findElement(By.cssSelector("[data-testid=resume-banner]"));
            await("the page offers to resume").atMost(Duration.ofSeconds(10)).until(banner::isDisplayed);
            assertThat(banner.findElement(By.cssSelector("[data-testid=resume-text]")).getText())
                    .contains("party.mp4").contains("interrupted");
            assertThat(before).as("the reload came before the last part").hasSizeLessThan(3);
            sender.screenshot("resume-offered");
            sender.driver.findElement(By.cssSelector("[data-testid=resume-input]"))
                    .sendKeys(video.toAbsolutePath().toString());
            WebElement resume = sender.driver.findElement(By.cssSelector("[data-testid=resume]"));
            await("resume is enabled").atMost(Duration.ofSeconds(5)).until(resume::isEnabled);
            resume.click();

            await("the video is past uploading").atMost(Duration.ofSeconds(60)).until(() ->
                    sender.cells().size() == 1 && List.of("processing", "thumbnail_ready", "transcoding", "ready")
                            .contains(sender.stages().get("video")));
            assertThat(sender.cell("video").orElseThrow().getAttribute("data-asset-id")).isEqualTo(assetId);
            Set<String> after = storedParts(sender);
            assertThat(after).as("parts sent after the reload").isNotEmpty().doesNotContainAnyElementsOf(before);
            Set<String> all = new TreeSet<>(before);
            all.addAll(after);
            assertThat(all).containsExactly("1", "2", "3");
            assertThat(sender.uploads()).as("no PUT after the reload failed or was repeated")
                    .filteredOn(request -> String.valueOf(request.get("url")).contains("part_number="))
                    .hasSize(after.size());
            assertThat(sender.driver.findElement(By.cssSelector("[data-testid=resume-banner]")).isDisplayed()).isFalse();
            sender.screenshot("resumed");
        }
    }

    /** Part numbers whose PUT the page saw stored (200), since the page was last loaded. */
    private static Set<String> storedParts(ChatPage page) {
        Set<String> parts = new TreeSet<>();
        for (Map<String, Object> request : page.uploads()) {
            String url = String.valueOf(request.get("url"));
            if (url.contains("part_number=") && ((Number) request.get("status")).intValue() == 200) {
                parts.add(url.replaceAll(".*[?&]part_number=(\\d+).*", "$1"));
            }
        }
        return parts;
    }
}
