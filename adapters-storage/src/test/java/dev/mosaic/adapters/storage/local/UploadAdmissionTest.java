package dev.mosaic.adapters.storage.local;

import static dev.mosaic.adapters.storage.local.SignedUrls.filesUnder;
import static dev.mosaic.adapters.storage.local.SignedUrls.pathOf;
import static dev.mosaic.adapters.storage.local.SignedUrls.queryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.port.in.AdmitUploadUseCase;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signed PUT for an upload that is over (sealed, cancelled, expired, failed) writes nothing on the local store. */
class UploadAdmissionTest {
    private static final ObjectKey KEY = new ObjectKey("raw/1/2/photo.jpg");
    private static final byte[] BYTES = "exactly twenty bytes".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    final Set<ObjectKey> over = ConcurrentHashMap.newKeySet();
    final AdmitUploadUseCase admission = key -> {
        if (over.contains(key)) {
            throw new RequestRejected(Reason.CONFLICT, "upload_not_active", "this upload is cancelled");
        }
    };

    LocalDiskStorage store() {
        return new LocalDiskStorage(new LocalStorageSettings(root, URI.create("http://localhost:1"),
                LocalStorageFixture.SIGNING_KEY), java.time.Clock.systemUTC(), java.util.Optional.empty(), admission);
    }

    @Test
    void aPutToAnUploadThatIsOverIsRefusedAndWritesNothing() {
        LocalDiskStorage store = store();
        URI url = store.signPut(KEY, BYTES.length, ContentType.JPEG, Instant.now().plusSeconds(600)).url();
        over.add(KEY);

        assertThatThrownBy(() -> store.put(pathOf(url), queryOf(url), "image/jpeg", BYTES.length,
                new ByteArrayInputStream(BYTES))).isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("upload_not_active"));

        assertThat(store.stat(KEY)).isEmpty();
        assertThat(filesUnder(root)).noneMatch(name -> name.contains("photo"));
    }

    @Test
    void aPartOfAnUploadThatIsOverIsRefusedAndWritesNothing() {
        LocalDiskStorage store = store();
        String uploadId = store.startMultipart(KEY, ContentType.JPEG);
        URI part = store.signParts(KEY, uploadId, List.of(new UploadPlan.Part(1, BYTES.length)),
                Instant.now().plusSeconds(600)).get(0).url();
        List<String> before = filesUnder(root);
        over.add(KEY);

        assertThatThrownBy(() -> store.put(pathOf(part), queryOf(part), null, BYTES.length,
                new ByteArrayInputStream(BYTES))).isInstanceOf(RequestRejected.class);

        assertThat(filesUnder(root)).isEqualTo(before);
    }

    @Test
    void aPutToAnUploadStillWaitingIsTaken() {
        LocalDiskStorage store = store();
        URI url = store.signPut(KEY, BYTES.length, ContentType.JPEG, Instant.now().plusSeconds(600)).url();

        store.put(pathOf(url), queryOf(url), "image/jpeg", BYTES.length, new ByteArrayInputStream(BYTES));

        assertThat(store.stat(KEY)).isPresent();
    }

    @Test
    void anUnsignedPutIsRefusedForItsSignatureBeforeAnyoneIsAsked() {
        LocalDiskStorage store = store();
        over.add(KEY);

        assertThatThrownBy(() -> store.put(KEY.value(), java.util.Map.of(), "image/jpeg", BYTES.length,
                new ByteArrayInputStream(BYTES))).isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(Reason.FORBIDDEN));
    }
}
