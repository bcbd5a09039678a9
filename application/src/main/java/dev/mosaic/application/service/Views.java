package dev.mosaic.application.service;

import dev.mosaic.application.event.Event;
import dev.mosaic.application.event.Fact;
import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.application.port.out.ObjectStorage.Delivery;
import dev.mosaic.application.view.AssetView;
import dev.mosaic.application.view.MessageView;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.Rendition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Turns messages and assets into what clients see, with freshly signed URLs. */
public final class Views {
    private final ObjectStorage storage;
    private final Clock clock;
    private final Duration urlTtl;

    public Views(ObjectStorage storage, Clock clock, Duration urlTtl) {
        this.storage = storage;
        this.clock = clock;
        this.urlTtl = urlTtl;
    }

    /** The event a fact is delivered as, its URLs signed now. */
    public Event event(Fact fact) {
        if (fact instanceof Fact.AlbumSent sent) {
            return new Event.ChatMessage(message(sent.message()));
        }
        if (fact instanceof Fact.AssetChanged changed) {
            return new Event.ChatMessageUpdate(asset(changed.asset()));
        }
        return new Event.ChatMessageComplete(message(((Fact.AlbumSettled) fact).message()));
    }

    public MessageView message(Message message) {
        return new MessageView(message.id().value(), message.sender().value(), message.receiver().value(),
                message.text(), message.createdAt().toString(), message.isSettled(),
                message.assets().stream().map(this::asset).toList());
    }

    public AssetView asset(Asset asset) {
        Instant expiresAt = clock.instant().plus(urlTtl);
        var info = asset.info();
        return new AssetView(
                asset.messageId().value(),
                asset.id().value(),
                asset.kind().wireName(),
                asset.fileName().value(),
                asset.fileSize(),
                asset.contentType().value(),
                asset.stage().wireName(),
                asset.progress(),
                info.width(),
                info.height(),
                info.durationMillis() == null ? null : info.durationMillis() / 1000.0,
                info.placeholder(),
                renditionUrl(asset, Rendition.Kind.THUMBNAIL, expiresAt),
                renditionUrl(asset, Rendition.Kind.PREVIEW, expiresAt),
                renditionUrl(asset, Rendition.Kind.PLAYBACK, expiresAt),
                asset.isDownloadable()
                        ? storage.signGet(asset.objectKey().sealed(), expiresAt,
                        Delivery.attachment(asset.contentType().servedAs(), asset.fileName().value())).toString()
                        : null,
                asset.failureCode().orElse(null),
                asset.text().caption().orElse(null),
                asset.text().altText().orElse(null));
    }

    private String renditionUrl(Asset asset, Rendition.Kind kind, Instant expiresAt) {
        return asset.rendition(kind)
                .map(rendition -> storage.signGet(rendition.key(), expiresAt, Delivery.inline(rendition.contentType())))
                .map(Object::toString)
                .orElse(null);
    }
}
