package dev.mosaic.application.service;

import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.application.port.out.EventNotifier;
import dev.mosaic.application.port.out.IdSource;
import dev.mosaic.application.port.out.IdempotencyKeys;
import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.application.port.out.TransactionRunner;
import dev.mosaic.application.port.out.WorkSignal;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Every use case, built from the outbound ports by hand. Closing it stops the job heartbeats. */
public final class MosaicServices implements AutoCloseable {
    /** One daemon thread renews the leases of running jobs for every worker of this node. */
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mosaic-job-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final SendAlbumService sendAlbum;
    private final CompleteUploadService completeUpload;
    private final SignPartsService signParts;
    private final AbortUploadService abortUpload;
    private final ReadMessagesService readMessages;
    private final ReadEventsService readEvents;
    private final ProcessAssetService processAsset;
    private final ExpireUploadsService expireUploads;
    private final JobWorker jobWorker;
    private final UploadProgressService uploadProgress;
    private final ReadLimitsService readLimits;

    /** What the application needs from the outside world. */
    public record Ports(Messages messages, IdSource ids, IdempotencyKeys idempotency, TransactionRunner transactions,
                        EventLog events, EventNotifier notifier, JobQueue jobs, WorkSignal workSignal,
                        ObjectStorage storage, MediaProcessor media, Clock clock) {
    }

    public MosaicServices(MosaicSettings settings, Ports ports) {
        Clock clock = ports.clock();
        Views views = new Views(ports.storage(), clock, settings.downloadUrlTtl());
        AssetChanges changes = new AssetChanges(ports.transactions(), ports.messages(), ports.events(),
                ports.notifier(), views);
        this.sendAlbum = new SendAlbumService(settings, ports.transactions(), ports.messages(), ports.ids(),
                ports.idempotency(), ports.storage(), ports.events(), ports.notifier(), views, clock);
        this.completeUpload = new CompleteUploadService(ports.messages(), ports.storage(), changes, ports.jobs(),
                ports.workSignal(), views, clock);
        this.signParts = new SignPartsService(settings, ports.messages(), ports.storage(), clock);
        this.abortUpload = new AbortUploadService(ports.messages(), ports.storage(), changes, views, clock);
        this.readMessages = new ReadMessagesService(ports.messages(), views);
        this.readEvents = new ReadEventsService(ports.events());
        this.processAsset = new ProcessAssetService(ports.messages(), ports.storage(), ports.media(), changes, clock);
        this.expireUploads = new ExpireUploadsService(ports.messages(), ports.storage(), changes, clock);
        this.jobWorker = new JobWorker(settings, ports.transactions(), ports.jobs(), processAsset, changes, clock,
                heartbeats);
        this.uploadProgress = new UploadProgressService(ports.messages(), views, clock);
        this.readLimits = new ReadLimitsService(settings.policy());
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

    public ProcessAssetService processAsset() {
        return processAsset;
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

    @Override
    public void close() {
        heartbeats.shutdownNow();
    }
}
