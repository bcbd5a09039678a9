package dev.mosaic.adapters.storage.gcs;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Google Cloud Storage test double over real HTTP on loopback, for one bucket and one service account:
 * the OAuth token endpoint of that account's key file, the JSON API calls google-cloud-storage makes for
 * Mosaic ({@link JsonApi}), and the XML API of V4 signed URLs and of multipart uploads ({@link XmlApi}),
 * which checks every signature the way Google's documentation says GCS does. It is written from that
 * documentation and from the client's requests, not from Google's server.
 */
public final class FakeGcsServer implements AutoCloseable {

    private final TestServiceAccount account = TestServiceAccount.generate();
    private final String token = "ya29.fake-" + UUID.randomUUID();
    private final FakeBucket bucket;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8, task -> {
        Thread thread = new Thread(task, "fake-gcs");
        thread.setDaemon(true);
        return thread;
    });

    private FakeGcsServer(String bucketName) throws IOException {
        this.bucket = new FakeBucket(bucketName);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        JsonApi json = new JsonApi(bucket, this::endpoint);
        XmlApi xml = new XmlApi(bucket, account.publicKey());
        server.createContext("/", http -> {
            try {
                Exchange exchange = new Exchange(http);
                String path = exchange.path();
                if (path.equals("/token")) {
                    token(exchange);
                } else if (path.startsWith("/storage/v1/") || path.startsWith("/upload/storage/v1/")
                        || path.startsWith("/download/storage/v1/")) {
                    if (authorized(exchange)) {
                        json.handle(exchange);
                    } else {
                        exchange.jsonError(401, "Anonymous caller does not have storage access");
                    }
                } else {
                    xml.handle(exchange, authorized(exchange));
                }
            } catch (RuntimeException | IOException e) {
                byte[] why = ("the GCS double failed: " + e).getBytes(StandardCharsets.UTF_8);
                http.sendResponseHeaders(500, why.length);
                http.getResponseBody().write(why);
                http.close();
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    /** A started double holding one empty bucket. */
    public static FakeGcsServer start(String bucket) {
        try {
            return new FakeGcsServer(bucket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code MOSAIC_GCS_ENDPOINT} names: the JSON and XML APIs and the signed URLs. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The service account's key file, whose token endpoint is this double's ({@code MOSAIC_GCS_CREDENTIALS}). */
    public Path writeKeyFile(Path folder) {
        return account.writeKeyFile(folder, endpoint().resolve("/token"));
    }

    public String bucket() {
        return bucket.name;
    }

    /** How many objects the bucket holds under this prefix. */
    public long objectsUnder(String prefix) {
        return bucket.objects().stream().filter(object -> object.name().startsWith(prefix)).count();
    }

    /** How many multipart uploads are open. */
    public int openUploads() {
        return bucket.openUploads();
    }

    TestServiceAccount account() {
        return account;
    }

    FakeBucket contents() {
        return bucket;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** The JWT-bearer grant: the assertion must be signed by the account's key. */
    private void token(Exchange exchange) throws IOException {
        String form = new String(exchange.body, StandardCharsets.UTF_8);
        String assertion = V4Signatures.query(URI.create("http://form/?" + form)).get("assertion");
        if (assertion == null || !signedByAccount(assertion)) {
            exchange.json(400, "{\"error\": \"invalid_grant\", \"error_description\": \"Invalid JWT Signature.\"}");
            return;
        }
        exchange.json(200, "{\"access_token\": \"" + token + "\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}");
    }

    /** The token this double issued, or a self-signed JWT of the account, as Google accepts both. */
    private boolean authorized(Exchange exchange) {
        String authorization = exchange.header("authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String bearer = authorization.substring("Bearer ".length()).strip();
        return bearer.equals(token) || signedByAccount(bearer);
    }

    private boolean signedByAccount(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(account.publicKey());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
