package dev.mosaic.application.event;

import dev.mosaic.application.view.AssetView;
import dev.mosaic.application.view.MessageView;

/**
 * What a user's sockets receive: {@code {"type": type(), "seq": n, "data": data()}}, rendered from a
 * {@link Fact} when delivered or read, with URLs signed then.
 */
public sealed interface Event {

    String type();

    Object data();

    /** An album was created: the receiver draws the grid at once. */
    record ChatMessage(MessageView data) implements Event {
        public static final String TYPE = "chat_message";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** One asset changed stage or progress. */
    record ChatMessageUpdate(AssetView data) implements Event {
        public static final String TYPE = "chat_message_update";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** Every asset of the message has settled (ready, failed, cancelled or expired). */
    record ChatMessageComplete(MessageView data) implements Event {
        public static final String TYPE = "chat_message_complete";

        @Override
        public String type() {
            return TYPE;
        }
    }
}
