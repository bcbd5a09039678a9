package dev.mosaic.adapters.storage.local;

import dev.mosaic.domain.ObjectKey;
import java.nio.file.Path;

/**
 * Where things live under the root: objects at their key, each with a hidden {@code .<name>.type}
 * beside it, unfinished uploads under {@code .uploads/<id>/}, processing copies under {@code .copies/}.
 * Keys never start a segment with a dot, so no hidden name is ever an object's.
 */
final class DiskLayout {

    private static final String CLAIMED = ".completing";

    private final Path root;

    DiskLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path object(ObjectKey key) {
        return underRoot(root.resolve(key.value()));
    }

    Path typeOf(ObjectKey key) {
        Path object = object(key);
        return object.resolveSibling("." + object.getFileName() + ".type");
    }

    Path uploads() {
        return root.resolve(".uploads");
    }

    Path upload(String uploadId) {
        requireWellFormed(uploadId);
        return underRoot(uploads().resolve(uploadId));
    }

    /** The folder of an upload while one completion holds it. */
    Path claimed(String uploadId) {
        requireWellFormed(uploadId);
        return underRoot(uploads().resolve(uploadId + CLAIMED));
    }

    boolean isClaimed(Path folder) {
        return folder.getFileName().toString().endsWith(CLAIMED);
    }

    Path copies() {
        return root.resolve(".copies");
    }

    /** Keys and upload ids are restricted already; this keeps a mistake there from escaping the root. */
    private Path underRoot(Path path) {
        Path normalized = path.normalize();
        if (!normalized.startsWith(root) || normalized.equals(root)) {
            throw new IllegalArgumentException("outside the storage root: " + path);
        }
        return normalized;
    }

    private static void requireWellFormed(String uploadId) {
        if (!UploadIds.isWellFormed(uploadId)) {
            throw new IllegalArgumentException("not an upload id: " + uploadId);
        }
    }
}
