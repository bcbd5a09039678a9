package dev.mosaic.domain;

/** What the client proposed for multipart: either number may be absent (null). */
public record PartProposal(Long partSize, Long numParts) {
    public static final PartProposal NONE = new PartProposal(null, null);

    public boolean isEmpty() {
        return partSize == null && numParts == null;
    }
}
