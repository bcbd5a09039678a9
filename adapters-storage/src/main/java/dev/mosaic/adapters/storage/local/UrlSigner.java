package dev.mosaic.adapters.storage.local;

import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs grants into URLs under {@code <public url>/storage/} and checks the URLs that come back. */
final class UrlSigner {

    static final String EXPIRES = "expires";
    static final String LENGTH = "length";
    static final String TYPE = "type";
    static final String UPLOAD_ID = "upload_id";
    static final String PART_NUMBER = "part_number";
    static final String ATTACHMENT = "attachment";
    static final String SIGNATURE = "signature";

    private static final Base64.Encoder SIGNATURES = Base64.getUrlEncoder().withoutPadding();

    /**
     * Keyed once; each thread signs with its own clone, reused ({@code doFinal} resets it): a {@code Mac} is not
     * thread-safe, looking one up is slow, and a clone per signature was garbage on every URL. Jetty's pool threads
     * live long, so a clone serves many URLs; on virtual threads (not used) it would be one clone per request again.
     */
    private final ThreadLocal<Mac> macs;
    private final String base;
    private final Clock clock;

    UrlSigner(byte[] signingKey, URI publicUrl, Clock clock) {
        Mac keyed;
        try {
            keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(signingKey, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
        this.macs = ThreadLocal.withInitial(() -> cloneOf(keyed));
        this.base = publicUrl.toString().replaceAll("/+$", "") + "/storage/";
        this.clock = clock;
    }

    URI sign(Grant grant) {
        return URI.create(location(grant));
    }

    /** The signed URL as text: what a client is given, built here from parts already known to be well formed. */
    String location(Grant grant) {
        String key = grant.key().value();
        StringBuilder url = new StringBuilder(base.length() + key.length() + 160).append(base).append(key);
        char separator = '?';
        for (Map.Entry<String, String> parameter : grant.parameters().entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=')
                    .append(QueryValues.encode(parameter.getValue()));
            separator = '&';
        }
        url.append(separator).append(EXPIRES).append('=').append(grant.expires());
        return url.append('&').append(SIGNATURE).append('=').append(SIGNATURES.encodeToString(mac(grant))).toString();
    }

    /** The grant of a PUT URL: a part when it names an upload, else a whole object. */
    Grant verifyPut(ObjectKey key, Map<String, String> query) {
        Grant claimed = query.containsKey(UPLOAD_ID) || query.containsKey(PART_NUMBER)
                ? parse(() -> new Grant.PutPart(key, uploadId(query.get(UPLOAD_ID)),
                        Integer.parseInt(query.get(PART_NUMBER)), Long.parseLong(query.get(LENGTH)), expires(query)))
                : parse(() -> new Grant.PutObject(key, Long.parseLong(query.get(LENGTH)),
                        new ContentType(query.get(TYPE)), expires(query)));
        return verified(claimed, query);
    }

    Grant.GetObject verifyGet(ObjectKey key, Map<String, String> query) {
        Grant.GetObject claimed = parse(() -> new Grant.GetObject(key, new ContentType(query.get(TYPE)),
                Optional.ofNullable(query.get(ATTACHMENT)), expires(query)));
        verified(claimed, query);
        return claimed;
    }

    private Grant verified(Grant claimed, Map<String, String> query) {
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(String.valueOf(query.get(SIGNATURE)));
        } catch (IllegalArgumentException notBase64) {
            throw invalidSignature();
        }
        if (!MessageDigest.isEqual(mac(claimed), given)) {
            throw invalidSignature();
        }
        if (clock.instant().getEpochSecond() > claimed.expires()) {
            throw new RequestRejected(Reason.FORBIDDEN, "url_expired", "this storage URL has expired");
        }
        return claimed;
    }

    private byte[] mac(Grant grant) {
        StringBuilder canonical = new StringBuilder(160);
        for (String field : grant.signedFields()) {
            canonical.append(field.length()).append(':').append(field).append('\n');
        }
        return macs.get().doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Mac cloneOf(Mac keyed) {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }

    private static <T> T parse(Supplier<T> grant) {
        try {
            return grant.get();
        } catch (RuntimeException malformed) {
            throw invalidSignature();
        }
    }

    private static long expires(Map<String, String> query) {
        return Long.parseLong(query.get(EXPIRES));
    }

    private static String uploadId(String value) {
        if (!UploadIds.isWellFormed(value)) {
            throw new IllegalArgumentException("not an upload id");
        }
        return value;
    }

    private static RequestRejected invalidSignature() {
        return new RequestRejected(Reason.FORBIDDEN, "signature_invalid",
                "this storage URL is not signed by this server, or was changed");
    }
}
