package dev.mosaic.adapters.storage.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

final class Folders {

    private Folders() {
    }

    static void deleteRecursively(Path folder) throws IOException {
        List<Path> deepestFirst;
        try (Stream<Path> walk = Files.walk(folder)) {
            deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (NoSuchFileException goneAlready) {
            return;
        }
        for (Path path : deepestFirst) {
            Files.deleteIfExists(path);
        }
    }
}
