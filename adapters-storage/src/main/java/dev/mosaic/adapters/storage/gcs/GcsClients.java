package dev.mosaic.adapters.storage.gcs;

import com.google.auth.ServiceAccountSigner;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The client for one bucket's settings: credentials that can sign URLs, over the JSON API, at Google or the settings' endpoint. */
final class GcsClients {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private GcsClients() {
    }

    static Storage storage(GcsSettings settings) {
        GoogleCredentials credentials = settings.credentialsFile().isPresent()
                ? serviceAccountKey(settings.credentialsFile().get())
                : applicationDefault();
        if (!(credentials instanceof ServiceAccountSigner)) {
            throw new IllegalArgumentException("the Application Default Credentials found ("
                    + credentials.getClass().getSimpleName() + ") cannot sign URLs: run as a service account "
                    + "or set MOSAIC_GCS_CREDENTIALS to a service-account key file");
        }
        var options = StorageOptions.http();
        settings.endpoint().ifPresent(endpoint -> options.setHost(withoutTrailingSlash(endpoint)));
        return options
                .setCredentials(credentials)
                .setTransportOptions(HttpTransportOptions.newBuilder()
                        .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                        .setReadTimeout(READ_TIMEOUT_MILLIS)
                        .build())
                .build()
                .getService();
    }

    private static String withoutTrailingSlash(java.net.URI endpoint) {
        String text = endpoint.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** Only a service-account key: it is the one kind of file whose credentials sign URLs themselves. */
    static ServiceAccountCredentials serviceAccountKey(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ServiceAccountCredentials.fromStream(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("MOSAIC_GCS_CREDENTIALS=" + file
                    + " is not a readable service-account key file (JSON): " + e.getMessage(), e);
        }
    }

    private static GoogleCredentials applicationDefault() {
        try {
            return GoogleCredentials.getApplicationDefault();
        } catch (IOException e) {
            throw new IllegalArgumentException("no Google credentials found: set MOSAIC_GCS_CREDENTIALS to a "
                    + "service-account key file, or GOOGLE_APPLICATION_CREDENTIALS, or run on Google Cloud "
                    + "as a service account (" + e.getMessage() + ")", e);
        }
    }
}
