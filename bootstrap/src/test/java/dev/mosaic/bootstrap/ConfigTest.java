package dev.mosaic.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.adapters.persistence.PersistenceSettings;
import dev.mosaic.adapters.storage.local.DiskWorkers;
import dev.mosaic.adapters.storage.s3.S3Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {
    @TempDir
    Path dataDir;

    @Test
    void withNothingSetMosaicRunsOnItsEmbeddedDefaults() {
        Config config = Config.from(Map.of());

        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
        assertThat(config.http().publicUrl()).hasToString("http://localhost:8080");
        assertThat(config.storage()).isEqualTo(new StorageConfig.Local());
        assertThat(config.database().jdbcUrl()).startsWith("jdbc:h2:file:");
        assertThat(config.database().user()).isEqualTo("sa");
        assertThat(config.isPostgres()).isFalse();
        assertThat(config.node().role()).isEqualTo(Role.ALL);
        assertThat(config.node().workers()).isEqualTo(2);
        assertThat(config.application().uploadDeadline()).isEqualTo(Duration.ofHours(24));
        assertThat(config.application().jobLease()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.application().downloadUrlTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(config.http().corsOrigins()).containsExactly("*");
        assertThat(config.tokens().secret()).isEmpty();
    }

    @Test
    void settingsAreReadFromTheirVariables() {
        Config config = Config.from(Map.of(
                "MOSAIC_PORT", "9090",
                "MOSAIC_PUBLIC_URL", "https://chat.example.com/",
                "MOSAIC_DB_URL", "jdbc:postgresql://db/mosaic",
                "MOSAIC_ROLE", "worker",
                "MOSAIC_UPLOAD_EXPIRY", "PT2H",
                "MOSAIC_CORS_ORIGINS", "https://a.example, https://b.example",
                "MOSAIC_DB_USER", "mosaic",
                "MOSAIC_JOB_LEASE", "PT30S",
                "MOSAIC_JANITOR_EVERY", "PT5M",
                "MOSAIC_WORKERS", "8"));

        assertThat(config.http().port()).isEqualTo(9090);
        assertThat(Config.from(Map.of("MOSAIC_DB_POOL_SIZE", "24")).database().maxPoolSize()).isEqualTo(24);
        assertThat(config.database().maxPoolSize()).isEqualTo(PersistenceSettings.DEFAULT_POOL_SIZE);
        assertThat(config.http().publicUrl()).hasToString("https://chat.example.com");
        assertThat(config.isPostgres()).isTrue();
        assertThat(config.database().user()).isEqualTo("mosaic");
        assertThat(config.node().role().servesHttp()).isFalse();
        assertThat(config.node().role().runsJobs()).isTrue();
        assertThat(config.node().workers()).isEqualTo(8);
        assertThat(config.node().janitorEvery()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.application().uploadDeadline()).isEqualTo(Duration.ofHours(2));
        assertThat(config.application().jobLease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(Config.from(Map.of("MOSAIC_DOWNLOAD_URL_TTL", "PT5S")).application().downloadUrlTtl())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(config.http().corsOrigins()).containsExactly("https://a.example", "https://b.example");
    }

    @Test
    void s3SettingsAreReadFromTheirVariables() {
        Config config = Config.from(Map.of("MOSAIC_STORAGE", "S3", "MOSAIC_S3_BUCKET", "media",
                "MOSAIC_S3_ENDPOINT", "http://minio:9000", "MOSAIC_S3_PATH_STYLE", "true",
                "MOSAIC_S3_ACCESS_KEY", "id", "MOSAIC_S3_SECRET_KEY", "key"));

        S3Settings s3 = ((StorageConfig.S3) config.storage()).settings();
        assertThat(s3.bucket()).isEqualTo("media");
        assertThat(s3.region()).isEqualTo("us-east-1");
        assertThat(s3.endpoint()).contains(URI.create("http://minio:9000"));
        assertThat(s3.pathStyle()).isTrue();
        assertThat(s3.hasStaticKeys()).isTrue();
        assertThat(((StorageConfig.Gcs) Config.from(Map.of("MOSAIC_STORAGE", "gcs", "MOSAIC_GCS_BUCKET", "media"))
                .storage()).settings()).satisfies(gcs -> {
                    assertThat(gcs.bucket()).isEqualTo("media");
                    assertThat(gcs.endpoint()).isEmpty();
                });
        assertThat(((StorageConfig.Gcs) Config.from(Map.of("MOSAIC_STORAGE", "gcs", "MOSAIC_GCS_BUCKET", "media",
                "MOSAIC_GCS_ENDPOINT", "http://127.0.0.1:4443")).storage()).settings().endpoint())
                .contains(URI.create("http://127.0.0.1:4443"));
        assertThatThrownBy(() -> Config.from(Map.of("MOSAIC_STORAGE", "gcs", "MOSAIC_GCS_BUCKET", "media",
                "MOSAIC_GCS_ENDPOINT", "http://gcs/media")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MOSAIC_GCS_ENDPOINT");
        assertThatThrownBy(() -> Config.from(Map.of("MOSAIC_STORAGE", "s3", "MOSAIC_S3_BUCKET", "media",
                "MOSAIC_S3_PATH_STYLE", "yes")))
                .isInstanceOf(ConfigException.class).hasMessage("MOSAIC_S3_PATH_STYLE must be true or false (was 'yes')");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "MOSAIC_PORT, eighty, MOSAIC_PORT must be a whole number",
            "MOSAIC_PORT, 70000, MOSAIC_PORT must be between 0 and 65535",
            "MOSAIC_STORAGE, dropbox, MOSAIC_STORAGE must be one of local, s3, gcs",
            "MOSAIC_ROLE, boss, MOSAIC_ROLE must be one of all, api, worker",
            "MOSAIC_DEV_SIGN_IN, on, MOSAIC_DEV_SIGN_IN must be true or false",
            "MOSAIC_JOB_LEASE, PT0S, MOSAIC_JOB_LEASE must be positive",
            "MOSAIC_DOWNLOAD_URL_TTL, 12h, MOSAIC_DOWNLOAD_URL_TTL must be an ISO-8601 duration",
            "MOSAIC_JWKS_URL, jwks, MOSAIC_JWKS_URL must be an absolute URL",
            "MOSAIC_UPLOAD_EXPIRY, tomorrow, MOSAIC_UPLOAD_EXPIRY must be an ISO-8601 duration",
            "MOSAIC_PUBLIC_URL, localhost, MOSAIC_PUBLIC_URL must be an absolute URL",
            "MOSAIC_WORKERS, 0, MOSAIC_WORKERS must be between 1 and 64",
            "MOSAIC_DB_POOL_SIZE, 0, MOSAIC_DB_POOL_SIZE must be between 1 and 1000",
            "MOSAIC_DB_POOL_SIZE, many, MOSAIC_DB_POOL_SIZE must be a whole number",
            "MOSAIC_HTTP_IDLE_TIMEOUT, 30, MOSAIC_HTTP_IDLE_TIMEOUT must be an ISO-8601 duration",
            "MOSAIC_MIN_BODY_RATE, 0, MOSAIC_MIN_BODY_RATE must be between 1 and",
            "MOSAIC_RATE_USER_BURST, lots, MOSAIC_RATE_USER_BURST must be a whole number",
            "MOSAIC_RATE_ADDRESS_PER_SECOND, -1, MOSAIC_RATE_ADDRESS_PER_SECOND must be between 1 and",
            "MOSAIC_SOCKETS_PER_USER, 0, MOSAIC_SOCKETS_PER_USER must be between 1 and",
            "MOSAIC_QUOTA_PENDING_BYTES, 1GB, MOSAIC_QUOTA_PENDING_BYTES must be a whole number",
            "MOSAIC_QUOTA_ALBUMS_PER_DAY, 0, MOSAIC_QUOTA_ALBUMS_PER_DAY must be between 1 and"})
    void aWrongSettingStopsStartUpWithOneLineSayingWhatToSet(String name, String value, String message) {
        assertThatThrownBy(() -> Config.from(Map.of(name, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message)
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("\n"));
    }

    @Test
    void s3WithoutABucketSaysWhichVariableToSet() {
        assertThatThrownBy(() -> Config.from(Map.of("MOSAIC_STORAGE", "s3", "MOSAIC_DATA_DIR", dataDir.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MOSAIC_S3_BUCKET");
    }

    @Test
    void gcsWithoutABucketSaysWhichVariableToSet() {
        assertThatThrownBy(() -> Config.from(Map.of("MOSAIC_STORAGE", "gcs", "MOSAIC_DATA_DIR", dataDir.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MOSAIC_GCS_BUCKET");
    }

    @Test
    void gcsWithAnUnreadableKeyFileSaysWhichVariableToSet() {
        Config config = Config.from(Map.of("MOSAIC_STORAGE", "gcs", "MOSAIC_GCS_BUCKET", "mosaic-media",
                "MOSAIC_GCS_CREDENTIALS", dataDir.resolve("missing.json").toString(),
                "MOSAIC_DATA_DIR", dataDir.toString()));
        assertThatThrownBy(() -> Stores.open(config.storage(), dataDir, config.http().publicUrl(), Clock.systemUTC(),
                new DiskWorkers(Runnable::run, Runnable::run),
                dev.mosaic.application.port.in.AdmitUploadUseCase.EVERY_SIGNED_PUT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MOSAIC_GCS_CREDENTIALS");
    }

    @Test
    void limitsAreReadFromTheirVariables() {
        LimitsConfig limits = Config.from(Map.ofEntries(Map.entry("MOSAIC_HTTP_IDLE_TIMEOUT", "PT5S"),
                Map.entry("MOSAIC_MIN_BODY_RATE", "2048"), Map.entry("MOSAIC_MAX_CONCURRENT_PUTS", "7"),
                Map.entry("MOSAIC_RATE_USER_BURST", "11"), Map.entry("MOSAIC_RATE_USER_PER_SECOND", "3"),
                Map.entry("MOSAIC_RATE_ADDRESS_BURST", "13"), Map.entry("MOSAIC_RATE_ADDRESS_PER_SECOND", "2"),
                Map.entry("MOSAIC_SOCKETS_PER_USER", "4"), Map.entry("MOSAIC_SOCKETS_PER_ADDRESS", "6"),
                Map.entry("MOSAIC_QUOTA_PENDING_UPLOADS", "9"), Map.entry("MOSAIC_QUOTA_PENDING_BYTES", "123456"),
                Map.entry("MOSAIC_QUOTA_ALBUMS_PER_DAY", "8"))).limits();

        assertThat(limits.traffic()).isEqualTo(new dev.mosaic.adapters.http.TrafficLimits(Duration.ofSeconds(5), 2048,
                7, dev.mosaic.adapters.http.TrafficLimits.RateLimit.perSecond(11, 3),
                dev.mosaic.adapters.http.TrafficLimits.RateLimit.perSecond(13, 2), 4, 6));
        assertThat(limits.quota()).isEqualTo(new dev.mosaic.domain.UploadQuota(9, 123456, 8));
        assertThat(Config.from(Map.of("MOSAIC_QUOTA_ALBUMS_PER_DAY", "8")).application().quota().maxAlbumsPerDay())
                .isEqualTo(8);
        assertThat(Config.from(Map.of()).limits())
                .isEqualTo(new LimitsConfig(dev.mosaic.adapters.http.TrafficLimits.defaults(),
                        dev.mosaic.domain.UploadQuota.defaults()));
    }

    @Test
    void videoLimitsAndToolsAreReadFromTheirVariables() {
        MediaConfig config = Config.from(Map.of("MOSAIC_FFMPEG", "/opt/ffmpeg/bin/ffmpeg",
                "MOSAIC_VIDEO_MAX_DURATION", "PT10M", "MOSAIC_TRANSCODES", "3", "MOSAIC_VIDEO_MAX_HEIGHT", "480",
                "MOSAIC_MAX_PIXELS", "20000000", "PATH", "/usr/local/bin:/usr/bin")).media();
        var media = config.settings();

        assertThat(media.maxPixels()).isEqualTo(20_000_000);
        assertThat(media.video().ffmpeg()).hasValue(Path.of("/opt/ffmpeg/bin/ffmpeg"));
        assertThat(media.video().ffprobe()).isEmpty();
        assertThat(media.video().maxDuration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(media.video().maxConcurrentTranscodes()).isEqualTo(3);
        assertThat(media.video().playbackShortSide()).isEqualTo(480);
        assertThat(config.searchPath()).isEqualTo("/usr/local/bin:/usr/bin");
        assertThatThrownBy(() -> Config.from(Map.of("MOSAIC_TRANSCODES", "none")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MOSAIC_TRANSCODES");
    }

    @Test
    void libvipsIsReadFromItsVariablesOrLeftToThePath() {
        var configured = Config.from(Map.of("MOSAIC_VIPS", "/opt/vips/bin/vips",
                "MOSAIC_VIPSHEADER", "/opt/vips/bin/vipsheader")).media().settings().vips();
        var unset = Config.from(Map.of()).media().settings().vips();

        assertThat(configured.vips()).hasValue(Path.of("/opt/vips/bin/vips"));
        assertThat(configured.vipsheader()).hasValue(Path.of("/opt/vips/bin/vipsheader"));
        assertThat(unset.vips()).isEmpty();
        assertThat(unset.vipsheader()).isEmpty();
    }

    @Test
    void aConfiguredProgramThatIsNoneStopsStartUpNamingIt() {
        Path notAProgram = dataDir.resolve("vips");

        assertThatThrownBy(() -> Config.from(Map.of("MOSAIC_VIPS", notAProgram.toString())).media().processor())
                .isInstanceOf(ConfigException.class).hasMessageContaining(notAProgram.toString())
                .hasMessageContaining("MOSAIC_VIPS");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "on loopback with the generated secret, http://localhost:8080, '', true",
            "on a public address, https://chat.example.com, '', false",
            "asked for on a public address, https://chat.example.com, true, true",
            "refused on loopback, http://127.0.0.1:8080, false, false"})
    void theDevelopmentSignInIsOnOnlyForLocalDevelopment(String name, String publicUrl, String asked, boolean on) {
        Config config = Config.from(Map.of("MOSAIC_PUBLIC_URL", publicUrl, "MOSAIC_DEV_SIGN_IN", asked));
        assertThat(config.http().devSignIn()).isEqualTo(on);
        Config withSecret = Config.from(Map.of("MOSAIC_PUBLIC_URL", publicUrl, "MOSAIC_DEV_SIGN_IN", "true",
                "MOSAIC_JWT_SECRET", "a-configured-secret-that-is-long-enough"));
        assertThat(withSecret.http().devSignIn()).isFalse();
    }

    @Test
    void aJwksWithoutAnIssuerStopsStartUp() {
        assertThatThrownBy(() -> Config.from(Map.of("MOSAIC_JWKS_URL", "https://id.example.com/.well-known/jwks.json",
                "MOSAIC_DATA_DIR", dataDir.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MOSAIC_JWT_ISSUER");
        Config withIssuer = Config.from(Map.of("MOSAIC_JWKS_URL", "https://id.example.com/.well-known/jwks.json",
                "MOSAIC_JWT_ISSUER", "https://id.example.com/", "MOSAIC_JWT_AUDIENCE", "mosaic"));
        assertThat(withIssuer.tokens().issuer()).contains("https://id.example.com/");
        assertThat(withIssuer.tokens().audience()).contains("mosaic");
        assertThat(withIssuer.http().devSignIn()).isFalse();
    }

    @Test
    void aShortJwtSecretIsRefused() {
        assertThatThrownBy(() -> Config.from(Map.of("MOSAIC_JWT_SECRET", "short", "MOSAIC_DATA_DIR", dataDir.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MOSAIC_JWT_SECRET");
    }

    @Test
    void theGeneratedSecretIsKeptSoTheTokenCommandAndTheServerAgree() {
        Config config = Config.from(Map.of("MOSAIC_DATA_DIR", dataDir.toString()));
        byte[] first = Mosaic.jwtSecret(config);
        byte[] again = Mosaic.jwtSecret(Config.from(Map.of("MOSAIC_DATA_DIR", dataDir.toString())));

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(again);
        assertThat(Main.token(config, new String[] {"token", "42"})).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThatThrownBy(() -> Main.token(config, new String[] {"token", "-1"}))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void theConfigurationNeverPrintsItsSecrets() {
        Config config = Config.from(Map.of("MOSAIC_JWT_SECRET", "a-very-secret-value-that-is-long-enough",
                "MOSAIC_STORAGE", "s3", "MOSAIC_S3_BUCKET", "media", "MOSAIC_S3_ACCESS_KEY", "id",
                "MOSAIC_S3_SECRET_KEY", "hunter2", "MOSAIC_DB_PASSWORD", "swordfish"));
        assertThat(config.toString()).doesNotContain("a-very-secret").doesNotContain("hunter2")
                .doesNotContain("swordfish");
    }
}
