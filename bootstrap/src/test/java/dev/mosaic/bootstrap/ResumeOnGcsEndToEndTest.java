package dev.mosaic.bootstrap;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming with {@code MOSAIC_STORAGE=gcs} against the GCS test double over HTTP: the parts come from the XML
 * API's list parts, the URLs are V4-signed as GCS checks them.
 */
class ResumeOnGcsEndToEndTest extends ResumeEndToEndTest {

    @TempDir
    static Path keys;
    static GcsBucket gcs;

    @BeforeAll
    static void startGcs() {
        gcs = GcsBucket.start("mosaic-resume", keys);
    }

    @AfterAll
    static void stopGcs() {
        gcs.close();
    }

    @Override
    Map<String, String> environment() {
        return gcs.environment();
    }
}
