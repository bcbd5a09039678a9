package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.application.port.out.MediaProcessor.MediaJob;
import dev.mosaic.application.port.out.MediaProcessor.MediaOutcome;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One uploaded file put through a processor, in a folder of its own. */
record Uploads(Path root) {

    Result process(MediaProcessor processor, AssetKind kind, String declaredType, byte[] bytes) {
        try {
            Path job = Files.createTempDirectory(root, "job-");
            Path input = Files.write(job.resolve("upload"), bytes);
            Path workDir = Files.createDirectory(job.resolve("work"));
            RecordingListener listener = new RecordingListener(workDir);
            MediaOutcome outcome = processor.process(new MediaJob(kind, new ContentType(declaredType)), input,
                    workDir, listener);
            return new Result(outcome, listener, workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result image(MediaProcessor processor, String declaredType, byte[] bytes) {
        return process(processor, AssetKind.IMAGE, declaredType, bytes);
    }

    record Result(MediaOutcome outcome, RecordingListener listener, Path workDir) {

        MediaOutcome.Processed processed() {
            if (outcome instanceof MediaOutcome.Processed processed) {
                return processed;
            }
            throw new AssertionError("expected the file to be processed, but: " + outcome);
        }

        String refusalCode() {
            if (outcome instanceof MediaOutcome.Rejected rejected) {
                return rejected.refusal().code();
            }
            throw new AssertionError("expected a refusal, but: " + outcome);
        }

        MediaProcessor.RenditionFile preview() {
            return processed().renditions().get(0);
        }
    }
}
