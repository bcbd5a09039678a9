package dev.mosaic.bootstrap;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A bucket on a real S3-compatible server for a whole-system test: S3Proxy in-process with SigV4 on, its objects
 * in memory, and the settings that point a node at it.
 */
final class S3Bucket implements AutoCloseable {
    private final String name;
    private final TransientNio2BlobStore blobs = new TransientNio2BlobStore();
    private final S3Proxy proxy;

    private S3Bucket(String name) throws Exception {
        this.name = name;
        blobs.createContainer(name);
        proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, accessKey(), secretKey()).build();
        proxy.start();
    }

    /** A fresh bucket called {@code name}, served until {@link #close()}. */
    static S3Bucket start(String name) throws Exception {
        return new S3Bucket(name);
    }

    /** What a node needs to store here: {@code MOSAIC_STORAGE=s3} and the bucket's endpoint and credentials. */
    Map<String, String> environment() {
        return Map.of(
                "MOSAIC_STORAGE", "s3",
                "MOSAIC_S3_BUCKET", name,
                "MOSAIC_S3_REGION", "us-east-1",
                "MOSAIC_S3_ENDPOINT", "http://127.0.0.1:" + proxy.getPort(),
                "MOSAIC_S3_PATH_STYLE", "true",
                "MOSAIC_S3_ACCESS_KEY", accessKey(),
                "MOSAIC_S3_SECRET_KEY", secretKey());
    }

    /** The keys of every object in the bucket, in S3's order. */
    List<String> keys() {
        return blobs.list(name).contents().stream().map(object -> object.key()).toList();
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }

    private String accessKey() {
        return name + "-key";
    }

    private String secretKey() {
        return name + "-secret-0123456789";
    }
}
