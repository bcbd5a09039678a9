package dev.mosaic.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a multipart completion must look like before storage is even asked. */
public final class CompletionRules {

    private CompletionRules() {
    }

    /** Passes when the list names every part of the plan once, ascending, each with an ETag. */
    public static PartsCheck check(UploadPlan.Multipart plan, List<CompletedPart> parts) {
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
        return PartsCheck.PASSED;
    }

    /**
     * Before a store joins parts, checks that what it holds is the plan: every part uploaded and
     * listed, each of its planned size, each with the ETag the client reported.
     */
    public static PartsCheck checkUploaded(UploadPlan.Multipart plan, List<CompletedPart> claimed,
                                           Map<Integer, UploadedPart> stored) {
        Map<Integer, String> etags = new HashMap<>();
        claimed.forEach(part -> etags.putIfAbsent(part.partNumber(), part.etag()));
        for (UploadPlan.Part part : plan.parts()) {
            UploadedPart found = stored.get(part.number());
            if (found == null || !etags.containsKey(part.number())) {
                return refuse("part_missing", "part " + part.number() + " was not uploaded");
            }
            if (found.size() != part.size()) {
                return refuse("part_size_mismatch",
                        "part " + part.number() + " has " + found.size() + " bytes, the plan says " + part.size());
            }
        }
        for (UploadPlan.Part part : plan.parts()) {
            String held = normalizeEtag(stored.get(part.number()).etag());
            if (held.isEmpty() || !held.equalsIgnoreCase(normalizeEtag(etags.get(part.number())))) {
                return refuse("etag_mismatch", "part " + part.number() + " holds other bytes than its ETag says");
            }
        }
        return PartsCheck.PASSED;
    }

    /** ETags compare without their quotes, as S3 clients differ on keeping them. */
    public static String normalizeEtag(String etag) {
        String trimmed = etag == null ? "" : etag.trim();
        if (trimmed.startsWith("W/")) {
            trimmed = trimmed.substring(2);
        }
        return trimmed.replace("\"", "");
    }

    private static PartsCheck refuse(String code, String detail) {
        return new PartsCheck.Refused(new Refusal(code, detail));
    }
}
