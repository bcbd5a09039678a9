package dev.mosaic.adapters.storage.gcs;

import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;

/** A service account made up for tests: an RSA key generated here, never known to Google. */
final class TestServiceAccount {

    static final String EMAIL = "mosaic-test@mosaic-test.iam.gserviceaccount.com";

    private final KeyPair keys;

    private TestServiceAccount(KeyPair keys) {
        this.keys = keys;
    }

    static TestServiceAccount generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestServiceAccount(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has RSA", e);
        }
    }

    ServiceAccountCredentials credentials() {
        return ServiceAccountCredentials.newBuilder()
                .setClientEmail(EMAIL)
                .setClientId("1234567890")
                .setPrivateKey(keys.getPrivate())
                .setPrivateKeyId("test-key")
                .setProjectId("mosaic-test")
                .build();
    }

    PublicKey publicKey() {
        return keys.getPublic();
    }

    /** The JSON key file a console download would give, with this account's private key. */
    Path writeKeyFile(Path folder) {
        return writeKeyFile(folder, URI.create("https://oauth2.googleapis.com/token"));
    }

    /** The same, with tokens from another endpoint (a test double's). */
    Path writeKeyFile(Path folder, URI tokenUri) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String json = """
                {
                  "type": "service_account",
                  "project_id": "mosaic-test",
                  "private_key_id": "test-key",
                  "private_key": "%s",
                  "client_email": "%s",
                  "client_id": "1234567890",
                  "token_uri": "%s"
                }
                """.formatted(pem.replace("\n", "\\n"), EMAIL, tokenUri);
        try {
            return Files.writeString(folder.resolve("service-account.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
