package dev.mosaic.adapters.storage.s3;

import dev.mosaic.application.contract.ObjectStorageContract;
import dev.mosaic.application.port.out.ObjectStorage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The ObjectStorage contract on S3Storage against S3Proxy, every byte through presigned URLs over HTTP. */
class S3StorageContractTest extends ObjectStorageContract {

    private static S3ProxyServer server;
    private static S3Storage storage;
    private static final BrowserLikeClient BROWSER = new BrowserLikeClient();

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start();
        storage = server.storage();
    }

    @AfterAll
    static void stop() {
        storage.close();
        server.close();
    }

    @Override
    protected ObjectStorage storage() {
        return storage;
    }

    @Override
    protected Uploader uploader() {
        return BROWSER;
    }

    @Override
    protected List<String> everythingStored() {
        return server.everythingStored();
    }

    /** S3Proxy, like S3, refuses to complete with a part other than the last under 5 MiB. */
    @Override
    protected long partSize() {
        return 5 * 1024 * 1024;
    }
}
