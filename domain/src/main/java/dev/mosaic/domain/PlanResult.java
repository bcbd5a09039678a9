package dev.mosaic.domain;

/** The planner's answer: a plan, or a refusal with a reason. */
public sealed interface PlanResult {

    record Planned(UploadPlan plan) implements PlanResult {
    }

    record Refused(Refusal refusal) implements PlanResult {
    }
}
