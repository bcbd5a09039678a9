package dev.mosaic.application.view;

import java.util.List;

/**
 * Signed part URLs. {@code nextPartNumber} is the first part not in this batch (ask the parts
 * endpoint for it), or null when the batch reaches the last part.
 */
public record PartBatch(List<PartUrl> items, Integer nextPartNumber, String expiresAt) {
    public PartBatch {
        items = List.copyOf(items);
    }
}
