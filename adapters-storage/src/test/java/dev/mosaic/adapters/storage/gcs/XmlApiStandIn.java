package dev.mosaic.adapters.storage.gcs;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import dev.mosaic.application.contract.ObjectStorageContract.Fetched;
import dev.mosaic.application.contract.ObjectStorageContract.Uploader;
import dev.mosaic.application.port.out.ObjectStorage.SignedPart;
import dev.mosaic.application.port.out.ObjectStorage.SignedRequest;
import java.net.URI;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What GCS's XML API does with a request to a V4 signed URL, as its documentation describes it, applied
 * to the in-memory {@link FakeGcs} instead of sent over HTTP: the signature is rebuilt from the request
 * the client sends (with the {@code Content-Length} its body implies, as HTTP sends it) and verified with
 * the service account's public key ({@link V4Signatures}), an expired URL is refused, a body outside an
 * {@code x-goog-content-length-range} the client sent is refused, and a PUT
 * answers the object's MD5 as its {@code ETag}. This does not exercise Google's server: it shows that the
 * URLs bind what the documentation says GCS checks, and that the adapter copes with the answers the
 * documentation says GCS gives.
 */
final class XmlApiStandIn implements Uploader {

    /** What the XML API answered: a status, and for a PUT the {@code ETag}, else why it refused. */
    record Answer(int status, String detail) {
        boolean ok() {
            return status == 200;
        }
    }

    private final Storage storage;
    private final PublicKey signer;

    XmlApiStandIn(Storage storage, PublicKey signer) {
        this.storage = storage;
        this.signer = signer;
    }

    @Override
    public String put(SignedRequest request, byte[] bytes) {
        return accepted(put(request.url(), request.headers(), bytes));
    }

    /** Like a sliced browser Blob: a part PUT carries no headers. */
    @Override
    public String putPart(SignedPart part, byte[] bytes) {
        return accepted(put(part.url(), Map.of(), bytes));
    }

    @Override
    public Fetched get(URI url) {
        Answer refusal = refusal("GET", url, Map.of());
        if (refusal != null) {
            throw new AssertionError("GET answered " + refusal);
        }
        BlobId id = objectOf(url);
        Blob blob = storage.get(id);
        if (blob == null) {
            throw new AssertionError("GET answered 404 NoSuchKey for " + id);
        }
        Map<String, String> query = V4Signatures.query(url);
        return new Fetched(storage.readAllBytes(id),
                query.getOrDefault("response-content-type", blob.getContentType()),
                Optional.ofNullable(query.get("response-content-disposition")));
    }

    /** A PUT with exactly these headers (the host comes from the URL, the length from the body). */
    Answer put(URI url, Map<String, String> headers, byte[] bytes) {
        Map<String, String> sent = lowerCase(headers);
        sent.put("content-length", Integer.toString(bytes.length));
        Answer refusal = refusal("PUT", url, sent);
        if (refusal != null) {
            return refusal;
        }
        String range = sent.get("x-goog-content-length-range");
        if (range != null) {
            String[] bounds = range.split(",");
            if (bytes.length < Long.parseLong(bounds[0].strip()) || bytes.length > Long.parseLong(bounds[1].strip())) {
                return new Answer(400, "EntityTooLarge or EntityTooSmall: " + bytes.length + " bytes, range " + range);
            }
        }
        String type = sent.getOrDefault("content-type", "application/octet-stream");
        Blob stored = storage.create(BlobInfo.newBuilder(objectOf(url)).setContentType(type).build(), bytes);
        return new Answer(200, '"' + HexFormat.of().formatHex(Base64.getDecoder().decode(stored.getMd5()))
                + '"');
    }

    private Answer refusal(String method, URI url, Map<String, String> headers) {
        if (!V4Signatures.verifies(new V4Signatures.Request(method, url, headers), signer)) {
            return new Answer(403, "SignatureDoesNotMatch");
        }
        if (V4Signatures.expiry(url).isBefore(Instant.now())) {
            return new Answer(400, "ExpiredToken");
        }
        return null;
    }

    /** Path-style: {@code /bucket/object}. */
    static BlobId objectOf(URI url) {
        String path = url.getPath().substring(1);
        int slash = path.indexOf('/');
        return BlobId.of(path.substring(0, slash), path.substring(slash + 1));
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        return lower;
    }

    private static String accepted(Answer answer) {
        if (!answer.ok()) {
            throw new AssertionError("PUT answered " + answer);
        }
        return answer.detail();
    }
}
