package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor.MediaListener;
import dev.mosaic.application.port.out.MediaProcessor.RenditionFile;
import dev.mosaic.domain.MediaInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hears the processor, and notes which files existed at the moment it was told of the thumbnail. */
final class RecordingListener implements MediaListener {
    private final Path workDir;
    private final List<RenditionFile> thumbnails = new CopyOnWriteArrayList<>();
    private final List<MediaInfo> infos = new CopyOnWriteArrayList<>();
    private volatile List<Path> filesAtThumbnail = List.of();

    RecordingListener(Path workDir) {
        this.workDir = workDir;
    }

    @Override
    public void thumbnail(RenditionFile thumbnail, MediaInfo info) {
        thumbnails.add(thumbnail);
        infos.add(info);
        try (var files = Files.list(workDir)) {
            filesAtThumbnail = files.map(Path::getFileName).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void progress(int percent) {
        throw new AssertionError("images report no progress");
    }

    List<RenditionFile> thumbnails() {
        return thumbnails;
    }

    RenditionFile thumbnail() {
        if (thumbnails.size() != 1) {
            throw new AssertionError("expected one thumbnail, heard " + thumbnails);
        }
        return thumbnails.get(0);
    }

    MediaInfo info() {
        return infos.get(0);
    }

    /** File names in the work folder when the thumbnail was announced. */
    List<Path> filesAtThumbnail() {
        return filesAtThumbnail;
    }
}
