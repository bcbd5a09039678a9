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
import java.util.Optional;
import java.util.Set;

/** Checks that the bytes are what the client declared, then hands images and videos to their pipelines. */
final class MediaProcessorByKind implements MediaProcessor {
    private static final Set<String> HEIF_FAMILY = Set.of("image/heif", "image/avif");

    private final ImageProcessor images;
    private final HeifPipeline heifImages;
    private final VideoPipeline videos;

    MediaProcessorByKind(ImageProcessor images, HeifPipeline heifImages, VideoPipeline videos) {
        this.images = images;
        this.heifImages = heifImages;
        this.videos = videos;
    }

    /** ImageIO's images only; other photos and videos are checked and left as they are. */
    MediaProcessorByKind(ImageProcessor images) {
        this(images, HeifPipeline.DOWNLOAD_ONLY, VideoPipeline.DOWNLOAD_ONLY);
    }

    @Override
    public MediaOutcome process(MediaJob job, Path input, Path workDir, MediaListener listener) {
        Optional<String> found = MagicBytes.sniff(head(input));
        if (!MagicBytes.agrees(job.kind(), job.declaredType(), found)) {
            return new MediaOutcome.Rejected(new Refusal("content_type_mismatch",
                    "the file's bytes are not " + job.declaredType() + " as declared"));
        }
        return switch (job.kind()) {
            case IMAGE -> HEIF_FAMILY.contains(found.orElseThrow())
                    ? heifImages.process(input, workDir, listener)
                    : images.process(job.declaredType(), input, workDir, listener);
            case VIDEO -> videos.process(found.orElseThrow(), input, workDir, listener);
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
