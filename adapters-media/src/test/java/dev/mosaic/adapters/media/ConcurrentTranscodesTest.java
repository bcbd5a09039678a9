package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.application.port.out.MediaProcessor.MediaJob;
import dev.mosaic.application.port.out.MediaProcessor.MediaListener;
import dev.mosaic.application.port.out.MediaProcessor.MediaOutcome;
import dev.mosaic.application.port.out.MediaProcessor.RenditionFile;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MediaInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transcodes wait for a free slot; posters do not, so every thumbnail comes early. */
class ConcurrentTranscodesTest {
    private static final int VIDEOS = 3;
    private final ExecutorService pool = Executors.newFixedThreadPool(VIDEOS);

    @TempDir
    Path root;

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void oneTranscodeAtATimeEachFromZeroToOneHundredBeforeTheNextStarts() throws Exception {
        MediaSettings settings = Clips.settings(VideoSettings.defaults().withPlaybackShortSide(120));
        DecodeGate transcodes = new DecodeGate(1);
        ImageProcessor images = new ImageProcessor(settings, new DecodeGate(2), ImageEncoders.best());
        MediaProcessor processor = new MediaProcessorByKind(images, HeifPipeline.DOWNLOAD_ONLY,
                MediaProcessors.videos(settings, Clips.TOOLS, images, transcodes));
        Path clip = Clips.h264Aac(root.resolve("clip.mp4"), 320, 240, 2);
        List<String> timeline = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MediaOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < VIDEOS; i++) {
            String name = "video" + i;
            Path workDir = Files.createDirectories(root.resolve(name));
            outcomes.add(pool.submit(() -> {
                start.await();
                return processor.process(new MediaJob(AssetKind.VIDEO, ContentType.MP4), clip, workDir,
                        timelineOf(name, timeline));
            }));
        }

        start.countDown();

        for (Future<MediaOutcome> outcome : outcomes) {
            assertThat(outcome.get()).isInstanceOf(MediaOutcome.Processed.class);
        }
        assertThat(transcodes.decodesStarted()).isEqualTo(VIDEOS);
        assertThat(transcodes.peakConcurrency()).isEqualTo(1);
        List<String> progress = timeline.stream().filter(event -> !event.endsWith("thumbnail")).toList();
        for (int i = 0; i < progress.size(); i++) {
            if (progress.get(i).endsWith(" 0")) {
                String name = progress.get(i).split(" ")[0];
                assertThat(progress.subList(i, progress.indexOf(name + " 100") + 1)).allMatch(e -> e.startsWith(name));
            }
        }
    }

    private static MediaListener timelineOf(String name, List<String> timeline) {
        return new MediaListener() {
            @Override
            public void thumbnail(RenditionFile thumbnail, MediaInfo info) {
                timeline.add(name + " thumbnail");
            }

            @Override
            public void progress(int percent) {
                timeline.add(name + " " + percent);
            }
        };
    }
}
