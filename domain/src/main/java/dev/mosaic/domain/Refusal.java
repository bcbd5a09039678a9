package dev.mosaic.domain;

import java.util.Objects;

/** Why a rule said no: a stable machine code and a sentence for people. */
public record Refusal(String code, String detail) {
    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }
}
