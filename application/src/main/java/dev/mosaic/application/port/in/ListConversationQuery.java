package dev.mosaic.application.port.in;

import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.UserId;
import java.util.Objects;
import java.util.Optional;

/** A page of messages between the viewer and a peer, newest first. */
public record ListConversationQuery(UserId viewer, UserId peer, Optional<MessageId> before, int limit) {
    public static final int MAX_LIMIT = 100;

    public ListConversationQuery {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(before, "before");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new RequestRejected(RequestRejected.Reason.INVALID, "limit_invalid",
                    "limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
