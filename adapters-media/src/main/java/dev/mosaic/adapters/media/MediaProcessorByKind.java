package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.domain.MagicBytes;
import dev.mosaic.domain.MediaInfo;
import dev.mosaic.domain.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks that the bytes are what the client declared, then hands images and videos to their pipelines. */
final class MediaProcessorByKind implements MediaProcessor {
    private final ImageProcessor images;
    private final VideoPipeline videos;

    MediaProcessorByKind(ImageProcessor images, VideoPipeline videos) {
        this.images = images;
        this.videos = videos;
    }

    /** Images only; videos are checked and left as they are. */
    MediaProcessorByKind(ImageProcessor images) {
        this(images, VideoPipeline.DOWNLOAD_ONLY);
    }

    @Override
    public MediaOutcome process(MediaJob job, Path input, Path workDir, MediaListener listener) {
        byte[] head = head(input);
        if (!MagicBytes.agrees(job.kind(), job.declaredType(), head)) {
            return new MediaOutcome.Rejected(new Refusal("content_type_mismatch",
                    "the file's bytes are not " + job.declaredType() + " as declared"));
        }
        return switch (job.kind()) {
            case IMAGE -> images.process(job.declaredType(), input, workDir, listener);
            case VIDEO -> videos.process(MagicBytes.sniff(head).orElseThrow(), input, workDir, listener);
            case FILE -> new MediaOutcome.Processed(MediaInfo.NONE, List.of());
        };
    }

    private static byte[] head(Path input) {
        try (InputStream in = Files.newInputStream(input)) {
            return in.readNBytes(MagicBytes.HEAD_LENGTH);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded copy " + input, e);
        }
    }
}
