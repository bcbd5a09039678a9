package dev.mosaic.application.view;

import java.util.List;
import java.util.Map;

/**
 * What a batch request accepts, so a client can check files when they are picked rather than after sending.
 *
 * @param maxAttachments files in one album
 * @param maxTextLength  characters (code points) of the album's text
 * @param kinds          per kind ({@code image}, {@code video}, {@code file}): its largest file and accepted types
 * @param multipart      when and how a file is uploaded in parts
 * @param quota          the viewer's quotas and what is used of them now
 */
public record UploadLimits(int maxAttachments, int maxTextLength, Map<String, KindLimits> kinds,
                           Multipart multipart, QuotaHeadroom quota) {

    public UploadLimits {
        kinds = Map.copyOf(kinds);
    }

    /**
     * @param maxBytes      the largest file of this kind
     * @param acceptedTypes media ranges, as in HTML's {@code accept} ({@code image/jpeg}, {@code video/*})
     */
    public record KindLimits(long maxBytes, List<String> acceptedTypes) {

        public KindLimits {
            acceptedTypes = List.copyOf(acceptedTypes);
        }
    }

    /**
     * @param threshold       files larger than this upload in parts
     * @param defaultPartSize the part size the server picks when the client proposes none
     * @param minPartSize     every part but the last is at least this large
     * @param maxPartSize     no part is larger
     * @param maxParts        parts of one file
     */
    public record Multipart(long threshold, long defaultPartSize, long minPartSize, long maxPartSize, int maxParts) {
    }
}
