package dev.mosaic.domain;

import java.util.List;
import java.util.Optional;

/** What a multipart completion must look like before storage is even asked. */
public final class CompletionRules {

    private CompletionRules() {
    }

    /** Empty when the list names every part of the plan once, ascending, each with an ETag. */
    public static Optional<Refusal> check(UploadPlan.Multipart plan, List<CompletedPart> parts) {
        if (parts == null || parts.isEmpty()) {
            return refuse("parts_missing", "a multipart completion lists its parts");
        }
        int previous = 0;
        for (CompletedPart part : parts) {
            if (!plan.hasPart(part.partNumber())) {
                return refuse("part_number_out_of_range",
                        "part " + part.partNumber() + " is not in the plan of " + plan.numParts() + " parts");
            }
            if (part.partNumber() <= previous) {
                return refuse("parts_not_ascending", "parts must be listed once each, in ascending order");
            }
            if (part.etag() == null || part.etag().isBlank()) {
                return refuse("etag_missing", "part " + part.partNumber() + " has no ETag");
            }
            if (part.etag().length() > 128) {
                return refuse("etag_invalid", "part " + part.partNumber() + " has an ETag longer than 128 characters");
            }
            previous = part.partNumber();
        }
        if (parts.size() != plan.numParts()) {
            return refuse("parts_incomplete",
                    parts.size() + " of " + plan.numParts() + " parts were listed");
        }
        return Optional.empty();
    }

    /** ETags compare without their quotes, as S3 clients differ on keeping them. */
    public static String normalizeEtag(String etag) {
        String trimmed = etag == null ? "" : etag.trim();
        if (trimmed.startsWith("W/")) {
            trimmed = trimmed.substring(2);
        }
        return trimmed.replace("\"", "");
    }

    private static Optional<Refusal> refuse(String code, String detail) {
        return Optional.of(new Refusal(code, detail));
    }
}
