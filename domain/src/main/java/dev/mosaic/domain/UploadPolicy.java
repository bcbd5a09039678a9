package dev.mosaic.domain;

import java.nio.charset.StandardCharsets;

/**
 * The limits of one album and the S3 multipart rules. Defaults are what a chat product needs;
 * deployments may tighten them.
 */
public record UploadPolicy(
        int maxAttachments,
        int maxTextLength,
        long maxImageBytes,
        long maxVideoBytes,
        long maxFileBytes,
        long multipartThreshold,
        long defaultPartSize) {

    public static final long MIB = 1024L * 1024L;
    public static final long MIN_PART_SIZE = 5 * MIB;
    public static final long MAX_PART_SIZE = 5 * 1024 * MIB;
    public static final int MAX_PARTS = 10_000;
    public static final int MAX_PLACEHOLDER_LENGTH = 128;
    public static final int MAX_HINT_DIMENSION = 100_000;

    public UploadPolicy {
        if (maxAttachments < 1 || maxTextLength < 0 || multipartThreshold < MIN_PART_SIZE
                || defaultPartSize < MIN_PART_SIZE || defaultPartSize > MAX_PART_SIZE) {
            throw new IllegalArgumentException("inconsistent upload policy");
        }
        long largestUpload = MAX_PART_SIZE * MAX_PARTS;
        if (Math.max(maxImageBytes, Math.max(maxVideoBytes, maxFileBytes)) > largestUpload) {
            throw new IllegalArgumentException("no file can exceed " + largestUpload + " bytes (10,000 parts of 5 GiB)");
        }
    }

    public static UploadPolicy defaults() {
        return new UploadPolicy(10, 4096, 50 * MIB, 4096 * MIB, 2048 * MIB, 5 * MIB, 8 * MIB);
    }

    public long maxBytes(AssetKind kind) {
        return switch (kind) {
            case IMAGE -> maxImageBytes;
            case VIDEO -> maxVideoBytes;
            case FILE -> maxFileBytes;
        };
    }

    public boolean textFits(String text) {
        return text == null || text.codePointCount(0, text.length()) <= maxTextLength;
    }

    public static boolean placeholderFits(String placeholder) {
        return placeholder == null
                || (placeholder.length() <= MAX_PLACEHOLDER_LENGTH
                && placeholder.getBytes(StandardCharsets.UTF_8).length == placeholder.length()
                && placeholder.chars().allMatch(c -> c > 0x20 && c < 0x7f));
    }

    /** Direct below the threshold; otherwise the client's proposal checked, or the server's own. */
    public PlanResult plan(AssetKind kind, long fileSize, PartProposal proposal) {
        if (fileSize <= 0) {
            return refuse("file_size_invalid", "file_size must be a positive number of bytes");
        }
        if (fileSize > maxBytes(kind)) {
            return refuse("file_too_large",
                    "a " + kind.wireName() + " may be at most " + maxBytes(kind) + " bytes");
        }
        if (fileSize <= multipartThreshold) {
            return new PlanResult.Planned(new UploadPlan.Direct(fileSize));
        }
        return proposal.isEmpty() ? serverPlan(fileSize) : clientPlan(fileSize, proposal);
    }

    private PlanResult serverPlan(long fileSize) {
        long partSize = Math.max(defaultPartSize, roundUpToMib(UploadPlan.ceilDiv(fileSize, MAX_PARTS)));
        return new PlanResult.Planned(
                new UploadPlan.Multipart(fileSize, partSize, (int) UploadPlan.ceilDiv(fileSize, partSize)));
    }

    private static PlanResult clientPlan(long fileSize, PartProposal proposal) {
        if (proposal.numParts() != null && (proposal.numParts() < 1 || proposal.numParts() > MAX_PARTS)) {
            return refuse("part_count_out_of_range", "client_num_parts must be between 1 and " + MAX_PARTS);
        }
        long partSize = proposal.partSize() != null
                ? proposal.partSize()
                : UploadPlan.ceilDiv(fileSize, proposal.numParts());
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            return refuse("part_size_out_of_range",
                    "parts must be between " + MIN_PART_SIZE + " and " + MAX_PART_SIZE + " bytes");
        }
        long numParts = UploadPlan.ceilDiv(fileSize, partSize);
        if (numParts > MAX_PARTS) {
            return refuse("part_count_out_of_range", "at most " + MAX_PARTS + " parts are allowed");
        }
        if (proposal.numParts() != null && proposal.numParts() != numParts) {
            return refuse("part_proposal_inconsistent", proposal.numParts() + " parts of " + partSize
                    + " bytes cannot hold " + fileSize + " bytes; it takes " + numParts);
        }
        return new PlanResult.Planned(new UploadPlan.Multipart(fileSize, partSize, (int) numParts));
    }

    private static long roundUpToMib(long bytes) {
        return UploadPlan.ceilDiv(bytes, MIB) * MIB;
    }

    private static PlanResult refuse(String code, String detail) {
        return new PlanResult.Refused(new Refusal(code, detail));
    }
}
