package dev.mosaic.adapters.media;

import java.util.Optional;

/**
 * The video containers we accept, each with the one ffmpeg demuxer allowed to read it. Naming the
 * demuxer keeps ffmpeg from guessing, which is how a playlist dressed as a video gets it to open
 * other files.
 */
enum Container {
    /** MP4, QuickTime and their 3GP cousins. */
    MOV("mov"),
    /** Matroska and WebM. */
    MATROSKA("matroska"),
    AVI("avi");

    private final String demuxer;

    Container(String demuxer) {
        this.demuxer = demuxer;
    }

    String demuxer() {
        return demuxer;
    }

    /** The container of a type sniffed from the file's first bytes; anything else is not accepted. */
    static Optional<Container> ofSniffed(String sniffedType) {
        return switch (sniffedType) {
            case "video/mp4", "video/quicktime" -> Optional.of(MOV);
            case "video/webm" -> Optional.of(MATROSKA);
            case "video/x-msvideo" -> Optional.of(AVI);
            default -> Optional.empty();
        };
    }
}
