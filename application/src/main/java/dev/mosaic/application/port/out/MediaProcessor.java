package dev.mosaic.application.port.out;

import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MediaInfo;
import dev.mosaic.domain.Refusal;
import dev.mosaic.domain.Rendition;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns an uploaded image or video into renditions. A file that can never be processed is a
 * {@link MediaOutcome.Rejected}; a passing trouble (out of resources, a killed process) is an
 * unchecked exception, and the job is tried again.
 */
@FunctionalInterface
public interface MediaProcessor {

    /**
     * @param input   the uploaded bytes, as a local file
     * @param workDir an empty folder of this job's own for output files
     */
    MediaOutcome process(MediaJob job, Path input, Path workDir, MediaListener listener);

    record MediaJob(AssetKind kind, ContentType declaredType) {
    }

    /** A rendition written to a local file, to be stored by the caller. */
    record RenditionFile(Rendition.Kind kind, Path file, ContentType contentType, int width, int height) {
    }

    /** Hears of progress while a job runs, so the grid fills in before the job ends. */
    interface MediaListener {
        /** The thumbnail exists: call at once, before slower renditions are made. */
        void thumbnail(RenditionFile thumbnail, MediaInfo info);

        /** Transcoding progress, 0–100. */
        void progress(int percent);

        MediaListener IGNORE = new MediaListener() {
            @Override
            public void thumbnail(RenditionFile thumbnail, MediaInfo info) {
            }

            @Override
            public void progress(int percent) {
            }
        };
    }

    sealed interface MediaOutcome {
        /** @param renditions every rendition except a thumbnail already given to the listener */
        record Processed(MediaInfo info, List<RenditionFile> renditions) implements MediaOutcome {
            public Processed {
                renditions = List.copyOf(renditions);
            }
        }

        record Rejected(Refusal refusal) implements MediaOutcome {
        }
    }
}
