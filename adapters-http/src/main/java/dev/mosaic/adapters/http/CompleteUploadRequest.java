package dev.mosaic.adapters.http;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.UserId;
import java.util.ArrayList;
import java.util.List;

/** The body of {@code POST /api/v1/files/upload/complete/}. */
record CompleteUploadRequest(Long assetId, String objectKey, String uploadId, List<Part> parts) {

    CompleteUploadCommand toCommand(UserId user) {
        return new CompleteUploadCommand(user, new AssetReference(assetId, objectKey), uploadId, completedParts());
    }

    private List<CompletedPart> completedParts() {
        if (parts == null) {
            return null;
        }
        List<CompletedPart> completed = new ArrayList<>(parts.size());
        for (int index = 0; index < parts.size(); index++) {
            Part part = parts.get(index);
            if (part == null || part.partNumber() == null || part.etag() == null) {
                throw new RequestRejected(RequestRejected.Reason.INVALID, "part_invalid",
                        "parts[" + index + "] needs an ETag and a PartNumber");
            }
            completed.add(new CompletedPart(part.partNumber(), part.etag()));
        }
        return completed;
    }

    /** One uploaded part, named as S3 names it ({@code ETag}, {@code PartNumber}) or in snake_case. */
    record Part(
            @JsonProperty("part_number") @JsonAlias({"PartNumber", "partNumber"}) Integer partNumber,
            @JsonProperty("etag") @JsonAlias({"ETag", "Etag", "e_tag"}) String etag) {
    }
}
