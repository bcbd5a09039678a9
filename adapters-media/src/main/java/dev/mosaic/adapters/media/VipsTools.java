package dev.mosaic.adapters.media;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * libvips' two programs, configured ones first, then the first found on the PATH; and
 * util-linux's {@code prlimit}, which bounds their memory where it is found.
 */
record VipsTools(Path vips, Path vipsheader, Optional<Path> prlimit) {
    static final String VIPS = "vips";
    static final String VIPSHEADER = "vipsheader";
    static final String PRLIMIT = "prlimit";

    /**
     * @param environment the process environment, for {@code PATH}
     * @throws IllegalArgumentException when a configured program is not an executable file
     */
    static Optional<VipsTools> locate(VipsSettings settings, Map<String, String> environment) {
        Optional<Path> prlimit = Programs.onPath(PRLIMIT, environment).map(Path::toAbsolutePath);
        return Programs.pair(VIPS, settings.vips(), VIPSHEADER, settings.vipsheader(), environment)
                .map(found -> new VipsTools(found.program(), found.companion(), prlimit));
    }
}
