package dev.mosaic.application.service;

import dev.mosaic.application.port.in.GetMessageUseCase;
import dev.mosaic.application.port.in.ListConversationQuery;
import dev.mosaic.application.port.in.ListConversationUseCase;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.view.MessageView;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.UserId;
import java.util.List;

/** Reading albums: only their sender and receiver ever see them. */
public final class ReadMessagesService implements GetMessageUseCase, ListConversationUseCase {
    private final Messages messages;
    private final Views views;

    public ReadMessagesService(Messages messages, Views views) {
        this.messages = messages;
        this.views = views;
    }

    @Override
    public MessageView get(UserId viewer, MessageId id) {
        return messages.byId(id)
                .filter(message -> message.involves(viewer))
                .map(views::message)
                .orElseThrow(() -> new RequestRejected(Reason.NOT_FOUND, "message_not_found", "no such message"));
    }

    @Override
    public List<MessageView> list(ListConversationQuery query) {
        return messages.conversation(query.viewer(), query.peer(), query.before(), query.limit()).stream()
                .map(views::message)
                .toList();
    }
}
