package dev.mosaic.adapters.media;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code vipsheader -a} says of a photo without decoding it: its size as displayed (libheif
 * has turned it by its {@code irot}/{@code imir} already), the loader that opened it and how many
 * top-level images it holds.
 */
record HeifHeader(Size size, String loader, int images) {
    static final String HEIF_LOADER = "heifload";

    /**
     * Reads {@code name: value} lines, keeping the first of each name: libvips prints its own
     * fields before the file's metadata, so a crafted EXIF string cannot stand in for them.
     */
    static Optional<HeifHeader> parse(String output) {
        Map<String, String> fields = new HashMap<>();
        for (String line : output.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
            }
        }
        try {
            int width = Integer.parseInt(fields.getOrDefault("width", ""));
            int height = Integer.parseInt(fields.getOrDefault("height", ""));
            int images = Integer.parseInt(fields.getOrDefault("n-pages", "1"));
            if (width < 1 || height < 1 || images < 1) {
                return Optional.empty();
            }
            return Optional.of(new HeifHeader(new Size(width, height), fields.getOrDefault("vips-loader", ""),
                    images));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean readByLibheif() {
        return loader.equals(HEIF_LOADER);
    }
}
