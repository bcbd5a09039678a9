package dev.mosaic.adapters.storage.gcs;

import dev.mosaic.adapters.storage.local.HttpUploader;
import dev.mosaic.application.contract.ObjectStorageContract;
import dev.mosaic.application.port.out.ObjectStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ObjectStorage contract on GcsStorage built from its settings (a service-account key file, the
 * endpoint) against {@link FakeGcsServer} over real HTTP: the client library's JSON API calls and XML API
 * multipart calls, and real PUTs and GETs of the signed URLs, each signature checked as GCS checks it.
 * Google's own server is not exercised; GCS.md says what that leaves untested.
 */
class GcsStorageContractTest extends ObjectStorageContract {

    @TempDir
    static Path keys;
    private static FakeGcsServer gcs;

    private GcsStorage storage;
    private final HttpUploader client = new HttpUploader();

    @BeforeAll
    static void startGcs() {
        gcs = FakeGcsServer.start("mosaic-test-bucket");
    }

    @AfterAll
    static void stopGcs() {
        gcs.close();
    }

    @BeforeEach
    void open() {
        storage = new GcsStorage(new GcsSettings(gcs.bucket(), Optional.of(gcs.writeKeyFile(keys)),
                Optional.of(gcs.endpoint())), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Override
    protected ObjectStorage storage() {
        return storage;
    }

    @Override
    protected Uploader uploader() {
        return client;
    }

    @Override
    protected List<String> everythingStored() {
        return gcs.contents().everything();
    }

    /** GCS refuses to complete an upload whose parts but the last are under 5 MiB, as S3 does. */
    @Override
    protected long partSize() {
        return XmlApi.MIN_PART;
    }
}
