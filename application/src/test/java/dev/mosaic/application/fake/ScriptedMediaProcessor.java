package dev.mosaic.application.fake;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MediaInfo;
import dev.mosaic.domain.Refusal;
import dev.mosaic.domain.Rendition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A media processor that follows a script instead of decoding: images get a thumbnail (told to
 * the listener first) and a preview; videos a poster thumbnail, progress 50 and 100, and a
 * playback rendition. Tests may make it reject files or fail a number of times first.
 */
public final class ScriptedMediaProcessor implements MediaProcessor {
    public static final MediaInfo IMAGE_INFO = new MediaInfo(1600, 1200, null, "placeholder");
    public static final MediaInfo VIDEO_INFO = new MediaInfo(1280, 720, 12_500L, null);

    private volatile Refusal rejectWith;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger failuresAfterThumbnail = new AtomicInteger();
    private final AtomicInteger errorsLeft = new AtomicInteger();
    private volatile CountDownLatch gate;

    /** Every later file is refused as unprocessable. */
    public void rejectWith(String code) {
        this.rejectWith = new Refusal(code, "scripted refusal");
    }

    /** The next {@code times} runs fail as a crashed decoder would. */
    public void failNext(int times) {
        failuresLeft.set(times);
    }

    /** The next {@code times} runs crash right after telling the listener of the thumbnail. */
    public void failAfterThumbnail(int times) {
        failuresAfterThumbnail.set(times);
    }

    /** The next {@code times} runs crash with an {@link Error}, as a broken decoder library would. */
    public void crashNext(int times) {
        errorsLeft.set(times);
    }

    /** Every later run waits at its start until {@code release} opens, as a slow transcode would. */
    public void blockUntil(CountDownLatch release) {
        this.gate = release;
    }

    public int runs() {
        return runs.get();
    }

    @Override
    public MediaOutcome process(MediaJob job, Path input, Path workDir, MediaListener listener) {
        runs.incrementAndGet();
        awaitGate();
        if (errorsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new StackOverflowError("scripted crash of a decoder");
        }
        if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("scripted transient failure");
        }
        if (rejectWith != null) {
            return new MediaOutcome.Rejected(rejectWith);
        }
        if (job.kind() == AssetKind.FILE) {
            return new MediaOutcome.Processed(MediaInfo.NONE, List.of());
        }
        MediaInfo info = job.kind() == AssetKind.IMAGE ? IMAGE_INFO : VIDEO_INFO;
        listener.thumbnail(file(workDir, Rendition.Kind.THUMBNAIL, ContentType.WEBP, 320, 240), info);
        if (failuresAfterThumbnail.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("scripted crash after the thumbnail");
        }
        List<RenditionFile> rest = new ArrayList<>();
        if (job.kind() == AssetKind.IMAGE) {
            rest.add(file(workDir, Rendition.Kind.PREVIEW, ContentType.WEBP, 1280, 960));
        } else {
            listener.progress(50);
            listener.progress(100);
            rest.add(file(workDir, Rendition.Kind.PLAYBACK, ContentType.MP4, 1280, 720));
        }
        return new MediaOutcome.Processed(info, rest);
    }

    private void awaitGate() {
        CountDownLatch waitFor = gate;
        if (waitFor == null) {
            return;
        }
        try {
            waitFor.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while blocked", interrupted);
        }
    }

    private static RenditionFile file(Path workDir, Rendition.Kind kind, ContentType type, int width, int height) {
        try {
            Path file = Files.write(workDir.resolve(kind.wireName()), (kind + " of " + width + "x" + height).getBytes());
            return new RenditionFile(kind, file, type, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
