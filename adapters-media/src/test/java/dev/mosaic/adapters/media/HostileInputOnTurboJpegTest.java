package dev.mosaic.adapters.media;

import java.util.Optional;

/** Every case of {@link HostileInputTest} with JPEGs decoded by libjpeg-turbo's TurboJPEG (installed by {@code .ci/run}). */
class HostileInputOnTurboJpegTest extends HostileInputTest {

    @Override
    Optional<TurboJpeg> jpegLibrary() {
        return Optional.of(TurboJpeg.load().orElseThrow(() -> new AssertionError(
                "libturbojpeg0 is not installed: apt-get install libturbojpeg0")));
    }
}
