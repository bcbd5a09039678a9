package dev.mosaic.adapters.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.ServiceAccountSigner;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import com.google.cloud.storage.StorageOptions;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From settings to a store that can sign, or one clear line saying what to set. */
class GcsConfigurationTest {

    @TempDir
    Path folder;

    @Test
    void aBucketNameIsTrimmed() {
        assertThat(GcsSettings.withDefaultCredentials(" my-media.bucket_1 ").bucket()).isEqualTo("my-media.bucket_1");
    }

    @Test
    void somethingThatIsNotABucketNameSaysWhatToSet() {
        for (String wrong : new String[] {"", "gs://media", "media/raw", "Media", "ab", "-media"}) {
            assertThatThrownBy(() -> GcsSettings.withDefaultCredentials(wrong))
                    .as(wrong).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MOSAIC_GCS_BUCKET");
        }
        assertThatThrownBy(() -> GcsSettings.withDefaultCredentials(null)).hasMessageContaining("MOSAIC_GCS_BUCKET");
    }

    @Test
    void anEndpointIsAnHttpUrlOfAHostAlone() {
        assertThat(new GcsSettings("media", Optional.empty(), Optional.of(URI.create("http://127.0.0.1:4443")))
                .endpoint()).hasValue(URI.create("http://127.0.0.1:4443"));
        for (String wrong : new String[] {"ftp://gcs", "http://gcs/media", "http://gcs?x=1", "gcs:4443"}) {
            assertThatThrownBy(() -> new GcsSettings("media", Optional.empty(), Optional.of(URI.create(wrong))))
                    .as(wrong).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MOSAIC_GCS_ENDPOINT");
        }
    }

    @Test
    void signedUrlsPointAtTheEndpoint() {
        Path key = TestServiceAccount.generate().writeKeyFile(folder);
        GcsSettings settings = new GcsSettings("media", Optional.of(key), Optional.of(URI.create("http://127.0.0.1:4443")));

        try (GcsStorage storage = new GcsStorage(settings, Clock.systemUTC())) {
            URI put = storage.signPut(new ObjectKey("raw/1/2/a.jpg"), 10, ContentType.JPEG,
                    Instant.now().plusSeconds(60)).url();
            assertThat(put).hasScheme("http").hasHost("127.0.0.1").hasPort(4443).hasPath("/media/raw/1/2/a.jpg");
        }
    }

    @Test
    void aServiceAccountKeyFileGivesCredentialsThatSign() {
        Path key = TestServiceAccount.generate().writeKeyFile(folder);

        assertThat(GcsClients.serviceAccountKey(key)).isInstanceOf(ServiceAccountSigner.class)
                .satisfies(credentials -> assertThat(credentials.getAccount()).isEqualTo(TestServiceAccount.EMAIL));
    }

    @Test
    void aStoreOpensFromAKeyFileWithoutCallingGoogle() {
        Path key = TestServiceAccount.generate().writeKeyFile(folder);

        try (GcsStorage storage = new GcsStorage(new GcsSettings("media", Optional.of(key)), Clock.systemUTC())) {
            assertThat(storage.signPut(new ObjectKey("raw/1/2/a.jpg"), 10, ContentType.JPEG,
                    Instant.now().plusSeconds(60)).url()).hasScheme("https").hasHost("storage.googleapis.com")
                    .hasPath("/media/raw/1/2/a.jpg");
        }
    }

    @Test
    void aMissingKeyFileSaysWhichSettingIsWrong() {
        GcsSettings settings = new GcsSettings("media", Optional.of(folder.resolve("absent.json")));

        assertThatThrownBy(() -> new GcsStorage(settings, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MOSAIC_GCS_CREDENTIALS");
    }

    @Test
    void userCredentialsAreNotAServiceAccountKey() throws IOException {
        Path user = Files.writeString(folder.resolve("user.json"), """
                {"type": "authorized_user", "client_id": "c", "client_secret": "s", "refresh_token": "r"}
                """);

        assertThatThrownBy(() -> GcsClients.serviceAccountKey(user))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MOSAIC_GCS_CREDENTIALS").hasMessageContaining("service-account key");
    }

    @Test
    void aClientWhoseCredentialsCannotSignIsRefusedAtOnce() {
        var anonymous = LocalStorageHelper.getOptions().getService();

        assertThatThrownBy(() -> new GcsStorage(anonymous, "media", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot sign URLs");
    }

    @Test
    void aSigningFailureIsAStoreFailureNamingTheObject() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        PrivateKey notRsa = ec.generateKeyPair().getPrivate();
        var signer = TestServiceAccount.generate().credentials().toBuilder().setPrivateKey(notRsa).build();

        var client = StorageOptions.http().setProjectId("mosaic-test").setCredentials(signer).build().getService();
        try (GcsStorage storage = new GcsStorage(client, "media", Clock.systemUTC())) {
            assertThatThrownBy(() -> storage.signPut(new ObjectKey("raw/1/2/a.jpg"), 10, ContentType.JPEG,
                    Instant.now().plusSeconds(60)))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("raw/1/2/a.jpg");
        }
    }
}
