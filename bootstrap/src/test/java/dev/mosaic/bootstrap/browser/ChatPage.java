package dev.mosaic.bootstrap.browser;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/** The demo page in one browser, as its user sees and uses it. */
final class ChatPage implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final String name;

    private ChatPage(String name, Path profile, int width, int height, boolean mobile) {
        this.name = name;
        this.driver = Chromium.start(profile, width, height);
        try {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", mobile));
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PageProbe.SCRIPT));
            driver.executeCdpCommand("Network.enable", Map.of());
        } catch (RuntimeException failure) {
            driver.quit();
            throw failure;
        }
    }

    /** A laptop's window. */
    static ChatPage desktop(String name, Path profile) {
        return new ChatPage(name, profile, 1024, 768, false);
    }

    /** A phone's screen. */
    static ChatPage phone(String name, Path profile) {
        return new ChatPage(name, profile, 390, 844, true);
    }

    /** Opens the page signed in as {@code user} (the development sign-in), talking with {@code peer}. */
    ChatPage open(URI base, long user, long peer) {
        visit(base.resolve("/?user=" + user + "&peer=" + peer));
        await("the socket of " + name + " is live").atMost(Duration.ofSeconds(10))
                .until(() -> "open".equals(status()));
        return this;
    }

    void visit(URI url) {
        driver.get(url.toString());
    }

    String status() {
        return driver.findElement(By.cssSelector("[data-testid=status]")).getAttribute("data-state");
    }

    /** Types a caption, then sends the files with it. */
    void send(String caption, Path... files) {
        driver.findElement(By.cssSelector("[data-testid=caption]")).sendKeys(caption);
        send(files);
    }

    /** Picks files with the file input, as the file dialog would, and presses send. */
    void send(Path... files) {
        String paths = Stream.of(files).map(file -> file.toAbsolutePath().toString()).collect(Collectors.joining("\n"));
        driver.findElement(By.cssSelector("[data-testid=file-input]")).sendKeys(paths);
        await("the chosen files are listed").atMost(Duration.ofSeconds(5)).until(() ->
                driver.findElements(By.cssSelector("[data-testid=pending-file]")).size() == files.length);
        WebElement send = driver.findElement(By.cssSelector("[data-testid=send]"));
        await("send is enabled").atMost(Duration.ofSeconds(5)).until(send::isEnabled);
        send.click();
    }

    List<WebElement> cells() {
        return driver.findElements(By.cssSelector("[data-testid=message] [data-testid=cell]"));
    }

    /** The stage each kind of cell shows now, e.g. {@code {image=ready, video=uploading, file=processing}}. */
    Map<String, String> stages() {
        return cells().stream().collect(Collectors.toMap(cell -> cell.getAttribute("data-kind"),
                cell -> cell.getAttribute("data-stage"), (first, second) -> first + "," + second));
    }

    Optional<WebElement> cell(String kind) {
        return cells().stream().filter(cell -> kind.equals(cell.getAttribute("data-kind"))).findFirst();
    }

    /** Every stage change of every cell the page drew, in order: {@code at, asset, kind, stage, cells}. */
    List<Map<String, Object>> stageHistory() {
        return probe("stages");
    }

    /** Every frame the page's sockets received. */
    List<Map<String, Object>> frames() {
        return probe("frames");
    }

    /** Every sentence the page's status region announced, in order. */
    @SuppressWarnings("unchecked")
    List<String> announced() {
        return (List<String>) driver.executeScript("return window.__probe.announced;");
    }

    /** How often a caption or a time was rewritten after its bubble was drawn. */
    long repaints() {
        return ((Number) driver.executeScript("return window.__probe.repaints;")).longValue();
    }

    /** The page as a user who chose a dark (or light) theme sees it. */
    void darkMode(boolean dark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** The browser's network goes (or comes back), as DevTools' offline switch does: the page hears "offline". */
    void networkOffline(boolean offline) {
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Downloads land in {@code folder}. */
    void downloadTo(Path folder) {
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", folder.toAbsolutePath().toString()));
    }

    /** Every upload request the page made: {@code method, url, status} (0 when the network failed it). */
    List<Map<String, Object>> uploads() {
        return probe("requests");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> probe(String what) {
        return (List<Map<String, Object>>) driver.executeScript("return window.__probe." + what + ";");
    }

    /** Uploads leave this browser at most this fast, as on a slow uplink; -1 lifts the limit. */
    void limitUploads(long bytesPerSecond) {
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", bytesPerSecond));
    }

    /** Requests to URLs matching these patterns ({@code *} as wildcard) fail as if the network had dropped them. */
    void failRequestsTo(String... urlPatterns) {
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(urlPatterns)));
    }

    /** From now on, the page's sockets cannot reach the server, as with a network that dropped. */
    void cutSockets() {
        driver.executeScript("window.__probe.socketsBlocked = true;");
    }

    /** The network is back: sockets connect again, and the page hears it is online. */
    void restoreSockets() {
        driver.executeScript("window.__probe.socketsBlocked = false; window.dispatchEvent(new Event('online'));");
    }

    /** Drops the page's socket and reconnects it, as the page does after any drop. */
    void reconnect() {
        driver.executeScript("window.mosaicDemo.reconnect();");
    }

    /** The page's own count of the last event it has seen. */
    long lastSeq() {
        Object seq = driver.executeScript("return window.mosaicDemo.state.stream.lastSeq;");
        return seq == null ? -1 : ((Number) seq).longValue();
    }

    /** Whether the image in the cell of {@code kind} has loaded and has pixels. */
    boolean pictureShown(String kind) {
        return Boolean.TRUE.equals(cell(kind).map(cell -> driver.executeScript(
                "const img = arguments[0].querySelector('img.media, a.media img');"
                        + "return Boolean(img && img.complete && img.naturalWidth > 0);", cell)).orElse(false));
    }

    /** How far the video element of the video cell got: {@code readyState, currentTime, error}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> videoState() {
        return cell("video").map(cell -> (Map<String, Object>) driver.executeScript(
                "const video = arguments[0].querySelector('video');"
                        + "return video ? { readyState: video.readyState, currentTime: video.currentTime,"
                        + " paused: video.paused, error: video.error && video.error.code, src: video.currentSrc }"
                        + " : null;", cell)).orElse(null);
    }

    /** What the page wrote to its console since the last call, errors included (a refused script, say). */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage())
                .map(line -> line.length() > 300 ? line.substring(0, 300) + "…" : line).toList();
    }

    void screenshot(String moment) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, SCREENSHOTS.resolve(moment + "-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
