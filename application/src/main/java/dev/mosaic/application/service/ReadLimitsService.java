package dev.mosaic.application.service;

import dev.mosaic.application.port.in.ReadLimitsUseCase;
import dev.mosaic.application.view.UploadLimits;
import dev.mosaic.application.view.UploadLimits.KindLimits;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.UploadPolicy;
import dev.mosaic.domain.UserId;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The upload policy, told to clients: the same numbers the batch request is checked against. */
public final class ReadLimitsService implements ReadLimitsUseCase {
    private final UploadLimits limits;

    public ReadLimitsService(UploadPolicy policy) {
        Map<String, KindLimits> kinds = Arrays.stream(AssetKind.values()).collect(Collectors.toMap(
                AssetKind::wireName, kind -> new KindLimits(policy.maxBytes(kind), ContentType.acceptedFor(kind))));
        this.limits = new UploadLimits(policy.maxAttachments(), policy.maxTextLength(), kinds,
                new UploadLimits.Multipart(policy.multipartThreshold(), policy.defaultPartSize(),
                        UploadPolicy.MIN_PART_SIZE, UploadPolicy.MAX_PART_SIZE, UploadPolicy.MAX_PARTS));
    }

    @Override
    public UploadLimits limits(UserId viewer) {
        return limits;
    }
}
