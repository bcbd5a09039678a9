package dev.mosaic.bootstrap;

import dev.mosaic.adapters.http.HealthCheck;
import dev.mosaic.adapters.http.HttpApi;
import dev.mosaic.adapters.http.HttpSettings;
import dev.mosaic.adapters.http.TokenSettings;
import dev.mosaic.adapters.http.UseCases;
import dev.mosaic.adapters.media.MediaProcessors;
import dev.mosaic.adapters.persistence.PersistenceAdapter;
import dev.mosaic.adapters.persistence.PersistenceSettings;
import dev.mosaic.application.service.MosaicServices;
import dev.mosaic.application.service.MosaicSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: reads the configuration, builds every adapter by hand, and runs them. */
public final class Mosaic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Mosaic.class);

    private static final Duration RESYNC_EVERY = Duration.ofSeconds(30);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final HttpApi http;
    private final Config config;

    private Mosaic(Config config) {
        this.config = config;
        // microseconds: what the databases keep, so a time read back equals the one sent
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        String node = config.role().name().toLowerCase(Locale.ROOT) + "-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 6);
        PersistenceAdapter database = PersistenceAdapter.start(
                new PersistenceSettings(config.dbUrl(), config.dbUser(), config.dbPassword(), 10));
        closeFirst(database);
        try {
            EventNotifiers notifier = EventNotifiers.open(config);
            closeFirst(notifier);
            StorageConfig.Store stores = StorageConfig.open(config, clock);
            closeFirst(stores.closer());
            MosaicSettings settings = MosaicSettings.defaults()
                    .withUploadDeadline(config.uploadExpiry())
                    .withJobLease(config.jobLease());
            JobWorkers[] workers = new JobWorkers[1];
            MosaicServices services = new MosaicServices(settings, new MosaicServices.Ports(
                    database.messages(), database.ids(), database.idempotencyKeys(), database.transactions(),
                    database.eventLog(), notifier, database.jobQueue(), () -> {
                        if (workers[0] != null) {
                            workers[0].workAvailable();
                        }
                    },
                    stores.storage(), MediaProcessors.create(MediaConfig.from(config)), clock));
            closeFirst(services);
            this.http = config.role().servesHttp() ? startHttp(config, database, stores, services, notifier) : null;
            if (config.role().runsJobs()) {
                Duration poll = config.role().servesHttp() ? Duration.ofSeconds(1) : Duration.ofMillis(250);
                workers[0] = new JobWorkers(services.jobWorker(), config.workers(), poll, node);
                workers[0].start();
                closeFirst(workers[0]);
                closeFirst(new Janitor(services.expireUploads(), database.leases(), node, clock, config.janitorEvery()));
            }
            LOG.info("Mosaic {} node {} on {} (storage {}, database {}, data in {})", config.role().name()
                            .toLowerCase(Locale.ROOT), node, config.role().servesHttp() ? config.publicUrl() : "no HTTP",
                    config.storage().name().toLowerCase(Locale.ROOT), config.isPostgres() ? "PostgreSQL" : "H2",
                    config.dataDir());
        } catch (RuntimeException failure) {
            close();
            throw failure;
        }
    }

    private HttpApi startHttp(Config config, PersistenceAdapter database, StorageConfig.Store stores,
                              MosaicServices services, EventNotifiers notifier) {
        HttpApi api = HttpApi.create(
                new UseCases(services.sendAlbum(), services.completeUpload(), services.signParts(),
                        services.abortUpload(), services.readMessages(), services.readMessages(),
                        services.readEvents(), services.uploadProgress(), stores.endpoint()),
                HttpSettings.of(config.port(), tokens(config)).withAllowedOrigins(config.corsOrigins())
                        .withDevSignIn(devSignIn(config)).withLimits(config.limits().traffic()),
                List.of(new HealthCheck("database", database::isHealthy),
                        new HealthCheck("storage", stores.storage()::isHealthy)),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        notifier.subscribe(api::deliver);
        notifier.onResync(api::deliverToEveryone);
        api.start();
        closeFirst(api::stop);
        // a delivery that failed (the database busy for a moment), or a node that died between its commit
        // and its NOTIFY, leaves events unannounced: every socket catches up from the log now and then
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mosaic-socket-resync");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                api.deliverToEveryone();
            } catch (RuntimeException failure) {
                LOG.warn("catching up sockets failed; trying again later", failure);
            }
        }, RESYNC_EVERY.toMillis(), RESYNC_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        closeFirst(sweeper::shutdownNow);
        return api;
    }

    /** Resources close in the reverse order of their opening: the database last. */
    private void closeFirst(AutoCloseable resource) {
        resources.add(0, resource);
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

    public Config config() {
        return config;
    }

    /** The configured secret, or one generated once and kept in the data folder. */
    static byte[] jwtSecret(Config config) {
        if (config.jwtSecret().isPresent()) {
            byte[] secret = config.jwtSecret().get().getBytes(StandardCharsets.UTF_8);
            if (secret.length < TokenSettings.MIN_SECRET_BYTES) {
                throw new ConfigException("MOSAIC_JWT_SECRET must be at least " + TokenSettings.MIN_SECRET_BYTES
                        + " bytes long");
            }
            return secret;
        }
        return Secrets.loadOrCreate(config.dataDir(), "jwt-secret");
    }

    /**
     * The development sign-in (anyone may be any user): only with Mosaic's own generated secret, and
     * unless {@code MOSAIC_DEV_SIGN_IN} says otherwise, only while the server is reached on loopback.
     */
    static boolean devSignIn(Config config) {
        if (config.jwtSecret().isPresent() || config.jwksUrl().isPresent()) {
            return false;
        }
        String asked = config.environment().getOrDefault("MOSAIC_DEV_SIGN_IN", "");
        if (!asked.isBlank()) {
            return Boolean.parseBoolean(asked.trim());
        }
        String host = config.publicUrl().getHost();
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    private static TokenSettings tokens(Config config) {
        try {
            Map<String, String> env = config.environment();
            Optional<String> issuer = Optional.ofNullable(env.get("MOSAIC_JWT_ISSUER")).filter(v -> !v.isBlank());
            if (config.jwksUrl().isPresent() && issuer.isEmpty()) {
                throw new ConfigException("MOSAIC_JWKS_URL needs MOSAIC_JWT_ISSUER too (the identity provider's"
                        + " issuer), or tokens of any application of that provider would be accepted");
            }
            return new TokenSettings(jwtSecret(config),
                    config.jwksUrl().isPresent() ? Optional.of(config.jwksUrl().get().toURL()) : Optional.empty(),
                    issuer,
                    Optional.ofNullable(env.get("MOSAIC_JWT_AUDIENCE")).filter(v -> !v.isBlank()));
        } catch (MalformedURLException e) {
            throw new ConfigException("MOSAIC_JWKS_URL is not a URL: " + config.jwksUrl().map(URI::toString).orElse(""));
        }
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
