package dev.mosaic.application.port.in;

import dev.mosaic.application.view.MessageView;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.UserId;

@FunctionalInterface
public interface GetMessageUseCase {

    /** Only the sender and the receiver see a message; anyone else gets not-found. */
    MessageView get(UserId viewer, MessageId id);
}
