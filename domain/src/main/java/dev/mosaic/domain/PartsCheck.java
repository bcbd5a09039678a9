package dev.mosaic.domain;

import java.util.Objects;

/** What {@link CompletionRules} answer of a multipart completion's parts: they pass, or why not. */
public sealed interface PartsCheck {

    /** The parts are the plan: the store may join them. */
    PartsCheck PASSED = new Passed();

    record Passed() implements PartsCheck {
    }

    record Refused(Refusal refusal) implements PartsCheck {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
