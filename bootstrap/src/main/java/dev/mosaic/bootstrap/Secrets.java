package dev.mosaic.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Strong secrets made once and kept in the data folder (owner-only), so the server and the
 * {@code token} command agree without anyone configuring anything.
 */
final class Secrets {
    private static final int BYTES = 32;

    private Secrets() {
    }

    static byte[] loadOrCreate(Path dataDir, String name) {
        Path file = dataDir.resolve(name);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (secret.length < BYTES) {
                throw new ConfigException(file + " holds a secret shorter than " + BYTES + " bytes; delete it to make a new one");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the secret " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        Path temporary = Files.createTempFile(file.getParent(), name(file), ".tmp");
        try {
            restrict(temporary);
            Files.writeString(temporary, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException anotherProcessWon) {
            Files.deleteIfExists(temporary);
        }
    }

    private static String name(Path file) {
        return "." + file.getFileName();
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own permissions apply
        }
    }
}
