package dev.mosaic.application.port.out;

import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.MessageId;
import java.util.List;
import java.util.Objects;

/** A new album's message id and one new id per asset, the asset ids ascending. */
public record NewAlbumIds(MessageId message, List<AssetId> assets) {
    public NewAlbumIds {
        Objects.requireNonNull(message, "message");
        assets = List.copyOf(assets);
        for (int i = 1; i < assets.size(); i++) {
            if (assets.get(i).value() <= assets.get(i - 1).value()) {
                throw new IllegalArgumentException("asset ids must ascend: " + assets);
            }
        }
    }

    /** An album asks for no ids, or for some: never for a negative number of them. */
    public static void requireCount(int assets) {
        if (assets < 0) {
            throw new IllegalArgumentException("an album cannot have " + assets + " assets");
        }
    }
}
