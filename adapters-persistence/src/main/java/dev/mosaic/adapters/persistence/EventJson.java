package dev.mosaic.adapters.persistence;

import dev.mosaic.application.event.Fact;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.Message;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A logged fact as JSON: the same rows the {@code messages} and {@code assets} tables hold (stages,
 * progress, keys, sizes, failure codes), read back into the fact named by its type. Never a view or a URL.
 */
final class EventJson {
    static final String ALBUM_SENT = "album_sent";
    static final String ASSET_CHANGED = "asset_changed";
    static final String ALBUM_SETTLED = "album_settled";

    /** A message and its assets, in their order. */
    record Album(MessageRow message, List<AssetRow> assets) {
    }

    private EventJson() {
    }

    static String type(Fact fact) {
        if (fact instanceof Fact.AlbumSent) {
            return ALBUM_SENT;
        }
        return fact instanceof Fact.AssetChanged ? ASSET_CHANGED : ALBUM_SETTLED;
    }

    static String payload(Fact fact) {
        if (fact instanceof Fact.AlbumSent sent) {
            return Json.write(album(sent.message()));
        }
        if (fact instanceof Fact.AssetChanged changed) {
            return Json.write(AssetMapping.toRow(changed.asset(), 0));
        }
        return Json.write(album(((Fact.AlbumSettled) fact).message()));
    }

    /**
     * The fact a row holds; empty for rows written before the log kept facts (they held rendered views
     * with URLs long dead, which nothing reads any more).
     */
    static Optional<Fact> fact(String type, String payload) {
        return switch (type) {
            case ALBUM_SENT -> Optional.of(new Fact.AlbumSent(message(Json.read(payload, Album.class))));
            case ASSET_CHANGED -> Optional.of(new Fact.AssetChanged(asset(Json.read(payload, AssetRow.class))));
            case ALBUM_SETTLED -> Optional.of(new Fact.AlbumSettled(message(Json.read(payload, Album.class))));
            case "chat_message", "chat_message_update", "chat_message_complete" -> Optional.empty();
            default -> throw new IllegalStateException("unknown logged fact type: " + type);
        };
    }

    private static Album album(Message message) {
        return new Album(AssetMapping.toRow(message), IntStream.range(0, message.assets().size())
                .mapToObj(order -> AssetMapping.toRow(message.assets().get(order), order)).toList());
    }

    private static Message message(Album album) {
        return AssetMapping.toMessage(album.message(), album.assets());
    }

    private static Asset asset(AssetRow row) {
        return AssetMapping.toAsset(row);
    }
}
