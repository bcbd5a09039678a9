package dev.mosaic.application.view;

/**
 * One grid cell as clients see it (JSON names are these in snake_case). Absent values are null.
 *
 * @param duration seconds, for videos
 * @param error    the failure code when {@code stage} is {@code failed}
 * @param caption  the sender's caption for this item
 * @param altText  what screen readers say of this item
 */
public record AssetView(
        long messageId,
        long assetId,
        String kind,
        String fileName,
        long fileSize,
        String contentType,
        String stage,
        int progress,
        Integer width,
        Integer height,
        Double duration,
        String placeholder,
        String thumbnailUrl,
        String previewUrl,
        String playbackUrl,
        String downloadUrl,
        String error,
        String caption,
        String altText) {
}
