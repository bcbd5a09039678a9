package dev.mosaic.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/** How the bytes of one asset travel: one PUT, or numbered parts of S3-style multipart. */
public sealed interface UploadPlan {

    long fileSize();

    record Direct(long fileSize) implements UploadPlan {
        public Direct {
            if (fileSize <= 0) {
                throw new IllegalArgumentException("file size must be positive");
            }
        }
    }

    /**
     * Numbered parts of {@code partSize} bytes, the last one the remainder.
     *
     * @param uploadId the store's multipart upload id, once the store has started the upload
     */
    record Multipart(long fileSize, long partSize, int numParts, Optional<String> uploadId) implements UploadPlan {
        public Multipart {
            Objects.requireNonNull(uploadId, "uploadId");
            if (uploadId.isPresent() && uploadId.get().isBlank()) {
                throw new IllegalArgumentException("an upload id is not blank");
            }
            if (fileSize <= 0 || partSize <= 0 || numParts <= 0) {
                throw new IllegalArgumentException("multipart numbers must be positive");
            }
            if (ceilDiv(fileSize, partSize) != numParts) {
                throw new IllegalArgumentException(
                        numParts + " parts of " + partSize + " bytes do not cover " + fileSize + " bytes");
            }
        }

        /** The parts as the policy plans them, before the store starts the upload. */
        public Multipart(long fileSize, long partSize, int numParts) {
            this(fileSize, partSize, numParts, Optional.empty());
        }

        /** The same parts, now a multipart upload of the store under {@code id}. */
        public Multipart startedAs(String id) {
            return new Multipart(fileSize, partSize, numParts, Optional.of(id));
        }

        /** The store's upload id; only an asset's plan, always started, is asked for it. */
        public String startedId() {
            return uploadId.orElseThrow(() -> new IllegalStateException("this multipart upload was never started"));
        }

        /** The size of part {@code number} (1-based): all full, the last one the remainder. */
        public long sizeOf(int number) {
            if (number < 1 || number > numParts) {
                throw new IllegalArgumentException("no part " + number + " in " + numParts);
            }
            return number < numParts ? partSize : fileSize - partSize * (numParts - 1L);
        }

        public List<Part> parts() {
            return IntStream.rangeClosed(1, numParts).mapToObj(n -> new Part(n, sizeOf(n))).toList();
        }

        public boolean hasPart(int number) {
            return number >= 1 && number <= numParts;
        }
    }

    record Part(int number, long size) {
    }

    static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
