package dev.mosaic.adapters.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Signing is local computation: no store is needed to see what a URL grants and for how long. */
class PresignedUrlsTest {

    private static final S3Settings SETTINGS = new S3Settings("photos", "eu-west-1", Optional.empty(), false,
            Optional.of("AKIDEXAMPLE"), Optional.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    private static final ObjectKey KEY = new ObjectKey("raw/1/2/photo.jpg");

    private final Instant now = Instant.now();
    private final S3Presigner presigner = S3Clients.presigner(SETTINGS, S3Clients.credentials(SETTINGS));
    private final PresignedUrls urls = new PresignedUrls(presigner, SETTINGS.bucket(), Clock.fixed(now, ZoneOffset.UTC));

    @AfterEach
    void close() {
        presigner.close();
    }

    @Test
    void aPutUrlLastsUntilTheGivenInstant() {
        URI url = urls.put(KEY, 10, ContentType.JPEG, now.plus(Duration.ofMinutes(30)));

        assertThat(SignedUrls.query(url)).containsEntry("X-Amz-Expires", "1800");
        assertThat(url.getHost()).isEqualTo("photos.s3.eu-west-1.amazonaws.com");
        assertThat(url.getPath()).isEqualTo("/raw/1/2/photo.jpg");
    }

    @Test
    void validityIsCappedAtSigV4sSevenDays() {
        URI url = urls.put(KEY, 10, ContentType.JPEG, now.plus(Duration.ofDays(30)));

        assertThat(SignedUrls.query(url)).containsEntry("X-Amz-Expires", String.valueOf(7 * 24 * 3600));
    }

    @Test
    void anInstantAlreadyPastIsABug() {
        assertThatThrownBy(() -> urls.put(KEY, 10, ContentType.JPEG, now.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathStyleAndAnEndpointPutTheBucketInThePath() {
        S3Settings compatible = new S3Settings("photos", "us-east-1", Optional.of(URI.create("http://minio.local:9000")),
                true, Optional.of("id"), Optional.of("secret"));
        try (S3Presigner pathStyle = S3Clients.presigner(compatible, S3Clients.credentials(compatible))) {
            URI url = new PresignedUrls(pathStyle, "photos", Clock.systemUTC())
                    .put(KEY, 10, ContentType.JPEG, Instant.now().plusSeconds(60));

            assertThat(url.getHost()).isEqualTo("minio.local");
            assertThat(url.getPath()).isEqualTo("/photos/raw/1/2/photo.jpg");
        }
    }
}
