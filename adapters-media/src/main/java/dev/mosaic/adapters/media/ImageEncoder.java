package dev.mosaic.adapters.media;

import dev.mosaic.domain.ContentType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a rendition as a fresh file; nothing of the source's metadata travels with it. */
interface ImageEncoder {

    ContentType contentType();

    /** The file name ending, without the dot. */
    String extension();

    void write(BufferedImage image, Path file) throws IOException;
}
