package dev.mosaic.adapters.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.port.out.ObjectStorage.LocalCopy;
import dev.mosaic.application.port.out.ObjectStorage.SignedRequest;
import dev.mosaic.application.port.out.ObjectStorage.StoredObject;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDiskStorageTest {

    private static final ObjectKey KEY = new ObjectKey("raw/7/8/photo.jpg");

    @TempDir
    Path folder;

    @Test
    void urlsLiveUnderThePublicUrlAndItsPath() {
        LocalDiskStorage storage = storage(URI.create("https://chat.example/mosaic/"));

        SignedRequest request = storage.signPut(KEY, 10, ContentType.JPEG, Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(request.url().toString())
                .startsWith("https://chat.example/mosaic/storage/raw/7/8/photo.jpg?")
                .contains("length=10", "type=image%2Fjpeg", "expires=1893456000", "signature=");
        assertThat(request.headers()).isEqualTo(Map.of("Content-Type", "image/jpeg"));
    }

    @Test
    void aLocalCopyKeepsItsBytesWhenTheObjectIsDeletedAndGoesAwayOnClose() throws IOException {
        LocalDiskStorage storage = storage(URI.create("http://localhost:8080"));
        byte[] bytes = "pixels".getBytes(StandardCharsets.US_ASCII);
        storage.put(KEY, Files.write(folder.resolve("source"), bytes), ContentType.JPEG);

        LocalCopy copy = storage.localCopy(KEY);
        storage.delete(KEY);

        assertThat(copy.path()).hasBinaryContent(bytes).isNotEqualTo(folder.resolve("storage/raw/7/8/photo.jpg"));
        copy.close();
        assertThat(copy.path()).doesNotExist();
    }

    @Test
    void sealingLinksTheUploadedFileInsteadOfCopyingItsBytes() throws IOException {
        LocalDiskStorage storage = storage(URI.create("http://localhost:8080"));
        byte[] bytes = "twelve megapixels".getBytes(StandardCharsets.US_ASCII);
        storage.put(KEY, Files.write(folder.resolve("source"), bytes), ContentType.JPEG);
        Path raw = folder.resolve("storage/raw/7/8/photo.jpg");
        Path sealed = folder.resolve("storage/" + KEY.sealed().value());

        assertThat(storage.seal(KEY, KEY.sealed())).isTrue();

        assertThat(Files.isSameFile(raw, sealed)).as("one file under two names").isTrue();
        assertThat(storage.stat(KEY.sealed())).contains(new StoredObject(bytes.length, Optional.of(ContentType.JPEG)));
        storage.put(KEY, Files.write(folder.resolve("other"), new byte[] {1, 2, 3}), ContentType.JPEG);
        storage.delete(KEY);
        assertThat(sealed).hasBinaryContent(bytes);
        try (Stream<Path> left = Files.list(sealed.getParent())) {
            assertThat(left).noneMatch(path -> path.getFileName().toString().endsWith(".tmp"));
        }
    }

    @Test
    void copiesLeftByAnEarlierRunAreDroppedAtStart() throws IOException {
        LocalDiskStorage storage = storage(URI.create("http://localhost:8080"));
        storage.put(KEY, Files.write(folder.resolve("source"), new byte[] {1, 2, 3}), ContentType.JPEG);
        Path leftOver = storage.localCopy(KEY).path();

        storage(URI.create("http://localhost:8080"));

        assertThat(leftOver).doesNotExist();
        assertThat(storage.stat(KEY)).isPresent();
    }

    @Test
    void aStoreWhoseRootIsGoneIsUnhealthy() throws IOException {
        LocalDiskStorage storage = storage(URI.create("http://localhost:8080"));
        assertThat(storage.isHealthy()).isTrue();

        Folders.deleteRecursively(folder.resolve("storage"));
        Files.writeString(folder.resolve("storage"), "a file where the folder was");

        assertThat(storage.isHealthy()).isFalse();
    }

    @Test
    void settingsRefuseAShortKeyAndAUrlThatIsNotHttp() {
        Path root = folder.resolve("storage");
        URI url = URI.create("http://localhost:8080");

        assertThatThrownBy(() -> new LocalStorageSettings(root, url, new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalStorageSettings(root, URI.create("file:///tmp"), new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalStorageSettings(root, URI.create("/relative"), new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalStorageSettings(root, URI.create("http://host/?q=1"), new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsNeverPrintTheKeyAndKeepTheirOwnCopy() {
        byte[] key = "a key that nobody should ever see in a log".getBytes(StandardCharsets.UTF_8);
        LocalStorageSettings settings = new LocalStorageSettings(folder, URI.create("http://localhost"), key);
        key[0] = 'X';

        assertThat(settings.toString()).doesNotContain("nobody");
        assertThat(settings.signingKey()[0]).isEqualTo((byte) 'a');
        assertThat(settings).isEqualTo(new LocalStorageSettings(folder, URI.create("http://localhost"),
                "a key that nobody should ever see in a log".getBytes(StandardCharsets.UTF_8)));
    }

    private LocalDiskStorage storage(URI publicUrl) {
        return new LocalDiskStorage(new LocalStorageSettings(folder.resolve("storage"), publicUrl,
                LocalStorageFixture.SIGNING_KEY), Clock.systemUTC());
    }
}
