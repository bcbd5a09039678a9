package dev.mosaic.application.service;

import dev.mosaic.application.port.in.ReadLimitsUseCase;
import dev.mosaic.application.port.in.ReadQuotaUseCase;
import dev.mosaic.application.view.UploadLimits;
import dev.mosaic.application.view.UploadLimits.KindLimits;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.UploadPolicy;
import dev.mosaic.domain.UserId;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The upload policy and the viewer's quota headroom, told to clients: what the batch request is checked against. */
public final class ReadLimitsService implements ReadLimitsUseCase {
    private final UploadPolicy policy;
    private final Map<String, KindLimits> kinds;
    private final UploadLimits.Multipart multipart;
    private final ReadQuotaUseCase quota;

    public ReadLimitsService(UploadPolicy policy, ReadQuotaUseCase quota) {
        this.policy = policy;
        this.kinds = Arrays.stream(AssetKind.values()).collect(Collectors.toMap(
                AssetKind::wireName, kind -> new KindLimits(policy.maxBytes(kind), ContentType.acceptedFor(kind))));
        this.multipart = new UploadLimits.Multipart(policy.multipartThreshold(), policy.defaultPartSize(),
                UploadPolicy.MIN_PART_SIZE, UploadPolicy.MAX_PART_SIZE, UploadPolicy.MAX_PARTS);
        this.quota = quota;
    }

    @Override
    public UploadLimits limits(UserId viewer) {
        return new UploadLimits(policy.maxAttachments(), policy.maxTextLength(), kinds, multipart,
                quota.headroom(viewer));
    }
}
