package dev.mosaic.application.view;

import java.util.List;

/**
 * Signed part URLs. {@code nextPartNumber} is the first part after this batch that still needs a
 * URL (ask the parts endpoint for it), or null when none does.
 */
public record PartBatch(List<PartUrl> items, Integer nextPartNumber, String expiresAt) {
    public PartBatch {
        items = List.copyOf(items);
    }
}
