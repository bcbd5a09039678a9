package dev.mosaic.adapters.storage.gcs;

import dev.mosaic.application.contract.ObjectStorageContract;
import dev.mosaic.application.port.out.ObjectStorage;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The ObjectStorage contract on GcsStorage over google-cloud-nio's in-memory GCS ({@link FakeGcs}), with
 * URLs signed by a generated service-account key. Signed requests cannot reach the fake over HTTP: the
 * {@link XmlApiStandIn} verifies each one as GCS would (signature, expiry, length range) and applies it
 * to the fake directly. Google's own server is not exercised; GCS.md says what that leaves untested.
 */
class GcsStorageContractTest extends ObjectStorageContract {

    private static TestServiceAccount account;

    private GcsStorage storage;
    private XmlApiStandIn client;

    @BeforeAll
    static void makeKey() {
        account = TestServiceAccount.generate();
    }

    @BeforeEach
    void start() {
        FakeGcs gcs = new FakeGcs();
        var google = gcs.client(account.credentials());
        storage = new GcsStorage(google, FakeGcs.BUCKET, Clock.systemUTC());
        client = new XmlApiStandIn(google, account.publicKey());
    }

    @AfterEach
    void stop() {
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
}
