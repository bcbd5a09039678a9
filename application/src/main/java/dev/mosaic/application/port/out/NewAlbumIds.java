package dev.mosaic.application.port.out;

import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.MessageId;
import java.util.List;
import java.util.Objects;

/** A new album's message id and one new id per asset, the asset ids ascending in the order they were drawn. */
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
}
