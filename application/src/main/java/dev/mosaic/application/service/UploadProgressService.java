package dev.mosaic.application.service;

import dev.mosaic.application.port.in.RelayUploadProgressUseCase;
import dev.mosaic.application.port.in.ReportUploadProgressUseCase;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.ProgressBroadcast;
import dev.mosaic.application.port.out.ProgressBroadcast.ProgressNote;
import dev.mosaic.application.view.AssetView;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Relays the sender's upload progress, checked and throttled to one relay per asset per second on the node
 * that holds the sender's socket; other nodes get it as a note and only render it for their sockets.
 */
public final class UploadProgressService implements ReportUploadProgressUseCase, RelayUploadProgressUseCase {
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final int MAX_TRACKED = 100_000;

    private final Messages messages;
    private final Views views;
    private final ProgressBroadcast otherNodes;
    private final Clock clock;
    private final Map<Long, Instant> lastRelayed = new ConcurrentHashMap<>();

    public UploadProgressService(Messages messages, Views views, ProgressBroadcast otherNodes, Clock clock) {
        this.messages = messages;
        this.views = views;
        this.otherNodes = otherNodes;
        this.clock = clock;
    }

    @Override
    public Optional<ProgressRelay> report(UserId sender, long assetId, int progress) {
        if (assetId <= 0 || progress < 0 || progress > 100) {
            return Optional.empty();
        }
        Optional<Message> message = messages.byAsset(AssetId.of(assetId));
        Optional<Asset> asset = message.flatMap(found -> found.asset(AssetId.of(assetId)));
        if (asset.isEmpty() || !asset.get().owner().equals(sender) || !asset.get().isUploading()
                || !mayRelayNow(assetId)) {
            return Optional.empty();
        }
        otherNodes.broadcast(new ProgressNote(assetId, progress, message.get().audience()));
        return Optional.of(relay(message.get(), asset.get(), progress));
    }

    @Override
    public Optional<ProgressRelay> relay(ProgressNote note) {
        Optional<Message> message = messages.byAsset(AssetId.of(note.assetId()));
        return message.flatMap(found -> found.asset(AssetId.of(note.assetId())))
                .filter(Asset::isUploading)
                .map(asset -> relay(message.get(), asset, note.progress()));
    }

    private ProgressRelay relay(Message message, Asset asset, int progress) {
        AssetView view = views.asset(asset);
        return new ProgressRelay(message.audience(), new AssetView(view.messageId(),
                view.assetId(), view.kind(), view.fileName(), view.fileSize(), view.contentType(), view.stage(),
                progress, view.width(), view.height(), view.duration(), view.placeholder(), null, null, null, null,
                null, view.caption(), view.altText()));
    }

    private boolean mayRelayNow(long assetId) {
        Instant now = clock.instant();
        if (lastRelayed.size() > MAX_TRACKED) {
            lastRelayed.values().removeIf(last -> last.isBefore(now.minus(MIN_INTERVAL)));
        }
        boolean[] allowed = {false};
        lastRelayed.compute(assetId, (id, last) -> {
            if (last == null || !now.isBefore(last.plus(MIN_INTERVAL))) {
                allowed[0] = true;
                return now;
            }
            return last;
        });
        return allowed[0];
    }
}
