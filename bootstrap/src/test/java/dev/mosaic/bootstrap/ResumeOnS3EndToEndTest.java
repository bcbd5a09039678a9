package dev.mosaic.bootstrap;

import java.net.URI;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Resuming with {@code MOSAIC_STORAGE=s3} on S3Proxy (SigV4): the parts come from S3's ListParts. */
class ResumeOnS3EndToEndTest extends ResumeEndToEndTest {
    static final String IDENTITY = "mosaic-resume-key";
    static final String CREDENTIAL = "mosaic-resume-secret-0123456789";
    static final String BUCKET = "mosaic-resume";
    static S3Proxy proxy;

    @BeforeAll
    static void startS3() throws Exception {
        TransientNio2BlobStore blobs = new TransientNio2BlobStore();
        blobs.createContainer(BUCKET);
        proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, IDENTITY, CREDENTIAL).build();
        proxy.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        proxy.stop();
    }

    @Override
    Map<String, String> environment() {
        return Map.of(
                "MOSAIC_STORAGE", "s3",
                "MOSAIC_S3_BUCKET", BUCKET,
                "MOSAIC_S3_ENDPOINT", "http://127.0.0.1:" + proxy.getPort(),
                "MOSAIC_S3_PATH_STYLE", "true",
                "MOSAIC_S3_ACCESS_KEY", IDENTITY,
                "MOSAIC_S3_SECRET_KEY", CREDENTIAL);
    }
}
