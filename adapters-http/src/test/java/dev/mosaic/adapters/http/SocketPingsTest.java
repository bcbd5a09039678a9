package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SocketPingsTest {

    private final List<Long> sockets = LongStream.rangeClosed(1, 1_000).boxed().toList();
    private final List<Long> pinged = new ArrayList<>();

    @Test
    void everySocketIsPingedOncePerIntervalASliceEachSecond() {
        SocketPings<Long> pings = new SocketPings<>(Duration.ofSeconds(25), () -> sockets, order -> order,
                pinged::add);
        assertThat(pings.period()).isEqualTo(Duration.ofSeconds(1));

        pings.run();
        assertThat(pinged).as("one slice").hasSize(40);
        for (int tick = 1; tick < 25; tick++) {
            pings.run();
        }
        assertThat(pinged).as("everyone once in 25 ticks").hasSize(1_000).doesNotHaveDuplicates();
        pings.run();
        Map<Long, Integer> times = new HashMap<>();
        pinged.forEach(socket -> times.merge(socket, 1, Integer::sum));
        assertThat(times.values()).containsOnly(1, 2).filteredOn(count -> count == 2).hasSize(40);
    }

    @Test
    void anIntervalUnderASecondPingsEverySocketEachTick() {
        SocketPings<Long> pings = new SocketPings<>(Duration.ofMillis(300), () -> sockets, order -> order,
                pinged::add);

        pings.run();

        assertThat(pings.period()).isEqualTo(Duration.ofMillis(300));
        assertThat(pinged).hasSize(1_000);
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> new SocketPings<Long>(Duration.ZERO, List::of, order -> order, pinged::add))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
