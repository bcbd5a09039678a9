package dev.mosaic.adapters.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ComposeTreeTest {

    @Test
    void upToThirtyTwoPartsAreOneCompose() {
        List<ComposeTree.Step> steps = ComposeTree.steps(parts(32), "object", ComposeTreeTest::joined);

        assertThat(steps).containsExactly(new ComposeTree.Step(parts(32), "object"));
    }

    @Test
    void thirtyThreePartsCarryTheLastOneUpUncopied() {
        List<ComposeTree.Step> steps = ComposeTree.steps(parts(33), "object", ComposeTreeTest::joined);

        assertThat(steps).containsExactly(
                new ComposeTree.Step(parts(33).subList(0, 32), "c0-0"),
                new ComposeTree.Step(List.of("c0-0", "p33"), "object"));
    }

    @Test
    void tenThousandPartsTakeThreeLevels() {
        List<ComposeTree.Step> steps = ComposeTree.steps(parts(10_000), "object", ComposeTreeTest::joined);

        assertThat(steps).hasSize(313 + 10 + 1);
    }

    @Test
    void nothingToComposeIsABug() {
        assertThatThrownBy(() -> ComposeTree.steps(List.of(), "object", ComposeTreeTest::joined))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anyNumberOfPartsJoinsInOrderThirtyTwoAtMostPerCall() {
        qt().withExamples(300).forAll(integers().between(1, 10_000)).check(count -> {
            List<String> parts = parts(count);
            List<ComposeTree.Step> steps = ComposeTree.steps(parts, "object", ComposeTreeTest::joined);
            return steps.stream().allMatch(step -> !step.sources().isEmpty()
                    && step.sources().size() <= ComposeTree.MAX_SOURCES)
                    && steps.get(steps.size() - 1).target().equals("object")
                    && parts.equals(contentsOfTheLastTarget(parts, steps));
        });
    }

    /**
     * Replays the steps: each source must exist before its step, no target is written twice, and
     * the content of a target is its sources' contents in order. Null when a rule is broken.
     */
    private static List<String> contentsOfTheLastTarget(List<String> parts, List<ComposeTree.Step> steps) {
        Map<String, List<String>> contents = new HashMap<>();
        parts.forEach(part -> contents.put(part, List.of(part)));
        Set<String> targets = new HashSet<>();
        List<String> joined = List.of();
        for (ComposeTree.Step step : steps) {
            if (!contents.keySet().containsAll(step.sources()) || !targets.add(step.target())) {
                return null;
            }
            joined = new ArrayList<>();
            for (String source : step.sources()) {
                joined.addAll(contents.get(source));
            }
            contents.put(step.target(), joined);
        }
        return joined;
    }

    private static List<String> parts(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> "p" + n).toList();
    }

    private static String joined(int level, int index) {
        return "c" + level + "-" + index;
    }
}
