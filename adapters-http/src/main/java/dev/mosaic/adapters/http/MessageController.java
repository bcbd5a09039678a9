package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.GetMessageUseCase;
import dev.mosaic.application.port.in.ListConversationQuery;
import dev.mosaic.application.port.in.ListConversationUseCase;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.view.MessageView;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.UserId;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** Reading albums back: one message, or a page of a conversation. */
final class MessageController {

    static final int DEFAULT_LIMIT = 50;

    private final GetMessageUseCase getMessage;
    private final ListConversationUseCase listConversation;

    MessageController(UseCases useCases) {
        this.getMessage = useCases.getMessage();
        this.listConversation = useCases.listConversation();
    }

    void get(Context ctx) {
        MessageId id = MessageId.of(positive(ctx.pathParam("message_id"), "message_id"));
        ctx.json(getMessage.get(Authentication.user(ctx), id));
    }

    void list(Context ctx) {
        UserId peer = UserId.of(positive(ctx.pathParam("peer_id"), "peer_id"));
        Optional<MessageId> before = Optional.ofNullable(ctx.queryParam("before"))
                .map(value -> MessageId.of(positive(value, "before")));
        int limit = Optional.ofNullable(ctx.queryParam("limit"))
                .map(value -> (int) Math.min(positive(value, "limit"), Integer.MAX_VALUE))
                .orElse(DEFAULT_LIMIT);
        ListConversationQuery query = new ListConversationQuery(Authentication.user(ctx), peer, before, limit);
        ctx.json(new Page(listConversation.list(query)));
    }

    private static long positive(String value, String name) {
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)
                || Long.parseLong(value) <= 0) {
            throw new RequestRejected(RequestRejected.Reason.INVALID, name + "_invalid",
                    name + " must be a positive integer");
        }
        return Long.parseLong(value);
    }

    /** A page of a conversation, newest first. */
    record Page(List<MessageView> messages) {
    }
}
