package dev.mosaic.application.service;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.port.in.QuotaExceeded;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.in.SendAlbumCommand;
import dev.mosaic.application.port.in.SendAlbumUseCase;
import dev.mosaic.application.port.out.EventNotifier;
import dev.mosaic.application.port.out.IdempotencyKeys;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.NewAlbumIds;
import dev.mosaic.application.port.out.NewAlbums;
import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.application.port.out.Unavailable;
import dev.mosaic.application.view.AlbumCreated;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UploadQuota;
import dev.mosaic.domain.UploadUsage;
import dev.mosaic.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 1: checks the whole batch, reserves the album's ids (reading the sender's quota with them), starts the
 * multipart uploads, then stores the message, its assets, the idempotency key's completion and the
 * {@code chat_message} events all at once. When anything fails, the multipart uploads already started are aborted,
 * so nothing is left behind.
 */
public final class SendAlbumService implements SendAlbumUseCase {
    private final MosaicSettings settings;
    private final AttachmentRules rules;
    private final NewAlbums albums;
    private final Messages messages;
    private final IdempotencyClaims idempotency;
    private final ObjectStorage storage;
    private final EventNotifier notifier;
    private final Views views;
    private final UploadInstructions instructions;
    private final Clock clock;

    public SendAlbumService(MosaicSettings settings, NewAlbums albums, Messages messages, IdempotencyKeys idempotency,
                            ObjectStorage storage, EventNotifier notifier, Views views, Clock clock) {
        this.settings = settings;
        this.rules = new AttachmentRules(settings.policy());
        this.albums = albums;
        this.messages = messages;
        this.idempotency = new IdempotencyClaims(idempotency, clock);
        this.storage = storage;
        this.notifier = notifier;
        this.views = views;
        this.instructions = new UploadInstructions(storage);
        this.clock = clock;
    }

    @Override
    public AlbumCreated send(SendAlbumCommand command) {
        List<AttachmentRules.Checked> checked = check(command);
        if (command.idempotencyKey() == null) {
            return announced(create(command, checked));
        }
        String key = command.idempotencyKey();
        String fingerprint = command.fingerprint();
        if (!idempotency.claim(command.sender(), key, fingerprint)) {
            return replay(command.sender(), key, fingerprint);
        }
        Message message;
        try {
            message = create(command, checked);
        } catch (RuntimeException failure) {
            // nothing was committed (a store that committed before its answer was lost is answered by create), and
            // the key is freed for the retry; a key some album completed stays completed: release keeps it
            idempotency.release(command.sender(), key);
            throw failure;
        }
        return announced(message);
    }

    /** After the commit nothing may undo the album: signal the sockets, then sign the URLs. */
    private AlbumCreated announced(Message message) {
        notifier.published(message.audience());
        return created(message);
    }

    private List<AttachmentRules.Checked> check(SendAlbumCommand command) {
        var policy = settings.policy();
        if (command.attachments().size() > policy.maxAttachments()) {
            throw new RequestRejected(Reason.UNPROCESSABLE, "too_many_attachments",
                    "an album holds at most " + policy.maxAttachments() + " attachments");
        }
        if (!policy.textFits(command.text())) {
            throw new RequestRejected(Reason.UNPROCESSABLE, "text_too_long",
                    "text may be at most " + policy.maxTextLength() + " characters");
        }
        List<AttachmentRules.Checked> checked = new ArrayList<>();
        for (int i = 0; i < command.attachments().size(); i++) {
            checked.add(rules.check("attachments[" + i + "].", command.attachments().get(i)));
        }
        return checked;
    }

