package dev.mosaic.adapters.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.ServiceAccountSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcsSettingsTest {

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
    void aServiceAccountKeyFileGivesCredentialsThatSign() {
        Path key = TestServiceAccount.generate().writeKeyFile(folder);

        assertThat(GcsClients.serviceAccountKey(key)).isInstanceOf(ServiceAccountSigner.class)
                .satisfies(credentials -> assertThat(credentials.getAccount()).isEqualTo(TestServiceAccount.EMAIL));
    }

    @Test
    void aStoreOpensFromAKeyFileWithoutCallingGoogle() {
        Path key = TestServiceAccount.generate().writeKeyFile(folder);

        try (GcsStorage storage = new GcsStorage(new GcsSettings("media", Optional.of(key)), Clock.systemUTC())) {
            assertThat(storage).isNotNull();
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
}
