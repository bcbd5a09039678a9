package dev.mosaic.adapters.storage.local;

import dev.mosaic.application.contract.ObjectStorageContract;
import dev.mosaic.application.port.out.ObjectStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The ObjectStorage contract on the local disk store, with every byte over real HTTP. */
class LocalDiskStorageContractTest extends ObjectStorageContract {

    @TempDir
    Path root;

    private LocalStorageFixture fixture;

    @BeforeEach
    void start() throws IOException {
        fixture = LocalStorageFixture.on(root.resolve("storage"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Override
    protected ObjectStorage storage() {
        return fixture.storage;
    }

    @Override
    protected Uploader uploader() {
        return fixture.http;
    }

    @Override
    protected List<String> everythingStored() {
        try (Stream<Path> files = Files.walk(fixture.root)) {
            return files.filter(Files::isRegularFile).map(file -> fixture.root.relativize(file).toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
