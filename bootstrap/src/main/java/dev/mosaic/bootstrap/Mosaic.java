package dev.mosaic.bootstrap;

import dev.mosaic.adapters.http.HealthCheck;
import dev.mosaic.adapters.http.HttpApi;
import dev.mosaic.adapters.http.HttpSettings;
import dev.mosaic.adapters.http.UseCases;
import dev.mosaic.adapters.notify.InProcessNotifier;
import dev.mosaic.adapters.notify.Notifier;
import dev.mosaic.adapters.notify.PostgresNotifier;
import dev.mosaic.adapters.persistence.PersistenceAdapter;
import dev.mosaic.adapters.persistence.PersistenceSettings;
import dev.mosaic.adapters.storage.local.DiskWorkers;
import dev.mosaic.application.port.out.WorkSignal;
import dev.mosaic.application.service.AbortUploadService;
import dev.mosaic.application.service.AdmitUploadService;
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
import dev.mosaic.application.service.SweepStorageService;
import dev.mosaic.application.service.UploadProgressService;
import dev.mosaic.application.service.Views;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every adapter and use case by hand from the {@link Config}, owns every
 * thread, and closes it all in reverse order.
 */
public final class Mosaic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Mosaic.class);

    private static final Duration RESYNC_EVERY = Duration.ofSeconds(30);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Config config;
    private HttpApi http;

    private Mosaic(Config config) {
        this.config = config;
        try {
            wire();
        } catch (RuntimeException failure) {
            close();
            throw failure;
        }
    }

    private void wire() {
        // microseconds: what the databases keep, so a time read back equals the one sent
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        Role role = config.node().role();
        String node = role.name().toLowerCase(Locale.ROOT) + "-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 6);
        MosaicSettings settings = config.application();

        PersistenceAdapter database = open(PersistenceAdapter.start(config.database()));
        Notifier notifier = open(notifier(config.database()));
        ScheduledExecutorService diskFlusher = Daemons.timer("mosaic-disk-flush");
        open(diskFlusher::shutdownNow);
        ExecutorService diskHasher = Daemons.pool("mosaic-disk-hash", Runtime.getRuntime().availableProcessors());
        // not shutdownNow: a PUT still running waits for the hashes it queued; later ones run on its own thread
        open(diskHasher::shutdown);
        Stores.Opened store = Stores.open(config.storage(), config.dataDir(), config.http().publicUrl(), clock,
                new DiskWorkers(diskFlusher, diskHasher), new AdmitUploadService(database.messages()));
        open(store.closer());
        ScheduledExecutorService heartbeats = Daemons.timer("mosaic-job-heartbeat");
        open(heartbeats::shutdownNow);

        Views views = new Views(store.storage(), clock, settings.downloadUrlTtl());
        AssetChanges changes = new AssetChanges(database.transactions(), database.messages(), database.eventLog(),
                notifier, store.storage());
        ProcessAssetService processAsset = new ProcessAssetService(database.messages(), store.storage(),
                config.media().processor(), changes, clock);
        JobWorker jobWorker = new JobWorker(settings, database.transactions(), database.jobQueue(), processAsset,
                changes, clock, heartbeats);
        Optional<JobWorkers> workers = role.runsJobs()
                ? Optional.of(new JobWorkers(jobWorker, config.node().workers(),
                        role.servesHttp() ? Duration.ofSeconds(1) : Duration.ofMillis(250), node))
                : Optional.empty();
        WorkSignal workSignal = workers.isPresent() ? workers.get() : () -> { };

        if (role.servesHttp()) {
            ReadMessagesService readMessages = new ReadMessagesService(database.messages(), views);
            UploadProgressService uploadProgress = new UploadProgressService(database.messages(), views, notifier, clock);
            UseCases useCases = new UseCases(
                    new SendAlbumService(settings, database.newAlbums(), database.messages(),
                            database.idempotencyKeys(), store.storage(), notifier, views, clock),
                    new CompleteUploadService(database.messages(), store.storage(), changes, database.jobQueue(),
                            workSignal, views, database.leases(), clock),
                    new SignPartsService(settings, database.messages(), store.storage(), clock),
                    new AbortUploadService(database.messages(), store.storage(), changes, views, clock),
                    new ReplaceAssetService(settings, database.messages(), database.idempotencyKeys(), store.storage(),
                            changes, clock),
                    readMessages,
                    readMessages,
                    new ReadEventsService(database.eventLog(), views),
                    uploadProgress,
                    uploadProgress,
                    new ReadLimitsService(settings.policy(),
                            new ReadQuotaService(settings.quota(), database.messages(), clock)),
                    store.endpoint());
            startHttp(useCases, notifier, List.of(new HealthCheck("database", database::isHealthy),
                    new HealthCheck("storage", store.storage()::isHealthy)));
        }
        if (workers.isPresent()) {
            workers.get().start();
            open(workers.get());
            open(new Janitor(new ExpireUploadsService(database.messages(), store.storage(), changes, clock),
                    new SweepStorageService(database.messages(), store.storage(), clock,
                            settings.uploadUrlTtl().plus(config.node().janitorGrace())),
                    database.leases(), node, clock, config.node().janitorEvery()));
        }
        LOG.info("Mosaic {} node {} on {} (storage {}, database {}, data in {})", role.name().toLowerCase(Locale.ROOT),
                node, role.servesHttp() ? config.http().publicUrl() : "no HTTP",
                config.storage().getClass().getSimpleName().toLowerCase(Locale.ROOT),
                config.isPostgres() ? "PostgreSQL" : "H2", config.dataDir());
    }

    private static Notifier notifier(PersistenceSettings database) {
        return database.jdbcUrl().startsWith("jdbc:postgresql:")
                ? PostgresNotifier.start(database.jdbcUrl(), database.user(), database.password())
                : new InProcessNotifier();
    }

    private void startHttp(UseCases useCases, Notifier notifier, List<HealthCheck> health) {
        HttpConfig settings = config.http();
        HttpApi api = HttpApi.create(useCases,
                HttpSettings.of(settings.port(), config.tokens().settings(jwtSecret(config)))
                        .withAllowedOrigins(settings.corsOrigins())
                        .withDevSignIn(settings.devSignIn()).withLimits(config.limits().traffic()),
                health, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        notifier.subscribe(api::deliver);
        notifier.subscribeProgress(api::relayProgress);
        notifier.onResync(api::deliverToEveryone);
        api.start();
        open(api::stop);
        this.http = api;
        // a delivery that failed (the database busy for a moment), or a node that died between its commit
        // and its NOTIFY, leaves events unannounced: every socket catches up from the log now and then
        ScheduledExecutorService sweeper = Daemons.timer("mosaic-socket-resync");
        open(sweeper::shutdownNow);
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                api.deliverToEveryone();
            } catch (RuntimeException failure) {
                LOG.warn("catching up sockets failed; trying again later", failure);
            }
        }, RESYNC_EVERY.toMillis(), RESYNC_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Resources close in the reverse order of their opening: the database last. */
    private <T extends AutoCloseable> T open(T resource) {
        resources.add(0, resource);
        return resource;
    }

    /** Starts a node; the caller closes it. */
    public static Mosaic start(Config config) {
        return new Mosaic(config);
    }

    /** The HTTP port; a worker node serves no HTTP. */
    public int port() {
        if (http == null) {
            throw new IllegalStateException("a worker node serves no HTTP");
        }
        return http.port();
    }

    /** Raw HTTP/1.1 bytes through this node's HTTP stack without a socket (see {@link HttpApi#exchangeInMemory}). */
    public ByteBuffer exchangeInMemory(ByteBuffer request, Duration timeout) {
        if (http == null) {
            throw new IllegalStateException("a worker node serves no HTTP");
        }
        return http.exchangeInMemory(request, timeout);
    }

    public Config config() {
        return config;
    }

    /** The configured secret, or one generated once and kept in the data folder. */
    static byte[] jwtSecret(Config config) {
        return config.tokens().secret().orElseGet(() -> Secrets.loadOrCreate(config.dataDir(), "jwt-secret"));
    }

    @Override
    public void close() {
        for (AutoCloseable resource : List.copyOf(resources)) {
            try {
                resource.close();
            } catch (Exception failure) {
                LOG.warn("closing {} failed", resource, failure);
            }
        }
        resources.clear();
    }
}
