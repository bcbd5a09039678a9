package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor.MediaListener;
import dev.mosaic.application.port.out.MediaProcessor.MediaOutcome;
import dev.mosaic.domain.MediaInfo;
import java.nio.file.Path;
import java.util.List;

/** What happens to a video whose bytes were found to be a video. */
@FunctionalInterface
interface VideoPipeline {

    /** Without ffmpeg: nothing is made, and the video is ready with its download URL only. */
    VideoPipeline DOWNLOAD_ONLY = (sniffedType, input, workDir, listener) ->
            new MediaOutcome.Processed(MediaInfo.NONE, List.of());

    /** @param sniffedType the type read from the file's first bytes, which names its container */
    MediaOutcome process(String sniffedType, Path input, Path workDir, MediaListener listener);
}
