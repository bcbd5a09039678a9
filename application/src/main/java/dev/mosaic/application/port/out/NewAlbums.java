package dev.mosaic.application.port.out;

import dev.mosaic.application.event.Fact;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.UploadUsage;
import dev.mosaic.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A new album's two visits to the store: {@link #reserve} before it is built, {@link #store} once it is. Each is all
 * or nothing on its own, outside any caller's transaction (a call inside one joins it), and an adapter may make each
 * one round trip: the work a batch create costs the database is mostly its round trips and statements (issue 15).
 */
public interface NewAlbums {

    /**
     * What {@code sender} has in flight (as {@link Messages#usage}) and every id an album of {@code assets} assets
     * needs (as {@link IdSource#forAlbum}). The ids are drawn even when the quota then refuses the album: an id may be
     * skipped, never handed out twice.
     */
    Reserved reserve(UserId sender, Instant windowStart, int assets);

    /**
     * Stores the album with all its assets ({@link Messages#add}), completes the request's idempotency key when it
     * has one ({@link IdempotencyKeys#complete}), and logs {@code fact} for each of the album's audience, numbered
     * gap-free per recipient ({@link EventLog#appendToEach}): all of it, or nothing when it fails.
     */
    void store(Message album, Optional<String> idempotencyKey, Fact fact);

    /** The sender's usage and the new album's ids, read together. */
    record Reserved(UploadUsage usage, NewAlbumIds ids) {
        public Reserved {
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(ids, "ids");
        }
    }
}
