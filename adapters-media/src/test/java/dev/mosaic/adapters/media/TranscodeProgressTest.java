package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TranscodeProgressTest {
    private final List<Integer> heard = new ArrayList<>();

    private TranscodeProgress of(long durationMillis) {
        return new TranscodeProgress(OptionalLong.of(durationMillis), heard::add);
    }

    @Test
    void progressIsOutTimeOverDurationInStepsOfFiveEndingAtOneHundred() {
        TranscodeProgress progress = of(10_000);

        progress.started();
        for (long micros = 0; micros <= 10_000_000; micros += 250_000) {
            progress.accept("frame=1");
            progress.accept("out_time_us=" + micros);
            progress.accept("progress=continue");
        }
        progress.finished();

        assertThat(heard).startsWith(0, 5, 10, 15).endsWith(90, 95, 100).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void smallChangesAreNotReported() {
        TranscodeProgress progress = of(100_000);

        progress.started();
        progress.accept("out_time_us=3000000");
        progress.accept("out_time_us=4900000");
        progress.accept("out_time_us=5000000");

        assertThat(heard).containsExactly(0, 5);
    }

    @Test
    void progressNeverReachesOneHundredBeforeFfmpegHasFinishedNorGoesBack() {
        TranscodeProgress progress = of(1000);

        progress.started();
        progress.accept("out_time_us=5000000");
        progress.accept("out_time_us=100000");

        assertThat(heard).containsExactly(0, 99);
    }

    @Test
    void unreadableTimesAreIgnored() {
        TranscodeProgress progress = of(1000);

        progress.started();
        progress.accept("out_time_us=N/A");
        progress.accept("out_time_us=-5");
        progress.accept("out_time_us=");
        progress.finished();

        assertThat(heard).containsExactly(0, 100);
    }

    @Test
    void withoutAKnownDurationOnlyTheStartAndTheEndAreReported() {
        TranscodeProgress progress = new TranscodeProgress(OptionalLong.empty(), heard::add);

        progress.started();
        progress.accept("out_time_us=5000000");
        progress.finished();

        assertThat(heard).containsExactly(0, 100);
    }
}
