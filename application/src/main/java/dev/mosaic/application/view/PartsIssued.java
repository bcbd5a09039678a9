package dev.mosaic.application.view;

/** The parts endpoint's answer. */
public record PartsIssued(long assetId, String uploadId, PartBatch batch) {
}
