package dev.mosaic.adapters.storage.local;

import dev.mosaic.application.port.out.ObjectStorage.LocalCopy;
import dev.mosaic.application.port.out.ObjectStorage.StoredObject;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Whole objects on disk: each appears at once by an atomic move, with its type beside it. */
final class ObjectFiles {

    private final DiskLayout layout;

    ObjectFiles(DiskLayout layout) {
        this.layout = layout;
    }

    /** The folder an object's temporary files go to, so the final move stays on one file system. */
    Path folderOf(ObjectKey key) throws IOException {
        return Files.createDirectories(layout.object(key).getParent());
    }

    static String nameOf(ObjectKey key) {
        return key.value().substring(key.value().lastIndexOf('/') + 1);
    }

    /** Makes a finished temporary file the object; a reader sees the old object or the new, never half. */
    void moveIntoPlace(Path temp, ObjectKey key, ContentType type) throws IOException {
        Path typeTemp = Files.createTempFile(temp.getParent(), "." + nameOf(key) + ".", ".type.tmp");
        try {
            Files.writeString(typeTemp, type.value(), StandardCharsets.US_ASCII);
            Files.move(typeTemp, layout.typeOf(key), StandardCopyOption.ATOMIC_MOVE);
            Files.move(temp, layout.object(key), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(typeTemp);
            Files.deleteIfExists(temp);
        }
    }

    void put(ObjectKey key, Path source, ContentType type) throws IOException {
        Path temp = Files.createTempFile(folderOf(key), "." + nameOf(key) + ".", ".tmp");
        try {
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            moveIntoPlace(temp, key, type);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The same bytes under another key without copying them: a hard link where the file system allows, else a
     * copy. Safe because an object's file never changes once in place: every write is a new file moved over it.
     */
    void link(ObjectKey key, Path source, ContentType type) throws IOException {
        Path temp = folderOf(key).resolve("." + nameOf(key) + "." + UploadIds.next() + ".tmp");
        try {
            try {
                Files.createLink(temp, source);
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            moveIntoPlace(temp, key, type);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    Optional<StoredObject> stat(ObjectKey key) throws IOException {
        long size;
        try {
            size = Files.readAttributes(layout.object(key), BasicFileAttributes.class).size();
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        }
        return Optional.of(new StoredObject(size, typeOf(key)));
    }

    private Optional<ContentType> typeOf(ObjectKey key) throws IOException {
        try {
            return ContentType.parse(Files.readString(layout.typeOf(key), StandardCharsets.US_ASCII));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        }
    }

    byte[] readHead(ObjectKey key, int length) throws IOException {
        try (InputStream in = Files.newInputStream(layout.object(key))) {
            return in.readNBytes(length);
        }
    }

    /** A hard link when the file system allows (the bytes stay even if the object is replaced), else a copy. */
    LocalCopy localCopy(ObjectKey key) throws IOException {
        Path source = layout.object(key);
        if (!Files.isRegularFile(source)) {
            throw new NoSuchFileException(key.value());
        }
        Path copy = Files.createDirectories(layout.copies()).resolve(UploadIds.next() + "-" + nameOf(key));
        try {
            Files.createLink(copy, source);
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return LocalCopy.temporary(copy);
    }

    /** Copies are links that would pin deleted objects' bytes; none outlives the process that made it. */
    void dropCopiesOfAnEarlierRun() throws IOException {
        Folders.deleteRecursively(layout.copies());
    }

    void delete(ObjectKey key) throws IOException {
        Files.deleteIfExists(layout.object(key));
        Files.deleteIfExists(layout.typeOf(key));
    }

    /** The object's file and size, if it exists. */
    Optional<BasicFileAttributes> attributes(ObjectKey key) throws IOException {
        try {
            return Optional.of(Files.readAttributes(layout.object(key), BasicFileAttributes.class));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        }
    }

}
