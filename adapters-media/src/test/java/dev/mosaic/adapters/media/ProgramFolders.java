package dev.mosaic.adapters.media;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** Folders of empty stand-in programs under a test's temporary root, and a {@code PATH} made of them. */
final class ProgramFolders {
    private final Path root;

    ProgramFolders(Path root) {
        this.root = root;
    }

    /** An empty file {@code name} in {@code folder}, executable or not. */
    Path program(String folder, String name, boolean executable) {
        try {
            Path file = Files.createDirectories(root.resolve(folder)).resolve(name);
            Files.writeString(file, "");
            Files.setPosixFilePermissions(file,
                    PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An environment whose {@code PATH} lists the folders in this order. */
    Map<String, String> path(String... folders) {
        StringBuilder path = new StringBuilder();
        for (String folder : folders) {
            path.append(root.resolve(folder)).append(File.pathSeparator);
        }
        return Map.of("PATH", path.toString());
    }

    Path resolve(String name) {
        return root.resolve(name);
    }
}
