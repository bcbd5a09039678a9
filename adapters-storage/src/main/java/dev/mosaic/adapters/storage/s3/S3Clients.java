package dev.mosaic.adapters.storage.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The SDK's client and presigner for one bucket's settings: built once, shared by every call. */
final class S3Clients {

    private S3Clients() {
    }

    /**
     * Checksums only where S3 requires them: the SDK's default trailing CRC32 (aws-chunked bodies)
     * is refused or mangled by several S3-compatible stores.
     */
    static S3Client client(S3Settings settings, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder())
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static S3Presigner presigner(S3Settings settings, AwsCredentialsProvider credentials) {
        var builder = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.pathStyle())
                        .checksumValidationEnabled(false)
                        .build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** One provider for client and presigner, so the default chain is resolved and refreshed once. */
    static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.hasStaticKeys()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey().orElseThrow(), settings.secretKey().orElseThrow()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
