package dev.mosaic.adapters.storage.local;

import dev.mosaic.application.port.in.AdmitUploadUseCase;
import dev.mosaic.application.storage.SignedUrlEndpoint;
import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.application.port.out.Unavailable;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UploadedPart;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded store: objects as files under a root folder, moved by URLs that this server signs
 * (HMAC-SHA256) and serves itself through {@link SignedUrlEndpoint}. One process owns the folder.
 */
public final class LocalDiskStorage implements ObjectStorage, SignedUrlEndpoint {

    private final DiskLayout layout;
    private final UrlSigner signer;
    private final ObjectFiles objects;
    private final MultipartFolders uploads;
    private final SignedUrlHandler handler;

    /** A store on its own: every correctly signed PUT is taken. */
    public LocalDiskStorage(LocalStorageSettings settings, Clock clock) {
        this(settings, clock, Optional.empty(), AdmitUploadUseCase.EVERY_SIGNED_PUT);
    }

    /**
     * @param workers where large PUTs have the disk write their bytes and their MD5 computed while more arrive
     *                (see {@link DiskWorkers}); without them a PUT does both on its own thread, the writing at its
     *                one {@code fsync}
     */
    public LocalDiskStorage(LocalStorageSettings settings, Clock clock, Optional<DiskWorkers> workers) {
        this(settings, clock, workers, AdmitUploadUseCase.EVERY_SIGNED_PUT);
    }

    /** A store that asks {@code admission}, once a PUT's signature holds, whether its upload still takes bytes. */
    public LocalDiskStorage(LocalStorageSettings settings, Clock clock, Optional<DiskWorkers> workers,
                            AdmitUploadUseCase admission) {
        this.layout = new DiskLayout(settings.root());
        this.signer = new UrlSigner(settings.signingKey(), settings.publicUrl(), clock);
        this.objects = new ObjectFiles(layout);
        io(() -> {
            objects.dropCopiesOfAnEarlierRun();
            return null;
        });
        this.uploads = io(() -> new MultipartFolders(layout, objects));
        this.handler = new SignedUrlHandler(signer, objects, uploads, layout, workers, admission);
    }

    @Override
    public SignedRequest signPut(ObjectKey key, long size, ContentType type, Instant expiresAt) {
        String url = signer.location(new Grant.PutObject(key, size, type, expiresAt.getEpochSecond()));
        return new SignedRequest(url, Map.of("Content-Type", type.value()));
    }

    @Override
    public String startMultipart(ObjectKey key, ContentType type) {
        return io(() -> uploads.start(key, type));
    }

    @Override
    public List<SignedPart> signParts(ObjectKey key, String uploadId, List<UploadPlan.Part> parts,
                                      Instant expiresAt) {
        return parts.stream()
                .map(part -> new SignedPart(part.number(), part.size(), signer.location(new Grant.PutPart(
                        key, uploadId, part.number(), part.size(), expiresAt.getEpochSecond()))))
                .toList();
    }

    @Override
    public MultipartOutcome completeMultipart(ObjectKey key, String uploadId, UploadPlan.Multipart plan,
                                              List<CompletedPart> parts) {
        return io(() -> uploads.complete(key, uploadId, plan, parts));
    }

    @Override
    public Optional<List<UploadedPart>> listParts(ObjectKey key, String uploadId) {
        return io(() -> uploads.list(key, uploadId));
    }

    @Override
    public void abortMultipart(ObjectKey key, String uploadId) {
        io(() -> {
            uploads.abort(key, uploadId);
            return null;
        });
    }

    @Override
    public Optional<StoredObject> stat(ObjectKey key) {
        return io(() -> objects.stat(key));
    }

    @Override
    public byte[] readHead(ObjectKey key, int length) {
        return io(() -> objects.readHead(key, length));
    }

    @Override
    public LocalCopy localCopy(ObjectKey key) {
        return io(() -> objects.localCopy(key));
    }

    @Override
    public void put(ObjectKey key, Path source, ContentType type) {
        io(() -> {
            objects.put(key, source, type);
            return null;
        });
    }

    @Override
    public boolean seal(ObjectKey raw, ObjectKey sealed) {
        return io(() -> {
            Optional<StoredObject> stored = objects.stat(raw);
            if (stored.isEmpty()) {
                return false;
            }
            objects.link(sealed, layout.object(raw), stored.get().contentType().orElse(ContentType.OCTET_STREAM));
            return true;
        });
    }

    @Override
    public void delete(ObjectKey key) {
        io(() -> {
            objects.delete(key);
            return null;
        });
    }

    @Override
    public URI signGet(ObjectKey key, Instant expiresAt, Delivery delivery) {
        return signer.sign(new Grant.GetObject(key, delivery.contentType(), delivery.attachmentName(),
                expiresAt.getEpochSecond()));
    }

    @Override
    public boolean isHealthy() {
        Path root = layout.root();
        return Files.isDirectory(root) && Files.isWritable(root) && Files.isWritable(layout.uploads());
    }

    @Override
    public Stored put(String path, Map<String, String> query, String contentType, long contentLength,
                      InputStream body) {
        return io(() -> handler.put(path, query, contentType, contentLength, body));
    }

    @Override
    public Download get(String path, Map<String, String> query) {
        return io(() -> handler.get(path, query));
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    /** The disk failing is an outage of the store; a body the client broke off stays the client's doing. */
    private static <T> T io(IoAction<T> action) {
        try {
            return action.run();
        } catch (IOException e) {
            throw new Unavailable(Unavailable.Part.STORAGE, "the local disk store failed: " + e, e);
        }
    }
}
