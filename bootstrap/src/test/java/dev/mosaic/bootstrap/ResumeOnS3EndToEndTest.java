package dev.mosaic.bootstrap;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Resuming with {@code MOSAIC_STORAGE=s3} on S3Proxy (SigV4): the parts come from S3's ListParts. */
class ResumeOnS3EndToEndTest extends ResumeEndToEndTest {
    static S3Bucket bucket;

    @BeforeAll
    static void startS3() throws Exception {
        bucket = S3Bucket.start("mosaic-resume");
    }

    @AfterAll
    static void stopS3() throws Exception {
        bucket.close();
    }

    @Override
    Map<String, String> environment() {
        return bucket.environment();
    }
}