    /**
     * Reserves, builds and stores the album; on any failure before the store's commit, the multipart uploads it
     * started are aborted. Two calls to the database, each all or nothing on its own and neither holding a connection
     * while the store is asked to start an upload (a round trip to a remote store). The reservation writes nothing but
     * the sequences' advance: ids a failed album drew are skipped, never handed out twice. Its commit need not wait for
     * the disk (the adapter may let it return first): nothing is answered or stored from it until the album's own
     * commit, which is durable and, the database writing one log in order, makes the reservation's durable with it.
     */
    private Message create(SendAlbumCommand command, List<AttachmentRules.Checked> checked) {
        Instant now = clock.instant();
        List<Asset> assets = new ArrayList<>();
        Message album;
        try {
            NewAlbums.Reserved reserved = albums.reserve(command.sender(), now.minus(UploadQuota.WINDOW),
                    checked.size());
            enforceQuota(reserved.usage(), checked);
            album = album(command, checked, reserved.ids(), now, assets);
        } catch (RuntimeException failure) {
            abortStarted(assets, failure);
            throw failure;
        }
        try {
            albums.store(album, Optional.ofNullable(command.idempotencyKey()), new Fact.AlbumSent(album));
        } catch (RuntimeException failure) {
            if (storedAnyway(album, failure)) {
                return album;
            }
            abortStarted(assets, failure);
            throw failure;
        }
        return album;
    }

    /**
     * Whether a store that failed as unavailable committed all the same: its one round trip may have committed before
     * the connection was lost, and then the album is the client's, multipart uploads and all. When the database cannot
     * say, the album counts as not stored (its uploads are aborted; were it stored, its assets expire unfinished).
     */
    private boolean storedAnyway(Message album, RuntimeException failure) {
        if (!(failure instanceof Unavailable)) {
            return false;
        }
        try {
            return messages.byId(album.id()).isPresent();
        } catch (RuntimeException stillDown) {
            failure.addSuppressed(stillDown);
            return false;
        }
    }

    private void abortStarted(List<Asset> assets, RuntimeException failure) {
        assets.forEach(asset -> asset.multipart().ifPresent(plan -> abortQuietly(asset, plan, failure)));
    }

    /** The album with its assets, each multipart upload started (and added to {@code started} at once). */
    private Message album(SendAlbumCommand command, List<AttachmentRules.Checked> checked, NewAlbumIds reserved,
                          Instant now, List<Asset> started) {
        UserId sender = command.sender();
        MessageId messageId = reserved.message();
        for (int i = 0; i < checked.size(); i++) {
            AttachmentRules.Checked attachment = checked.get(i);
            AssetId assetId = reserved.assets().get(i);
            UploadPlan plan = attachment.plan() instanceof UploadPlan.Multipart multipart
                    ? multipart.startedAs(storage.startMultipart(
                            ObjectKey.raw(sender, assetId, attachment.fileName()), attachment.contentType()))
                    : attachment.plan();
            started.add(Asset.awaitingUpload(assetId, messageId, sender, attachment.kind(), attachment.fileName(),
                    attachment.contentType(), plan, attachment.hints(), attachment.text(), now,
                    now.plus(settings.uploadDeadline())));
        }
        return new Message(messageId, sender, UserId.of(command.receiverId()), command.text(), now, started);
    }

    /**
     * Counted from the stored albums, so it holds across nodes and restarts; two albums sent at the same moment
     * may both pass the last free place.
     */
    private void enforceQuota(UploadUsage usage, List<AttachmentRules.Checked> checked) {
        long bytes = checked.stream().mapToLong(attachment -> attachment.plan().fileSize()).sum();
        settings.quota().check(usage, checked.size(), bytes).ifPresent(breach -> {
            throw new QuotaExceeded(breach);
        });
    }

    private void abortQuietly(Asset asset, UploadPlan.Multipart plan, RuntimeException cause) {
        try {
            storage.abortMultipart(asset.objectKey(), plan.startedId());
        } catch (RuntimeException abortFailure) {
            cause.addSuppressed(abortFailure);
        }
    }

    private AlbumCreated replay(UserId sender, String key, String fingerprint) {
        MessageId made = idempotency.replayed(sender, key, fingerprint);
        return created(messages.byId(made).orElseThrow(() ->
                new IllegalStateException("idempotency key names a missing message " + made)));
    }

    private AlbumCreated created(Message message) {
        Instant expiresAt = clock.instant().plus(settings.uploadUrlTtl());
        return new AlbumCreated(message.id().value(),
                message.assets().stream()
                        .map(asset -> instructions.forAsset(asset, expiresAt, settings.firstPartBatch()))
                        .toList(),
                views.message(message));
    }
}
