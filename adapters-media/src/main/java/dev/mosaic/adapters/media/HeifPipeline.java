package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor.MediaListener;
import dev.mosaic.application.port.out.MediaProcessor.MediaOutcome;
import dev.mosaic.domain.MediaInfo;
import java.nio.file.Path;
import java.util.List;

/** What happens to a photo whose bytes were found to be HEIC/HEIF or AVIF. */
@FunctionalInterface
interface HeifPipeline {

    /** Without libvips: nothing is made, and the photo is ready with its download URL only. */
    HeifPipeline DOWNLOAD_ONLY = (input, workDir, listener) -> new MediaOutcome.Processed(MediaInfo.NONE, List.of());

    MediaOutcome process(Path input, Path workDir, MediaListener listener);
}
