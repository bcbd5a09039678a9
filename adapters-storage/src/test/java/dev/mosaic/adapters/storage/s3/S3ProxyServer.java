package dev.mosaic.adapters.storage.s3;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3-compatible server in this process: S3Proxy on an in-memory blob store, on a free
 * loopback port, refusing any request not signed (SigV4) with its one identity.
 */
final class S3ProxyServer implements AutoCloseable {

    static final String IDENTITY = "mosaic-test-access-key";
    static final String CREDENTIAL = "mosaic-test-secret-key-0123456789";
    static final String BUCKET = "mosaic-test";
    static final String REGION = "us-east-1";

    private final S3Proxy proxy;

    private S3ProxyServer(S3Proxy proxy) {
        this.proxy = proxy;
    }

    /** Every object in the bucket and every multipart upload still open, as the S3 API lists them. */
    List<String> everythingStored() {
        S3Settings settings = settings();
        try (var client = S3Clients.client(settings, S3Clients.credentials(settings))) {
            List<String> names = new ArrayList<>();
            client.listObjectsV2Paginator(request -> request.bucket(BUCKET)).contents()
                    .forEach(object -> names.add(object.key()));
            client.listMultipartUploads(request -> request.bucket(BUCKET)).uploads()
                    .forEach(upload -> names.add("upload " + upload.uploadId() + " of " + upload.key()));
            return names;
        }
    }

    static S3ProxyServer start() {
        TransientNio2BlobStore blobs = new TransientNio2BlobStore();
        blobs.createContainer(BUCKET);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, IDENTITY, CREDENTIAL)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        return new S3ProxyServer(proxy);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    S3Settings settings() {
        return new S3Settings(BUCKET, REGION, Optional.of(endpoint()), true,
                Optional.of(IDENTITY), Optional.of(CREDENTIAL));
    }

    S3Storage storage() {
        return new S3Storage(settings(), Clock.systemUTC());
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        }
    }
}
