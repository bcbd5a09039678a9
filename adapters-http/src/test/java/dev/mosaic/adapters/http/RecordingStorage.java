package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.storage.SignedUrlEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** A signed-URL endpoint over a temp folder that checks a fixed signature and remembers what it was given. */
final class RecordingStorage implements SignedUrlEndpoint {

    static final String GOOD_SIGNATURE = "good";

    private final Path root;
    volatile String lastPath;
    volatile String lastContentType;
    volatile long lastContentLength;
    volatile long bytesReceived;
    volatile Optional<String> attachmentName = Optional.empty();
    volatile String declaredType = "image/jpeg";

    RecordingStorage(Path root) {
        this.root = root;
    }

    @Override
    public Stored put(String path, Map<String, String> query, String contentType, long contentLength,
                      InputStream body) {
        checkSignature(query);
        lastPath = path;
        lastContentType = contentType;
        lastContentLength = contentLength;
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            Path file = root.resolve(path.replace('/', '_'));
            try (DigestInputStream digesting = new DigestInputStream(body, md5)) {
                bytesReceived = Files.copy(digesting, file);
            }
            return new Stored("\"" + HexFormat.of().formatHex(md5.digest()) + "\"");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public Download get(String path, Map<String, String> query) {
        checkSignature(query);
        Path file = root.resolve(path.replace('/', '_'));
        if (!Files.exists(file)) {
            throw new RequestRejected(RequestRejected.Reason.NOT_FOUND, "object_not_found", "no such object");
        }
        try {
            return new Download(file, Files.size(file), declaredType, attachmentName);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static void checkSignature(Map<String, String> query) {
        if (!GOOD_SIGNATURE.equals(query.get("signature"))) {
            throw new RequestRejected(RequestRejected.Reason.FORBIDDEN, "signature_invalid",
                    "the URL's signature is not valid");
        }
    }
}
