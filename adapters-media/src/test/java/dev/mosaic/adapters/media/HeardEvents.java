package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor.MediaListener;
import dev.mosaic.application.port.out.MediaProcessor.RenditionFile;
import dev.mosaic.domain.MediaInfo;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hears a video's processing in order: the thumbnail, then progress. */
final class HeardEvents implements MediaListener {
    static final String THUMBNAIL = "thumbnail";

    private final List<String> order = new CopyOnWriteArrayList<>();
    private final List<Integer> progress = new CopyOnWriteArrayList<>();
    private volatile RenditionFile thumbnail;
    private volatile MediaInfo info;

    @Override
    public void thumbnail(RenditionFile file, MediaInfo found) {
        order.add(THUMBNAIL);
        thumbnail = file;
        info = found;
    }

    @Override
    public void progress(int percent) {
        order.add("progress " + percent);
        progress.add(percent);
    }

    List<String> order() {
        return order;
    }

    List<Integer> progress() {
        return progress;
    }

    RenditionFile thumbnail() {
        if (thumbnail == null) {
            throw new AssertionError("no thumbnail was heard");
        }
        return thumbnail;
    }

    boolean heardThumbnail() {
        return thumbnail != null;
    }

    MediaInfo info() {
        return info;
    }
}
