package dev.mosaic.adapters.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where libvips' programs are, which decode HEIC/HEIF and AVIF photos, and how far one run may go;
 * built by bootstrap from configuration.
 *
 * @param vips           the {@code vips} program; when empty, it is looked for on the PATH
 * @param vipsheader     the {@code vipsheader} program; when empty, beside a configured vips, then on the PATH
 * @param processTimeout a run taking longer is stopped with all its children, and the photo refused
 * @param memoryLimit    bytes of data one run may allocate (set with {@code prlimit} where it is found)
 */
public record VipsSettings(Optional<Path> vips, Optional<Path> vipsheader, Duration processTimeout,
                           long memoryLimit) {
    /** A 50-megapixel 10-bit HEIC decodes within about 700 MB; more than twice that is an attack. */
    static final long DEFAULT_MEMORY_LIMIT = 1536L * 1024 * 1024;

    public VipsSettings {
        Objects.requireNonNull(vips, "vips");
        Objects.requireNonNull(vipsheader, "vipsheader");
        if (processTimeout.isNegative() || processTimeout.isZero() || memoryLimit < 1) {
            throw new IllegalArgumentException("the vips timeout and memory limit must be positive");
        }
    }

    /** Found on the PATH, one minute and 1.5 GiB a run. */
    public static VipsSettings defaults() {
        return new VipsSettings(Optional.empty(), Optional.empty(), Duration.ofMinutes(1), DEFAULT_MEMORY_LIMIT);
    }

    public VipsSettings withVips(Path program) {
        return new VipsSettings(Optional.of(program), vipsheader, processTimeout, memoryLimit);
    }

    public VipsSettings withVipsheader(Path program) {
        return new VipsSettings(vips, Optional.of(program), processTimeout, memoryLimit);
    }

    public VipsSettings withProcessTimeout(Duration timeout) {
        return new VipsSettings(vips, vipsheader, timeout, memoryLimit);
    }

    public VipsSettings withMemoryLimit(long bytes) {
        return new VipsSettings(vips, vipsheader, processTimeout, bytes);
    }
}
