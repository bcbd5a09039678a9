package dev.mosaic.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.fake.InMemoryObjectStorage;
import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.application.port.out.ObjectStorage.SignedPart;
import dev.mosaic.application.port.out.ObjectStorage.SignedRequest;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryObjectStorageContractTest extends ObjectStorageContract {

    private final InMemoryObjectStorage storage = new InMemoryObjectStorage();

    @Override
    protected ObjectStorage storage() {
        return storage;
    }

    @Override
    protected java.util.List<String> everythingStored() {
        return storage.everything();
    }

    /** Reads the fake's {@code memory://bucket/<key>?…} URLs and calls its helpers, as a PUT would. */
    @Override
    protected Uploader uploader() {
        return new Uploader() {
            @Override
            public String put(SignedRequest request, byte[] bytes) {
                storage.upload(keyOf(request.url()), bytes, new ContentType(request.headers().get("Content-Type")));
                return StorageTestBytes.quotedMd5(bytes);
            }

            @Override
            public String putPart(SignedPart part, byte[] bytes) {
                return storage.uploadPart(query(part.url()).get("upload_id"), part.partNumber(), bytes);
            }

            @Override
            public Fetched get(URI url) {
                Map<String, String> query = query(url);
                Optional<String> disposition = Optional.ofNullable(query.get("attachment"))
                        .map(name -> "attachment; filename=\"" + name + "\"");
                return new Fetched(storage.bytesOf(keyOf(url)), query.get("type"), disposition);
            }
        };
    }

    @Test
    void abortingClosesTheUpload() {
        ObjectKey key = rawKey("party.mp4");
        String uploadId = storage.startMultipart(key, ContentType.MP4);
        storage.uploadPart(uploadId, 1, new byte[10]);

        storage.abortMultipart(key, uploadId);

        assertThat(storage.openMultipartUploads()).isZero();
        assertThat(storage.keys()).isEmpty();
    }

    @Test
    void anUnhealthyStoreSaysSo() {
        storage.setHealthy(false);

        assertThat(storage.isHealthy()).isFalse();
    }

    @Test
    void theHelpersSeeWhatWasUploaded() {
        ObjectKey key = rawKey("photo.jpg");
        byte[] bytes = {1, 2, 3};

        storage.upload(key, bytes, ContentType.JPEG);
        bytes[0] = 9;

        assertThat(storage.exists(key)).isTrue();
        assertThat(storage.keys()).containsExactly(key);
        assertThat(storage.bytesOf(key)).containsExactly(1, 2, 3);
        assertThat(Arrays.equals(storage.bytesOf(key), bytes)).isFalse();
    }

    private static ObjectKey keyOf(URI url) {
        return new ObjectKey(url.getPath().substring(1));
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> query = new HashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            query.put(pair.substring(0, equals),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
