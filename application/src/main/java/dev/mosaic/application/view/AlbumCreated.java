package dev.mosaic.application.view;

import java.util.List;

/** The batch request's answer: the message and one instruction per attachment, in order. */
public record AlbumCreated(long messageId, List<UploadInstruction> uploads, MessageView message) {
    public AlbumCreated {
        uploads = List.copyOf(uploads);
    }
}
