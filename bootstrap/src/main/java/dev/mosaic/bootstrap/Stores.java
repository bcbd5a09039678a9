package dev.mosaic.bootstrap;

import dev.mosaic.adapters.storage.gcs.GcsStorage;
import dev.mosaic.adapters.storage.local.DiskWorkers;
import dev.mosaic.adapters.storage.local.LocalDiskStorage;
import dev.mosaic.adapters.storage.local.LocalStorageSettings;
import dev.mosaic.adapters.storage.s3.S3Storage;
import dev.mosaic.application.port.in.AdmitUploadUseCase;
import dev.mosaic.application.storage.SignedUrlEndpoint;
import dev.mosaic.application.port.out.ObjectStorage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Opens the object store {@link StorageConfig} names. */
final class Stores {

    /** The store, and the endpoint serving its signed URLs when it has no server of its own. */
    record Opened(ObjectStorage storage, Optional<SignedUrlEndpoint> endpoint, AutoCloseable closer) {
    }

    private Stores() {
    }

    /** @param diskWorkers where the local store's PUTs have the disk write and the MD5 computed while bytes arrive */
    static Opened open(StorageConfig config, Path dataDir, URI publicUrl, Clock clock, DiskWorkers diskWorkers,
                       AdmitUploadUseCase admission) {
        try {
            if (config instanceof StorageConfig.S3 s3) {
                S3Storage store = new S3Storage(s3.settings(), clock);
                return new Opened(store, Optional.empty(), store);
            }
            if (config instanceof StorageConfig.Gcs gcs) {
                GcsStorage store = new GcsStorage(gcs.settings(), clock);
                return new Opened(store, Optional.empty(), store);
            }
            LocalDiskStorage disk = new LocalDiskStorage(new LocalStorageSettings(dataDir.resolve("objects"),
                    publicUrl, Secrets.loadOrCreate(dataDir, "storage-signing-key")), clock, Optional.of(diskWorkers),
                    admission);
            return new Opened(disk, Optional.of(disk), () -> { });
        } catch (IllegalArgumentException wrongSetting) {
            throw new ConfigException(wrongSetting.getMessage());
        }
    }
}
