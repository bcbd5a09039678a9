package dev.mosaic.adapters.media;

import java.util.Objects;

/**
 * Limits and sizes of media processing, built by bootstrap from configuration.
 *
 * @param maxPixels            images with more pixels than this are refused before decoding
 * @param maxFrames            animated GIFs with more frames than this are refused
 * @param maxConcurrentDecodes how many images may be decoded at the same time in this process
 * @param thumbnailSize        the longest side of a thumbnail, in pixels
 * @param previewSize          the longest side of a preview, in pixels
 * @param video                where ffmpeg is and the limits of video processing
 * @param vips                 where libvips is, for HEIC/HEIF and AVIF photos, and the bounds of one run
 */
public record MediaSettings(long maxPixels, int maxFrames, int maxConcurrentDecodes, int thumbnailSize,
                            int previewSize, VideoSettings video, VipsSettings vips) {

    public MediaSettings {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(vips, "vips");
        if (maxPixels < 1 || maxFrames < 1 || maxConcurrentDecodes < 1 || thumbnailSize < 1
                || previewSize < thumbnailSize) {
            throw new IllegalArgumentException("media settings must be positive, and a preview no smaller"
                    + " than a thumbnail");
        }
    }

    /** Image settings, with the default video and libvips settings. */
    public MediaSettings(long maxPixels, int maxFrames, int maxConcurrentDecodes, int thumbnailSize,
                         int previewSize) {
        this(maxPixels, maxFrames, maxConcurrentDecodes, thumbnailSize, previewSize, VideoSettings.defaults(),
                VipsSettings.defaults());
    }

    public static MediaSettings defaults() {
        return new MediaSettings(50_000_000L, 1000, Runtime.getRuntime().availableProcessors(), 320, 1280);
    }

    public MediaSettings withMaxConcurrentDecodes(int decodes) {
        return new MediaSettings(maxPixels, maxFrames, decodes, thumbnailSize, previewSize, video, vips);
    }

    public MediaSettings withMaxPixels(long pixels) {
        return new MediaSettings(pixels, maxFrames, maxConcurrentDecodes, thumbnailSize, previewSize, video, vips);
    }

    public MediaSettings withMaxFrames(int frames) {
        return new MediaSettings(maxPixels, frames, maxConcurrentDecodes, thumbnailSize, previewSize, video, vips);
    }

    public MediaSettings withVideo(VideoSettings settings) {
        return new MediaSettings(maxPixels, maxFrames, maxConcurrentDecodes, thumbnailSize, previewSize, settings, vips);
    }

    public MediaSettings withVips(VipsSettings settings) {
        return new MediaSettings(maxPixels, maxFrames, maxConcurrentDecodes, thumbnailSize, previewSize, video, settings);
    }
}
