package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.application.port.out.MediaProcessor.MediaJob;
import dev.mosaic.application.port.out.MediaProcessor.MediaOutcome;
import dev.mosaic.application.port.out.MediaProcessor.RenditionFile;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.Rendition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One uploaded video put through a processor, in a folder of its own. */
record VideoUploads(Path root) {

    Result video(MediaProcessor processor, String declaredType, Path clip) {
        try {
            return video(processor, declaredType, Files.readAllBytes(clip));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result video(MediaProcessor processor, String declaredType, byte[] bytes) {
        try {
            Path job = Files.createTempDirectory(root, "job-");
            Path input = Files.write(job.resolve("upload"), bytes);
            Path workDir = Files.createDirectory(job.resolve("work"));
            HeardEvents heard = new HeardEvents();
            MediaOutcome outcome = processor.process(new MediaJob(AssetKind.VIDEO, new ContentType(declaredType)),
                    input, workDir, heard);
            return new Result(outcome, heard, input, workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(MediaOutcome outcome, HeardEvents heard, Path input, Path workDir) {

        MediaOutcome.Processed processed() {
            if (outcome instanceof MediaOutcome.Processed processed) {
                return processed;
            }
            throw new AssertionError("expected the video to be processed, but: " + outcome);
        }

        String refusalCode() {
            if (outcome instanceof MediaOutcome.Rejected rejected) {
                return rejected.refusal().code();
            }
            throw new AssertionError("expected a refusal, but: " + outcome);
        }

        RenditionFile rendition(Rendition.Kind kind) {
            return processed().renditions().stream().filter(file -> file.kind() == kind).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " among " + processed().renditions()));
        }

        RenditionFile playback() {
            return rendition(Rendition.Kind.PLAYBACK);
        }
    }
}
