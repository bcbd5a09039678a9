package dev.mosaic.application.fake;

import dev.mosaic.application.port.out.ObjectStorage.MultipartOutcome;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.CompletionRules;
import dev.mosaic.domain.Refusal;
import dev.mosaic.domain.UploadPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** S3's checks at completion: every planned part uploaded, of the planned size, with the listed ETag. */
final class StoragePartCheck {

    private StoragePartCheck() {
    }

    static Optional<MultipartOutcome.Refused> check(UploadPlan.Multipart plan, List<CompletedPart> listed,
                                                    Map<Integer, byte[]> uploaded) {
        Map<Integer, String> etags = new HashMap<>();
        listed.forEach(part -> etags.putIfAbsent(part.partNumber(), part.etag()));
        for (UploadPlan.Part part : plan.parts()) {
            if (!etags.containsKey(part.number()) || !uploaded.containsKey(part.number())) {
                return refuse("part_missing", "part " + part.number() + " was not uploaded");
            }
            long size = uploaded.get(part.number()).length;
            if (size != part.size()) {
                return refuse("part_size_mismatch",
                        "part " + part.number() + " has " + size + " bytes, the plan says " + part.size());
            }
        }
        for (UploadPlan.Part part : plan.parts()) {
            String actual = CompletionRules.normalizeEtag(StorageEtags.quotedMd5(uploaded.get(part.number())));
            if (!actual.equals(CompletionRules.normalizeEtag(etags.get(part.number())))) {
                return refuse("etag_mismatch", "part " + part.number() + " has another ETag");
            }
        }
        return Optional.empty();
    }

    private static Optional<MultipartOutcome.Refused> refuse(String code, String detail) {
        return Optional.of(new MultipartOutcome.Refused(new Refusal(code, detail)));
    }
}
