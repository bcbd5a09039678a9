package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.application.port.out.MediaProcessor.MediaJob;
import dev.mosaic.application.port.out.MediaProcessor.MediaOutcome;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.ContentType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

    /**
     * A stand-in ffmpeg that makes posters with the real one but, asked to transcode, starts a helper
     * and hangs: a transcode that outlives any timeout on any machine, with a child to be found.
     */
    @Test
    void aTranscodeRunningPastTheTimeoutIsStoppedWithItsChildren() throws Exception {
        Path childPid = root.resolve("child.pid");
        Path hangingFfmpeg = root.resolve("ffmpeg");
        Files.writeString(hangingFfmpeg, "#!/bin/sh\n"
                + "case \"$*\" in\n"
                + "  *-progress*) sleep 60 & echo $! > '" + childPid + "'; wait ;;\n"
                + "  *) exec '" + Clips.TOOLS.ffmpeg() + "' \"$@\" ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(hangingFfmpeg, PosixFilePermissions.fromString("rwx------"));
        MediaProcessor processor = MediaProcessors.create(Clips.settings(VideoSettings.defaults())
                .withVideo(VideoSettings.defaults().withFfmpeg(hangingFfmpeg).withFfprobe(Clips.TOOLS.ffprobe())
                        .withProcessTimeout(Duration.ofSeconds(3))), Clips.searchPath());
        Path clip = Clips.h264Aac(root.resolve("clip.mp4"), 160, 120, 1);
        Path workDir = Files.createDirectory(root.resolve("work"));
        HeardEvents heard = new HeardEvents();
        long started = System.nanoTime();

        MediaOutcome outcome = processor.process(new MediaJob(AssetKind.VIDEO, ContentType.MP4), clip, workDir, heard);

        assertThat(outcome).isInstanceOfSatisfying(MediaOutcome.Rejected.class, rejected -> {
            assertThat(rejected.refusal().code()).isEqualTo("video_too_slow");
            assertThat(rejected.refusal().detail())
                    .contains("ran longer than PT3S making the playable copy and was stopped");
        });

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(heard.order()).containsExactly(HeardEvents.THUMBNAIL, "progress 0");
        long child = Long.parseLong(Files.readString(childPid).trim());
        await().atMost(EVENTUALLY).until(() -> ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false),
                alive -> !alive);
        assertThat(ProcessHandle.current().descendants()).noneMatch(process -> process.info().command()
                .map(command -> command.endsWith("sleep") || command.endsWith("ffmpeg")).orElse(false));
    }
}
