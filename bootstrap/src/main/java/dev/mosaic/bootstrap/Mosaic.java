package dev.mosaic.bootstrap;

import dev.mosaic.adapters.http.HealthCheck;
import dev.mosaic.adapters.http.HttpApi;
import dev.mosaic.adapters.http.HttpSettings;
import dev.mosaic.adapters.http.TokenSettings;
import dev.mosaic.adapters.http.UseCases;
import dev.mosaic.adapters.media.MediaProcessors;
import dev.mosaic.adapters.media.MediaSettings;
import dev.mosaic.adapters.notify.InProcessNotifier;
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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: reads the configuration, builds every adapter by hand, and runs them. */
public final class Mosaic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Mosaic.class);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final HttpApi http;
    private final Config config;

    private Mosaic(Config requested) {
        Clock clock = Clock.systemUTC();
        PersistenceAdapter database = PersistenceAdapter.start(
                new PersistenceSettings(requested.dbUrl(), requested.dbUser(), requested.dbPassword(), 10));
        resources.add(database::close);
        try {
            InProcessNotifier notifier = new InProcessNotifier();
            resources.add(0, notifier);
            StorageConfig.Store stores = StorageConfig.open(requested, clock);
            resources.add(0, stores.closer());
            MosaicSettings settings = MosaicSettings.defaults().withUploadDeadline(requested.uploadExpiry());
            JobWorkers[] workers = new JobWorkers[1];
            MosaicServices services = new MosaicServices(settings, new MosaicServices.Ports(
                    database.messages(), database.ids(), database.idempotencyKeys(), database.transactions(),
                    database.eventLog(), notifier, database.jobQueue(), () -> workers[0].workAvailable(),
                    stores.storage(), MediaProcessors.create(MediaSettings.defaults().withMaxPixels(requested.maxPixels())),
                    clock));
            workers[0] = new JobWorkers(services.jobWorker(), requested.workers(), Duration.ofSeconds(1), "node");
            this.http = HttpApi.create(
                    new UseCases(services.sendAlbum(), services.completeUpload(), services.signParts(),
                            services.abortUpload(), services.readMessages(), services.readMessages(),
                            services.readEvents(), services.uploadProgress(), stores.endpoint()),
                    HttpSettings.of(requested.port(), tokens(requested)).withAllowedOrigins(requested.corsOrigins())
                            .withDevSignIn(requested.jwtSecret().isEmpty() && requested.jwksUrl().isEmpty()),
                    List.of(new HealthCheck("database", database::isHealthy),
                            new HealthCheck("storage", stores.storage()::isHealthy)),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            notifier.subscribe(http::deliver);
            http.start();
            resources.add(0, http::stop);
            this.config = requested;
            workers[0].start();
            resources.add(0, workers[0]);
            resources.add(0, new Janitor(services.expireUploads(), Duration.ofMinutes(1)));
            LOG.info("Mosaic serves on {} (storage {}, data in {})", config.publicUrl(),
                    config.storage().name().toLowerCase(java.util.Locale.ROOT), config.dataDir());
        } catch (RuntimeException failure) {
            close();
            throw failure;
        }
    }

    /** Starts a node; the caller closes it. */
    public static Mosaic start(Config config) {
        return new Mosaic(config);
    }

    public int port() {
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

    private static TokenSettings tokens(Config config) {
        try {
            return new TokenSettings(jwtSecret(config),
                    config.jwksUrl().isPresent() ? Optional.of(config.jwksUrl().get().toURL()) : Optional.empty(),
                    Optional.empty(), Optional.empty());
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
