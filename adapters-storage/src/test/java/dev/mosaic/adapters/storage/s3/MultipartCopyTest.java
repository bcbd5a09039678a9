package dev.mosaic.adapters.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.domain.ObjectKey;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Sealing an object larger than one CopyObject takes (5 GiB on S3) copies it in parts (UploadPartCopy), on
 * S3Proxy; the limits are lowered to a few MiB so that no test needs gigabytes.
 */
class MultipartCopyTest {
    private static final long MIB = 1024 * 1024;
    private static S3ProxyServer server;
    private static S3Client client;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start();
        S3Settings settings = server.settings();
        client = S3Clients.client(settings, S3Clients.credentials(settings));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void anObjectOverTheSingleCopyLimitIsCopiedInPartsWithItsBytesAndType() {
        BucketObjects objects = new BucketObjects(client, S3ProxyServer.BUCKET, 5 * MIB, 5 * MIB);
        ObjectKey raw = new ObjectKey("raw/7/1/film.mp4");
        byte[] bytes = new byte[(int) (12 * MIB + 123)];
        new Random(7).nextBytes(bytes);
        client.putObject(request -> request.bucket(S3ProxyServer.BUCKET).key(raw.value()).contentType("video/mp4"),
                RequestBody.fromBytes(bytes));

        assertThat(objects.copy(raw, raw.sealed())).isTrue();

        ResponseBytes<GetObjectResponse> sealed = client.getObjectAsBytes(
                request -> request.bucket(S3ProxyServer.BUCKET).key(raw.sealed().value()));
        assertThat(sealed.asByteArray()).isEqualTo(bytes);
        assertThat(sealed.response().contentType()).isEqualTo("video/mp4");
        assertThat(sealed.response().eTag()).as("a multipart ETag: three parts of at most 5 MiB").endsWith("-3\"");
        assertThat(client.listMultipartUploads(request -> request.bucket(S3ProxyServer.BUCKET)).uploads())
                .as("no upload left open").isEmpty();
    }

    @Test
    void anObjectUnderTheLimitIsCopiedWhole() {
        BucketObjects objects = new BucketObjects(client, S3ProxyServer.BUCKET, 5 * MIB, 5 * MIB);
        ObjectKey raw = new ObjectKey("raw/7/2/small.pdf");
        client.putObject(request -> request.bucket(S3ProxyServer.BUCKET).key(raw.value())
                .contentType("application/pdf"), RequestBody.fromBytes(new byte[1000]));

        assertThat(objects.copy(raw, raw.sealed())).isTrue();

        assertThat(objects.stat(raw.sealed()).orElseThrow().size()).isEqualTo(1000);
    }

    @Test
    void copyingAMissingObjectAnswersFalse() {
        BucketObjects objects = new BucketObjects(client, S3ProxyServer.BUCKET, 5 * MIB, 5 * MIB);
        ObjectKey raw = new ObjectKey("raw/7/3/never.mp4");

        assertThat(objects.copy(raw, raw.sealed())).isFalse();
        assertThat(objects.stat(raw.sealed())).isEmpty();
    }
}
