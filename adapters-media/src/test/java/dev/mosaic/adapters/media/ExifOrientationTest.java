package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExifOrientationTest {
    private static final byte[] JPEG = Images.jpeg(Images.photo(32, 24));

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void readsEveryOrientationInBothByteOrders(int value) {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            byte[] jpeg = ExifSegments.insertAfterStart(JPEG, ExifSegments.orientation(value, order));

            assertThat(ExifOrientation.of(jpeg)).isEqualTo(Orientation.fromExif(value));
        }
    }

    @Test
    void aJpegWithoutExifIsUpright() {
        assertThat(ExifOrientation.of(JPEG)).isEqualTo(Orientation.UPRIGHT);
    }

    @Test
    void findsExifAfterAnXmpSegment() {
        byte[] xmp = segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>");
        byte[] jpeg = ExifSegments.insertAfterStart(
                ExifSegments.insertAfterStart(JPEG, ExifSegments.orientation(8, ByteOrder.BIG_ENDIAN)), xmp);

        assertThat(ExifOrientation.of(jpeg)).isEqualTo(Orientation.TURNED_COUNTER_CLOCKWISE);
    }

    @Test
    void valuesOutsideOneToEightAreUpright() {
        byte[] jpeg = ExifSegments.insertAfterStart(JPEG, ExifSegments.orientation(9, ByteOrder.BIG_ENDIAN));

        assertThat(ExifOrientation.of(jpeg)).isEqualTo(Orientation.UPRIGHT);
    }

    @Test
    void exifBeyondTheScanLimitIsNotLookedFor() {
        byte[] filler = segment(0xE2, "x".repeat(60_000));
        byte[] jpeg = ExifSegments.insertAfterStart(ExifSegments.insertAfterStart(
                ExifSegments.insertAfterStart(JPEG, ExifSegments.orientation(6, ByteOrder.BIG_ENDIAN)), filler),
                filler);

        assertThat(ExifOrientation.of(Arrays.copyOf(jpeg, ExifOrientation.SCAN_LIMIT)))
                .isEqualTo(Orientation.UPRIGHT);
        assertThat(ExifOrientation.of(jpeg)).isEqualTo(Orientation.TURNED_CLOCKWISE);
    }

    @Test
    void anyBytesAtAllGiveAnAnswerAndNeverThrow() {
        qt().forAll(arrays().ofIntegers(integers().between(0, 255)).withLengthBetween(0, 200))
                .checkAssert(values -> {
                    byte[] bytes = new byte[values.length + 2];
                    bytes[0] = (byte) 0xFF;
                    bytes[1] = (byte) 0xD8;
                    for (int i = 0; i < values.length; i++) {
                        bytes[i + 2] = values[i].byteValue();
                    }
                    assertThat(ExifOrientation.of(bytes)).isNotNull();
                });
    }

    @Test
    void aDamagedExifSegmentNeverThrows() {
        byte[] good = ExifSegments.insertAfterStart(JPEG, ExifSegments.orientation(6, ByteOrder.LITTLE_ENDIAN));
        qt().forAll(integers().between(2, 40), integers().between(0, 255), integers().between(1, good.length))
                .checkAssert((at, value, length) -> {
                    byte[] damaged = Arrays.copyOf(good, length);
                    if (at < damaged.length) {
                        damaged[at] = value.byteValue();
                    }
                    assertThat(ExifOrientation.of(damaged)).isNotNull();
                });
    }

    private static byte[] segment(int marker, String content) {
        byte[] payload = content.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write(payload.length + 2);
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
