package dev.mosaic.application.service;

import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.in.SignPartsCommand;
import dev.mosaic.application.port.in.SignPartsUseCase;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.application.view.PartsIssued;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.UploadPlan;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Part URLs beyond the first batch, and fresh ones for parts whose URLs expired. */
public final class SignPartsService implements SignPartsUseCase {
    private final MosaicSettings settings;
    private final OwnedAssets owned;
    private final UploadInstructions instructions;
    private final Clock clock;

    public SignPartsService(MosaicSettings settings, Messages messages, ObjectStorage storage, Clock clock) {
        this.settings = settings;
        this.owned = new OwnedAssets(messages);
        this.instructions = new UploadInstructions(storage);
        this.clock = clock;
    }

    @Override
    public PartsIssued sign(SignPartsCommand command) {
        Asset asset = owned.find(command.user(), command.asset());
        if (!(asset.plan() instanceof UploadPlan.Multipart plan)) {
            throw new RequestRejected(Reason.CONFLICT, "not_multipart", "this upload is a direct upload, not multipart");
        }
        if (!asset.isUploading()) {
            throw new RequestRejected(Reason.CONFLICT, "upload_not_active",
                    "this upload is " + asset.stage().wireName() + ", parts can no longer be sent");
        }
        if (command.uploadId() != null && !command.uploadId().equals(plan.startedId())) {
            throw new RequestRejected(Reason.UNPROCESSABLE, "upload_id_mismatch",
                    "upload_id is not the one given for this asset");
        }
        List<UploadPlan.Part> parts = wanted(command, plan).stream().map(n -> new UploadPlan.Part(n, plan.sizeOf(n))).toList();
        Instant expiresAt = clock.instant().plus(settings.uploadUrlTtl());
        return new PartsIssued(asset.id().value(), plan.startedId(), instructions.batch(asset, plan, parts, expiresAt));
    }

    private List<Integer> wanted(SignPartsCommand command, UploadPlan.Multipart plan) {
        int batch = settings.firstPartBatch();
        if (command.partNumbers().isEmpty()) {
            int from = command.fromPart() == null ? 1 : command.fromPart();
            if (!plan.hasPart(from)) {
                throw outOfRange(from, plan);
            }
            return IntStream.rangeClosed(from, Math.min(plan.numParts(), from + batch - 1)).boxed().toList();
        }
        if (command.partNumbers().size() > batch) {
            throw new RequestRejected(Reason.UNPROCESSABLE, "too_many_parts_requested",
                    "ask for at most " + batch + " parts at once");
        }
        command.partNumbers().stream().filter(n -> n == null || !plan.hasPart(n)).findFirst().ifPresent(n -> {
            throw outOfRange(n, plan);
        });
        return command.partNumbers().stream().distinct().sorted().toList();
    }

    private static RequestRejected outOfRange(Integer number, UploadPlan.Multipart plan) {
        return new RequestRejected(Reason.UNPROCESSABLE, "part_number_out_of_range",
                "part " + number + " is not in the plan of " + plan.numParts() + " parts");
    }
}
