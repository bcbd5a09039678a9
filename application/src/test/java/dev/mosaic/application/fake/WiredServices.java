package dev.mosaic.application.fake;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.application.port.out.EventNotifier;
import dev.mosaic.application.port.out.NewAlbums;
import dev.mosaic.application.port.out.Unavailable;
import dev.mosaic.application.port.out.WorkSignal;
import dev.mosaic.application.service.AbortUploadService;
import dev.mosaic.application.service.AssetChanges;
import dev.mosaic.application.service.CompleteUploadService;
import dev.mosaic.application.service.ExpireUploadsService;
import dev.mosaic.application.service.JobWorker;
import dev.mosaic.application.service.MosaicSettings;
import dev.mosaic.application.service.ProcessAssetService;
import dev.mosaic.application.service.ReadEventsService;
import dev.mosaic.application.service.ReadLimitsService;
import dev.mosaic.application.service.ReadMessagesService;
import dev.mosaic.application.service.ReadQuotaService;
import dev.mosaic.application.service.ReplaceAssetService;
import dev.mosaic.application.service.SendAlbumService;
import dev.mosaic.application.service.SignPartsService;
import dev.mosaic.application.service.UploadProgressService;
import dev.mosaic.application.service.Views;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Every use case wired to a {@link FakeWorld}'s fakes, as bootstrap wires them to the real adapters. */
public final class WiredServices implements AutoCloseable {
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-job-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final SendAlbumService sendAlbum;
    private final CompleteUploadService completeUpload;
    private final SignPartsService signParts;
    private final AbortUploadService abortUpload;
    private final ReadMessagesService readMessages;
    private final ReadEventsService readEvents;
    private final ExpireUploadsService expireUploads;
    private final JobWorker jobWorker;
    private final UploadProgressService uploadProgress;
    private final ReadLimitsService readLimits;
    private final ReadQuotaService readQuota;
    private final ReplaceAssetService replaceAsset;

    WiredServices(MosaicSettings settings, FakeWorld world, EventLog events, EventNotifier notifier,
                  WorkSignal signal) {
        Views views = new Views(world.storage, world.clock, settings.downloadUrlTtl());
        AssetChanges changes = new AssetChanges(world.transactions, world.messages, events, notifier, world.storage);
        this.sendAlbum = new SendAlbumService(settings, answerLosing(world,
                new NewAlbumsFromPorts(world.transactions, world.messages, world.ids, world.idempotency, events)),
                world.messages, world.idempotency, world.storage, notifier, views, world.clock);
        this.completeUpload = new CompleteUploadService(world.messages, world.storage, changes, world.jobs, signal,
                views, world.leases, world.clock);
        this.signParts = new SignPartsService(settings, world.messages, world.storage, world.clock);
        this.abortUpload = new AbortUploadService(world.messages, world.storage, changes, views, world.clock);
        this.readMessages = new ReadMessagesService(world.messages, views);
        this.readEvents = new ReadEventsService(events, views);
        ProcessAssetService processAsset = new ProcessAssetService(world.messages, world.storage, world.media,
                changes, world.clock);
        this.expireUploads = new ExpireUploadsService(world.messages, world.storage, changes, world.clock);
        this.jobWorker = new JobWorker(settings, world.transactions, world.jobs, processAsset, changes, world.clock,
                heartbeats);
        this.uploadProgress = new UploadProgressService(world.messages, views, world.progressNotes::add, world.clock);
        this.readQuota = new ReadQuotaService(settings.quota(), world.messages, world.clock);
        this.readLimits = new ReadLimitsService(settings.policy(), readQuota);
        this.replaceAsset = new ReplaceAssetService(settings, world.messages, world.idempotency, world.storage,
                changes, world.clock);
    }

    /** {@code albums}, whose store commits and then fails once {@link FakeWorld#loseNextStoresAnswer} is set. */
    private static NewAlbums answerLosing(FakeWorld world, NewAlbums albums) {
        return new NewAlbums() {
            @Override
            public Reserved reserve(UserId sender, Instant windowStart, int assets) {
                return albums.reserve(sender, windowStart, assets);
            }

            @Override
            public void store(Message album, Optional<String> idempotencyKey, Fact fact) {
                albums.store(album, idempotencyKey, fact);
                if (world.loseNextStoresAnswer.getAndSet(false)) {
                    throw new Unavailable(Unavailable.Part.DATABASE, "the connection was lost after the commit",
                            null);
                }
            }
        };
    }

    public ReplaceAssetService replaceAsset() {
        return replaceAsset;
    }

    public SendAlbumService sendAlbum() {
        return sendAlbum;
    }

    public CompleteUploadService completeUpload() {
        return completeUpload;
    }

    public SignPartsService signParts() {
        return signParts;
    }

    public AbortUploadService abortUpload() {
        return abortUpload;
    }

    public ReadMessagesService readMessages() {
        return readMessages;
    }

    public ReadEventsService readEvents() {
        return readEvents;
    }

    public ExpireUploadsService expireUploads() {
        return expireUploads;
    }

    public JobWorker jobWorker() {
        return jobWorker;
    }

    public UploadProgressService uploadProgress() {
        return uploadProgress;
    }

    public ReadLimitsService readLimits() {
        return readLimits;
    }

    public ReadQuotaService readQuota() {
        return readQuota;
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
    }
}
