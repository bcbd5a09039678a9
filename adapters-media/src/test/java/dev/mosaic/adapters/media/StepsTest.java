package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepsTest {

    @Test
    void eachStepIsToldWithItsWallAndCpuTimeInOneLine() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        Steps steps = new Steps(lines::add);
        Thread.sleep(20);
        steps.done("read");
        busy(30);
        steps.done("decode");
        steps.log("thumbnail of a.jpg");

        assertThat(lines).singleElement().asString()
                .matches("thumbnail of a\\.jpg: read \\d+\\.\\d ms \\(cpu \\d+\\.\\d\\), decode \\d+\\.\\d ms \\(cpu \\d+\\.\\d\\)");
        String[] parts = lines.get(0).split("[ (),]+");
        double readWall = Double.parseDouble(parts[4]);
        double readCpu = Double.parseDouble(parts[7]);
        double decodeCpu = Double.parseDouble(parts[12]);
        assertThat(readWall).isGreaterThanOrEqualTo(20.0);
        assertThat(readCpu).isLessThan(readWall);
        assertThat(decodeCpu).isGreaterThan(0.0);
    }

    @Test
    void aLineStartsOverAfterItIsTold() {
        List<String> lines = new ArrayList<>();
        Steps steps = new Steps(lines::add);
        steps.done("read");
        steps.log("thumbnail of a.jpg");
        steps.done("encode");
        steps.log("preview of a.jpg");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("preview of a.jpg: encode ").doesNotContain("read");
    }

    @Test
    void timeBetweenARestartAndTheNextStepIsThatStepsAlone() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        Steps steps = new Steps(lines::add);
        Thread.sleep(50);
        steps.restart();
        steps.done("decode");
        steps.log("preview of a.jpg");

        double decodeWall = Double.parseDouble(lines.get(0).split("[ (),]+")[4]);
        assertThat(decodeWall).isLessThan(50.0);
    }

    private static void busy(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        long sum = 0;
        while (System.nanoTime() < end) {
            sum += end % 7;
        }
        assertThat(sum).isNotNegative();
    }
}
