package dev.mosaic.application.view;

import java.util.List;

/** An album message as clients see it; {@code complete} once every asset has settled. */
public record MessageView(
        long messageId,
        long senderId,
        long receiverId,
        String text,
        String createdAt,
        boolean complete,
        List<AssetView> assets) {

    public MessageView {
        assets = List.copyOf(assets);
    }
}
