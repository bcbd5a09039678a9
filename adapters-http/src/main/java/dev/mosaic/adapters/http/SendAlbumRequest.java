package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.SendAlbumCommand;
import dev.mosaic.domain.UserId;
import java.util.List;

/** The body of {@code POST /api/v1/files/upload/}, as the guide shows it. */
record SendAlbumRequest(Long receiverId, String text, List<AttachmentRequest> attachments) {

    SendAlbumCommand toCommand(UserId sender, String idempotencyKey) {
        List<SendAlbumCommand.Attachment> files = attachments == null ? null
                : attachments.stream().map(file -> file == null ? null : file.toAttachment()).toList();
        return new SendAlbumCommand(sender, receiverId, text, files, idempotencyKey);
    }

    /** One file of the batch; sizes and hints are checked by the use case, not here. */
    record AttachmentRequest(String fileName, Long fileSize, String contentType, String kind,
                             Long clientPartSize, Long clientNumParts,
                             Integer width, Integer height, Double duration, String placeholder,
                             String caption, String altText) {

        SendAlbumCommand.Attachment toAttachment() {
            return new SendAlbumCommand.Attachment(fileName, fileSize, contentType, kind, clientPartSize,
                    clientNumParts, width, height, duration, placeholder, caption, altText);
        }
    }
}
