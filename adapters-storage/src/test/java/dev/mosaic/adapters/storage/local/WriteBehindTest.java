package dev.mosaic.adapters.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindTest {
    @TempDir
    Path root;

    /** Holds the flushes handed to it until the test runs them. */
    private final List<Runnable> queued = new ArrayList<>();
    private final Executor holding = queued::add;

    private FileChannel open() throws IOException {
        return FileChannel.open(Files.createFile(root.resolve("body")), StandardOpenOption.WRITE);
    }

    @Test
    void aFlushIsHandedOnEveryStepOfBytesWritten() throws IOException {
        try (FileChannel channel = open()) {
            WriteBehind disk = new WriteBehind(channel, Optional.of(holding));

            disk.wrote(WriteBehind.STEP - 1);
            assertThat(queued).isEmpty();
            disk.wrote(1);
            assertThat(queued).hasSize(1);
        }
    }

    @Test
    void noSecondFlushWhileTheFirstHasNotRun() throws IOException {
        try (FileChannel channel = open()) {
            WriteBehind disk = new WriteBehind(channel, Optional.of(holding));

            disk.wrote(WriteBehind.STEP);
            disk.wrote(WriteBehind.STEP);
            assertThat(queued).hasSize(1);
            queued.get(0).run();
            disk.wrote(WriteBehind.STEP);
            assertThat(queued).hasSize(2);
        }
    }

    @Test
    void finishingForcesOnTheCallersThreadAndCancelsAFlushStillQueued() throws IOException {
        try (FileChannel channel = open()) {
            WriteBehind disk = new WriteBehind(channel, Optional.of(holding));
            channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            disk.wrote(WriteBehind.STEP);

            disk.finish();

            // the queued flush is cancelled: running it late does nothing and throws nothing
            queued.get(0).run();
            assertThat(Files.size(root.resolve("body"))).isEqualTo(3);
        }
    }

    @Test
    void withoutAFlusherNothingIsHandedOn() throws IOException {
        try (FileChannel channel = open()) {
            WriteBehind disk = new WriteBehind(channel, Optional.empty());

            disk.wrote(10 * WriteBehind.STEP);
            disk.finish();

            assertThat(queued).isEmpty();
        }
    }
}
