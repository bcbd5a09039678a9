package dev.mosaic.bootstrap.browser;

import dev.mosaic.bootstrap.Config;
import dev.mosaic.bootstrap.Mosaic;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Mosaic as a developer starts it: a free port, a fresh data folder and no configured secret, so the
 * development sign-in the demo page uses is on.
 */
final class DevelopmentServer implements AutoCloseable {

    private final Mosaic mosaic;

    DevelopmentServer(Path dataDir) {
        this.mosaic = Mosaic.start(Config.from(Map.of(
                "MOSAIC_PORT", "0",
                "MOSAIC_DATA_DIR", dataDir.toString())));
    }

    URI url(String path) {
        return URI.create("http://localhost:" + mosaic.port() + path);
    }

    @Override
    public void close() {
        mosaic.close();
    }
}
