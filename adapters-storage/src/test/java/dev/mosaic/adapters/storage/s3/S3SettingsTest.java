package dev.mosaic.adapters.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

    private static final Optional<URI> NO_ENDPOINT = Optional.empty();

    @Test
    void awsSettingsUseTheDefaultCredentialChain() {
        S3Settings settings = S3Settings.aws("photos", "eu-west-1");

        assertThat(settings.hasStaticKeys()).isFalse();
        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.pathStyle()).isFalse();
    }

    @Test
    void bothKeysMakeStaticCredentials() {
        S3Settings settings = new S3Settings("photos", "us-east-1", Optional.of(URI.create("http://localhost:9000")),
                true, Optional.of("id"), Optional.of("secret"));

        assertThat(settings.hasStaticKeys()).isTrue();
    }

    @Test
    void oneKeyWithoutTheOtherSaysToSetBoth() {
        assertThatThrownBy(() -> new S3Settings("photos", "us-east-1", NO_ENDPOINT, false, Optional.of("id"),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MOSAIC_S3_ACCESS_KEY").hasMessageContaining("MOSAIC_S3_SECRET_KEY");
        assertThatThrownBy(() -> new S3Settings("photos", "us-east-1", NO_ENDPOINT, false, Optional.of(" "),
                Optional.of("secret"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankKeysCountAsAbsent() {
        S3Settings settings = new S3Settings("photos", "us-east-1", NO_ENDPOINT, false, Optional.of(""),
                Optional.of(" "));

        assertThat(settings.hasStaticKeys()).isFalse();
    }

    @Test
    void aMissingBucketOrRegionNamesTheVariableToSet() {
        assertThatThrownBy(() -> S3Settings.aws(" ", "us-east-1")).hasMessageContaining("MOSAIC_S3_BUCKET");
        assertThatThrownBy(() -> S3Settings.aws("a/b", "us-east-1")).hasMessageContaining("MOSAIC_S3_BUCKET");
        assertThatThrownBy(() -> S3Settings.aws("photos", null)).hasMessageContaining("MOSAIC_S3_REGION");
    }

    @Test
    void theEndpointMustBeAnHttpUrl() {
        assertThatThrownBy(() -> new S3Settings("photos", "us-east-1", Optional.of(URI.create("localhost:9000")),
                true, Optional.empty(), Optional.empty())).hasMessageContaining("MOSAIC_S3_ENDPOINT");
        assertThatThrownBy(() -> new S3Settings("photos", "us-east-1", Optional.of(URI.create("ftp://host")),
                true, Optional.empty(), Optional.empty())).hasMessageContaining("MOSAIC_S3_ENDPOINT");
    }

    @Test
    void theSecretNeverPrints() {
        S3Settings settings = new S3Settings("photos", "us-east-1", NO_ENDPOINT, false, Optional.of("id"),
                Optional.of("very-secret"));

        assertThat(settings.toString()).doesNotContain("very-secret").contains("(hidden)");
    }
}
