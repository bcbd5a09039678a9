package dev.mosaic.application.event;

import dev.mosaic.domain.Asset;
import dev.mosaic.domain.Message;
import java.util.Objects;

/**
 * What the event log keeps: what happened, as domain facts (stages, progress, keys, sizes, failure
 * codes), never a rendered view or a signed URL. An {@link Event} is rendered from a fact when it is
 * delivered or read, so a replay at any age carries URLs that work.
 */
public sealed interface Fact {

    /** An album was created; rendered as {@code chat_message}. */
    record AlbumSent(Message message) implements Fact {
        public AlbumSent {
            Objects.requireNonNull(message, "message");
        }
    }

    /** One asset moved; rendered as {@code chat_message_update}. */
    record AssetChanged(Asset asset) implements Fact {
        public AssetChanged {
            Objects.requireNonNull(asset, "asset");
        }
    }

    /** Every asset of the album has settled; rendered as {@code chat_message_complete}. */
    record AlbumSettled(Message message) implements Fact {
        public AlbumSettled {
            Objects.requireNonNull(message, "message");
        }
    }
}
