package dev.mosaic.adapters.storage.local;

import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.out.ObjectStorage.MultipartOutcome;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UploadedPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3-style multipart uploads as folders: {@code .uploads/<id>/} holds the upload's key and type and
 * one {@code <n>.part} per part. Completion first renames the folder aside, so one completion at
 * a time holds it and parts cannot change under it.
 */
final class MultipartFolders {

    private static final String DESCRIPTION = ".upload";
    private static final Pattern PART_FILE = Pattern.compile("(\\d{1,5})\\.part");

    /** Keeps a part and its ETag file in step: this process is the only one writing its folders. */
    private final Object partsLock = new Object();

    private final DiskLayout layout;
    private final ObjectFiles objects;

    MultipartFolders(DiskLayout layout, ObjectFiles objects) throws IOException {
        this.layout = layout;
        this.objects = objects;
        Files.createDirectories(layout.uploads());
        releaseClaimsOfAnEarlierRun();
    }

    String start(ObjectKey key, ContentType type) throws IOException {
        String uploadId = UploadIds.next();
        Path folder = Files.createDirectory(layout.upload(uploadId));
        Files.writeString(folder.resolve(DESCRIPTION), key.value() + "\n" + type.value() + "\n",
                StandardCharsets.US_ASCII);
        return uploadId;
    }

    /** Stores one part; a retry of the same part replaces it, as in S3. */
    String receivePart(Grant.PutPart grant, InputStream body, Optional<DiskWorkers> workers) throws IOException {
        Path folder = layout.upload(grant.uploadId());
        if (describe(folder).filter(upload -> upload.key().equals(grant.key())).isEmpty()) {
            throw uploadNotFound();
        }
        BodyReceiver.Received received;
        try {
            received = BodyReceiver.receive(body, folder, Integer.toString(grant.partNumber()), grant.length(),
                    workers);
        } catch (NoSuchFileException abortedMeanwhile) {
            throw uploadNotFound();
        }
        try {
            synchronized (partsLock) {
                Files.deleteIfExists(etagOf(folder, grant.partNumber()));
                Files.move(received.file(), partOf(folder, grant.partNumber()), StandardCopyOption.ATOMIC_MOVE);
                writeEtag(folder, grant.partNumber(), received.etag());
            }
        } catch (NoSuchFileException abortedMeanwhile) {
            throw uploadNotFound();
        } finally {
            Files.deleteIfExists(received.file());
        }
        return received.etag();
    }

    /**
     * The parts held, each with the ETag its PUT was answered with (kept beside it, so listing a large
     * upload hashes nothing; a part whose ETag was never written, after a crash, is hashed once more).
     */
    Optional<List<UploadedPart>> list(ObjectKey key, String uploadId) throws IOException {
        if (!UploadIds.isWellFormed(uploadId)) {
            return Optional.empty();
        }
        Path folder = layout.upload(uploadId);
        if (describe(folder).filter(upload -> upload.key().equals(key)).isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, UploadedPart> parts = new TreeMap<>();
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher part = PART_FILE.matcher(file.getFileName().toString());
                if (part.matches()) {
                    int number = Integer.parseInt(part.group(1));
                    held(folder, number).ifPresent(held -> parts.put(number, held));
                }
            }
        } catch (NoSuchFileException completedOrAbortedMeanwhile) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(parts.values()));
    }

    private Optional<UploadedPart> held(Path folder, int number) throws IOException {
        synchronized (partsLock) {
            Path part = partOf(folder, number);
            try {
                long size = Files.size(part);
                Path etag = etagOf(folder, number);
                String known = Files.exists(etag) ? Files.readString(etag, StandardCharsets.US_ASCII) : hash(part);
                return Optional.of(new UploadedPart(number, size, known));
            } catch (NoSuchFileException goneMeanwhile) {
                return Optional.empty();
            }
        }
    }

    private static String hash(Path part) throws IOException {
        MessageDigest md5 = Streams.md5();
        try (InputStream in = Files.newInputStream(part)) {
            Streams.copy(in, OutputStream.nullOutputStream(), md5, Files.size(part));
        }
        return Streams.quotedEtag(md5);
    }

    private static void writeEtag(Path folder, int number, String etag) throws IOException {
        Path temp = Files.createTempFile(folder, "." + number + ".etag.", ".tmp");
        try {
            Files.writeString(temp, etag, StandardCharsets.US_ASCII);
            Files.move(temp, etagOf(folder, number), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    MultipartOutcome complete(ObjectKey key, String uploadId, UploadPlan.Multipart plan,
                              List<CompletedPart> parts) throws IOException {
        if (!UploadIds.isWellFormed(uploadId)
                || describe(layout.upload(uploadId)).filter(upload -> upload.key().equals(key)).isEmpty()) {
            return new MultipartOutcome.NoSuchUpload();
        }
        Path claimed = layout.claimed(uploadId);
        try {
            Files.move(layout.upload(uploadId), claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException completedOrAbortedMeanwhile) {
            return new MultipartOutcome.NoSuchUpload();
        }
        boolean completed = false;
        try {
            ContentType type = describe(claimed).orElseThrow(() -> new NoSuchFileException(DESCRIPTION)).type();
            Optional<MultipartOutcome.Refused> refused = PartJoiner.join(claimed, plan, parts, objects, key, type);
            if (refused.isPresent()) {
                return refused.get();
            }
            completed = true;
            return new MultipartOutcome.Completed(plan.fileSize());
        } finally {
            if (completed) {
                Folders.deleteRecursively(claimed);
            } else {
                Files.move(claimed, layout.upload(uploadId), StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    void abort(ObjectKey key, String uploadId) throws IOException {
        if (!UploadIds.isWellFormed(uploadId)) {
            return;
        }
        Path folder = layout.upload(uploadId);
        if (describe(folder).filter(upload -> upload.key().equals(key)).isPresent()) {
            Folders.deleteRecursively(folder);
        }
    }

    static Path partOf(Path folder, int partNumber) {
        return folder.resolve(partNumber + ".part");
    }

    private static Path etagOf(Path folder, int partNumber) {
        return folder.resolve(partNumber + ".etag");
    }

    private Optional<Description> describe(Path folder) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(folder.resolve(DESCRIPTION), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        }
        return Optional.of(new Description(new ObjectKey(lines.get(0)), new ContentType(lines.get(1))));
    }

    /** Only this process completes, so a claim left at start-up was cut short by a crash: reopen it. */
    private void releaseClaimsOfAnEarlierRun() throws IOException {
        try (var folders = Files.list(layout.uploads())) {
            for (Path folder : folders.filter(layout::isClaimed).toList()) {
                String name = folder.getFileName().toString();
                Path open = folder.resolveSibling(name.substring(0, name.indexOf('.')));
                Files.move(folder, open, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    static RequestRejected uploadNotFound() {
        return new RequestRejected(Reason.NOT_FOUND, "upload_not_found",
                "no such multipart upload: it was completed, aborted or has expired");
    }

    private record Description(ObjectKey key, ContentType type) {
    }
}
