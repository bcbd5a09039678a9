package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scan counting over marker layouts made byte by byte, markers falling on and across the read buffer's edges. */
class JpegScansTest {
    private static final int BUFFER = 64 * 1024;

    @TempDir
    Path root;

    @Test
    void countsEveryScanWhereverItsMarkerFalls() throws IOException {
        for (int shift = -3; shift <= 3; shift++) {
            Path file = Files.write(root.resolve("scans" + shift + ".jpg"), scans(12, BUFFER + shift));

            assertThat(JpegScans.moreThan(file, 11)).as("marker at %d", BUFFER + shift).isTrue();
            assertThat(JpegScans.moreThan(file, 12)).as("marker at %d", BUFFER + shift).isFalse();
        }
    }

    @Test
    void stuffedZerosRestartsAndFillBytesInTheDataAreNotScans() throws IOException {
        Path file = Files.write(root.resolve("data.jpg"), scans(3, 5000));

        assertThat(JpegScans.moreThan(file, 2)).isTrue();
        assertThat(JpegScans.moreThan(file, 3)).isFalse();
    }

    @Test
    void aFileEndingInsideTheDataHasTheScansSeenSoFar() throws IOException {
        byte[] whole = scans(5, 5000);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3020);
        Path file = Files.write(root.resolve("cut.jpg"), cut);

        assertThat(JpegScans.moreThan(file, 3)).isTrue();
        assertThat(JpegScans.moreThan(file, 4)).isFalse();
    }

    /**
     * SOI, then {@code count} scans (an SOS segment and entropy-coded data holding stuffed zeros, restart markers
     * and fill bytes), the second scan's marker at byte {@code secondAt}, then EOI.
     */
    private static byte[] scans(int count, int secondAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        Random random = new Random(secondAt);
        for (int scan = 0; scan < count; scan++) {
            if (scan == 1) {
                while (out.size() < secondAt) {
                    data(out, random, secondAt - out.size());
                }
            }
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 63, 0});
            data(out, random, scan == 0 ? 100 : 3000);
        }
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    /** About {@code length} bytes of entropy-coded data: no 0xFF but as FF 00, FF Dn or fill FF FF 00. */
    private static void data(ByteArrayOutputStream out, Random random, int length) {
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(100);
            if (pick == 0 && length - i > 2) {
                out.write(0xFF);
                out.write(0x00);
                i++;
            } else if (pick == 1 && length - i > 2) {
                out.write(0xFF);
                out.write(0xD0 + random.nextInt(8));
                i++;
            } else if (pick == 2 && length - i > 3) {
                out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x00});
                i += 2;
            } else {
                out.write(random.nextInt(0xFF));
            }
        }
    }
}
