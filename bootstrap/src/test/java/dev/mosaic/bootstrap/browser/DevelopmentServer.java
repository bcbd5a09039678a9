package dev.mosaic.bootstrap.browser;

import dev.mosaic.bootstrap.Config;
import dev.mosaic.bootstrap.Mosaic;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Mosaic as a developer starts it: a free port, a fresh data folder and, unless told otherwise, no configured
 * secret, so the development sign-in the demo page uses is on.
 */
final class DevelopmentServer implements AutoCloseable {

    private final Mosaic mosaic;

    DevelopmentServer(Path dataDir) {
        this(dataDir, Map.of());
    }

    /** With more {@code MOSAIC_*} settings: a configured secret, say, which turns the development sign-in off. */
    DevelopmentServer(Path dataDir, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("MOSAIC_PORT", "0");
        environment.put("MOSAIC_DATA_DIR", dataDir.toString());
        environment.put("PATH", System.getenv().getOrDefault("PATH", ""));
        this.mosaic = Mosaic.start(Config.from(environment));
    }

    URI url(String path) {
        return URI.create("http://localhost:" + mosaic.port() + path);
    }

    @Override
    public void close() {
        mosaic.close();
    }
}
