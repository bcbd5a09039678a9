package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.application.port.out.MediaProcessor.MediaJob;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.ContentType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wall-clock timeout: a process running too long is stopped, and so is every process it started. */
class ProcessSupervisorTest {
    private static final Duration EVENTUALLY = Duration.ofSeconds(10);

    @TempDir
    Path root;

    @Test
    void aProcessRunningPastItsTimeoutIsKilledWithItsChildren() throws Exception {
        ProcessSupervisor supervisor = new ProcessSupervisor(Duration.ofMillis(500));
        // a parent that starts a long-lived child and waits for it: the shape of a program with helpers
        SupervisedProcess parent = supervisor.start(List.of("/bin/sh", "-c", "sleep 60 & echo $!; wait"));
        long child;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(parent.process().getInputStream(),
                StandardCharsets.UTF_8))) {
            child = Long.parseLong(output.readLine().trim());
        }
        assertThat(ProcessHandle.of(child)).hasValueSatisfying(handle -> assertThat(handle.isAlive()).isTrue());

        await().atMost(EVENTUALLY).until(() -> !parent.process().isAlive());

        assertThat(parent.timedOut()).isTrue();
        await().atMost(EVENTUALLY).until(() -> ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false),
                alive -> !alive);
    }

    @Test
    void aProcessEndingInTimeIsLeftAlone() throws Exception {
        SupervisedProcess process = new ProcessSupervisor(Duration.ofSeconds(20)).start(List.of("/bin/sh", "-c",
                "echo done >&2; exit 3"));

        assertThat(process.waitFor()).isEqualTo(3);
        assertThat(process.timedOut()).isFalse();
        assertThat(process.errorTail()).isEqualTo("done");
    }

    @Test
    void onlyTheLastKilobytesOfErrorOutputAreKept() throws Exception {
        SupervisedProcess process = new ProcessSupervisor(Duration.ofSeconds(20)).start(List.of("/bin/sh", "-c",
                "i=0; while [ $i -lt 2000 ]; do echo line $i >&2; i=$((i+1)); done"));

        assertThat(process.waitFor()).isZero();
        assertThat(process.errorTail()).endsWith("line 1999").hasSizeLessThanOrEqualTo(4096)
                .doesNotContain("line 0\n");
    }

    @Test
    void aTranscodeRunningPastTheTimeoutIsStoppedAndNoFfmpegIsLeft() throws Exception {
        Path clip = Clips.avi(root.resolve("long.avi"), 640, 360, 20);
        MediaProcessor processor = MediaProcessors.create(Clips.settings(VideoSettings.defaults()
                .withProcessTimeout(Duration.ofMillis(1500))));
        HeardEvents heard = new HeardEvents();
        Path workDir = Files.createDirectory(root.resolve("work"));
        long started = System.nanoTime();

        assertThatThrownBy(() -> processor.process(new MediaJob(AssetKind.VIDEO, new ContentType("video/x-msvideo")),
                clip, workDir, heard))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("was stopped")
                .hasMessageContaining("playable rendition");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        assertThat(heard.order()).startsWith(HeardEvents.THUMBNAIL, "progress 0");
        await().atMost(EVENTUALLY).until(() -> ProcessHandle.current().descendants()
                .noneMatch(process -> process.info().command().orElse("").endsWith("ffmpeg")));
    }
}
