package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.SignPartsCommand;
import dev.mosaic.domain.UserId;
import java.util.List;

/** The body of {@code POST /api/v1/files/upload/parts/}. */
record SignPartsRequest(Long assetId, String objectKey, String uploadId, List<Integer> partNumbers,
                        Integer fromPart) {

    SignPartsCommand toCommand(UserId user) {
        if (partNumbers != null && partNumbers.stream().anyMatch(number -> number == null)) {
            throw new RequestRejected(RequestRejected.Reason.INVALID, "part_numbers_invalid",
                    "part_numbers must list integers only");
        }
        return new SignPartsCommand(user, new AssetReference(assetId, objectKey), uploadId, partNumbers, fromPart);
    }
}
