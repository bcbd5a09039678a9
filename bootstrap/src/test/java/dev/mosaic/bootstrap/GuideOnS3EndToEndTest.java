package dev.mosaic.bootstrap;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same guide, with {@code MOSAIC_STORAGE=s3} against a real S3-compatible server (S3Proxy,
 * SigV4 on): the client code does not change, only where its PUTs go.
 */
class GuideOnS3EndToEndTest extends GuideEndToEndTest {
    static S3Bucket bucket;

    @BeforeAll
    static void startS3() throws Exception {
        bucket = S3Bucket.start("mosaic-e2e");
    }

    @AfterAll
    static void stopS3() throws Exception {
        bucket.close();
    }

    @Override
    Map<String, String> environment() {
        return bucket.environment();
    }

    @Override
    boolean servesNosniff() {
        return false;
    }
}
