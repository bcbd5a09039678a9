package dev.mosaic.adapters.http;

import dev.mosaic.application.view.AlbumCreated;
import dev.mosaic.application.view.MessageView;
import java.util.List;

/** The batch request's answer on the wire. */
record AlbumCreatedJson(long messageId, List<UploadInstructionJson> uploads, MessageView message) {

    static AlbumCreatedJson from(AlbumCreated created) {
        return new AlbumCreatedJson(created.messageId(),
                created.uploads().stream().map(UploadInstructionJson::from).toList(), created.message());
    }
}
