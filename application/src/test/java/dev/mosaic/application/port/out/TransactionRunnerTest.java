package dev.mosaic.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TransactionRunnerTest {

    private final List<String> transactions = new ArrayList<>();
    private final TransactionRunner ordinary = new TransactionRunner() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            transactions.add("ordinary");
            return work.get();
        }
    };

    @Test
    void runIsOneOrdinaryTransaction() {
        List<String> ran = new ArrayList<>();
        ordinary.run(() -> ran.add("work"));

        assertThat(ran).containsExactly("work");
        assertThat(transactions).containsExactly("ordinary");
    }
}
