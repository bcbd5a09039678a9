package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor.MediaListener;
import dev.mosaic.application.port.out.MediaProcessor.MediaOutcome;
import dev.mosaic.application.port.out.MediaProcessor.RenditionFile;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MediaInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A video's way to renditions: ffprobe's facts checked against the limits, a poster frame made
 * into the thumbnail (told to the listener at once) and the preview by the image pipeline, then,
 * when a transcode slot is free, the playable MP4 with its progress.
 */
final class VideoProcessor implements VideoPipeline {
    private static final ContentType PNG = new ContentType("image/png");

    private final VideoProbe probe;
    private final ProbeReading reading;
    private final PosterFrame posters;
    private final ImageProcessor images;
    private final PlaybackRendition playbacks;
    private final DecodeGate transcodes;
    private final int posterSize;

    VideoProcessor(VideoProbe probe, ProbeReading reading, PosterFrame posters, ImageProcessor images,
                   PlaybackRendition playbacks, DecodeGate transcodes, int posterSize) {
        this.probe = probe;
        this.reading = reading;
        this.posters = posters;
        this.images = images;
        this.playbacks = playbacks;
        this.transcodes = transcodes;
        this.posterSize = posterSize;
    }

    @Override
    public MediaOutcome process(String sniffedType, Path input, Path workDir, MediaListener listener) {
        try {
            Container container = Container.ofSniffed(sniffedType)
                    .orElseThrow(() -> UnusableVideo.unreadable(sniffedType + " is not a container we read"));
            VideoFacts facts = reading.facts(container, probe.probe(container, input));
            List<RenditionFile> renditions = new ArrayList<>();
            MediaInfo info = pictures(facts, input, workDir, listener, renditions);
            renditions.add(transcodes.through(() -> playbacks.make(facts, sniffedType, input, workDir,
                    new TranscodeProgress(facts.duration(), listener::progress))));
            return new MediaOutcome.Processed(info, renditions);
        } catch (UnusableVideo e) {
            return new MediaOutcome.Rejected(e.refusal());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a turn to transcode", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The poster frame through the image pipeline: the thumbnail goes to the listener, the preview is kept. */
    private MediaInfo pictures(VideoFacts facts, Path input, Path workDir, MediaListener listener,
                               List<RenditionFile> renditions) throws IOException {
        Path poster = posters.extract(facts, input, workDir, posterSize);
        Size display = facts.display();
        MediaInfo known = new MediaInfo(display.width(), display.height(),
                facts.duration().isPresent() ? facts.duration().getAsLong() : null, null);
        MediaOutcome outcome;
        try {
            outcome = images.process(PNG, poster, workDir, listener, known);
        } finally {
            Files.deleteIfExists(poster);
        }
        if (outcome instanceof MediaOutcome.Processed processed) {
            renditions.addAll(processed.renditions());
            return processed.info();
        }
        throw UnusableVideo.unreadable("its poster frame cannot be read: "
                + ((MediaOutcome.Rejected) outcome).refusal().detail());
    }
}
