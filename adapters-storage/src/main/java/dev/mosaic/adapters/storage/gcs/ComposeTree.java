package dev.mosaic.adapters.storage.gcs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * How to join any number of objects when one compose takes at most 32: compose each run of 32 into an
 * intermediate object, then those, level by level, until one call makes the target. A run of one is
 * carried up as it is rather than copied.
 */
final class ComposeTree {

    static final int MAX_SOURCES = 32;

    /** One compose call: these sources, in order, into this target. */
    record Step(List<String> sources, String target) {
        Step {
            sources = List.copyOf(sources);
        }
    }

    private ComposeTree() {
    }

    /**
     * The calls in an order where every source exists before it is used; the last makes
     * {@code target}. {@code intermediate} names the object of (level, index).
     */
    static List<Step> steps(List<String> sources, String target, BiFunction<Integer, Integer, String> intermediate) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("nothing to compose into " + target);
        }
        List<Step> steps = new ArrayList<>();
        List<String> level = sources;
        for (int depth = 0; level.size() > MAX_SOURCES; depth++) {
            List<String> next = new ArrayList<>();
            for (int from = 0; from < level.size(); from += MAX_SOURCES) {
                List<String> run = level.subList(from, Math.min(from + MAX_SOURCES, level.size()));
                if (run.size() == 1) {
                    next.add(run.get(0));
                } else {
                    String joined = intermediate.apply(depth, from / MAX_SOURCES);
                    steps.add(new Step(run, joined));
                    next.add(joined);
                }
            }
            level = next;
        }
        steps.add(new Step(level, target));
        return steps;
    }
}
