package dev.mosaic.application.service;

import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.in.SignPartsCommand;
import dev.mosaic.application.port.in.SignPartsUseCase;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.application.port.out.ObjectStorage.SignedRequest;
import dev.mosaic.application.view.PartBatch;
import dev.mosaic.application.view.PartsIssued;
import dev.mosaic.application.view.PartsIssued.StoredPart;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.UploadPlan;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What a client needs to go on with an upload, or to resume it after losing its state: for a multipart
 * upload the parts the store holds and URLs for the missing ones only; for a direct upload a fresh URL.
 */
public final class SignPartsService implements SignPartsUseCase {
    private final MosaicSettings settings;
    private final OwnedAssets owned;
    private final ObjectStorage storage;
    private final UploadInstructions instructions;
    private final Clock clock;

    public SignPartsService(MosaicSettings settings, Messages messages, ObjectStorage storage, Clock clock) {
        this.settings = settings;
        this.owned = new OwnedAssets(messages);
        this.storage = storage;
        this.instructions = new UploadInstructions(storage);
        this.clock = clock;
    }

    @Override
    public PartsIssued sign(SignPartsCommand command) {
        Asset asset = owned.find(command.user(), command.asset());
        if (!asset.isUploading()) {
            throw new RequestRejected(Reason.CONFLICT, "upload_not_active",
                    "this upload is " + asset.stage().wireName() + ", parts can no longer be sent");
        }
        Instant expiresAt = clock.instant().plus(settings.uploadUrlTtl());
        if (asset.plan() instanceof UploadPlan.Multipart plan) {
            return multipart(command, asset, plan, expiresAt);
        }
        return direct(command, asset, expiresAt);
    }

    private PartsIssued direct(SignPartsCommand command, Asset asset, Instant expiresAt) {
        if (!command.partNumbers().isEmpty() || command.fromPart() != null) {
            throw new RequestRejected(Reason.CONFLICT, "not_multipart",
                    "this upload is a direct upload and has no parts; ask without part_numbers or from_part "
                            + "for a fresh put_url");
        }
        if (command.uploadId() != null) {
            throw new RequestRejected(Reason.UNPROCESSABLE, "upload_id_mismatch",
                    "this upload is a direct upload and has no upload_id");
        }
        SignedRequest put = storage.signPut(asset.objectKey(), asset.fileSize(), asset.contentType(), expiresAt);
        return PartsIssued.direct(asset.id().value(), asset.objectKey().value(), expiresAt.toString(),
                put.location(), put.headers());
    }

    private PartsIssued multipart(SignPartsCommand command, Asset asset, UploadPlan.Multipart plan, Instant expiresAt) {
        if (command.uploadId() != null && !command.uploadId().equals(plan.startedId())) {
            throw new RequestRejected(Reason.UNPROCESSABLE, "upload_id_mismatch",
                    "upload_id is not the one given for this asset");
        }
        List<Integer> asked = asked(command, plan);
        List<StoredPart> stored = storage.listParts(asset.objectKey(), plan.startedId())
                .orElseThrow(() -> new RequestRejected(Reason.CONFLICT, "upload_not_found",
                        "storage knows no such multipart upload; it was aborted or has expired"))
                .stream()
                .filter(part -> plan.hasPart(part.number()))
                .map(part -> new StoredPart(part.number(), part.size(), part.etag()))
                .toList();
        Set<Integer> held = stored.stream().map(StoredPart::partNumber).collect(Collectors.toSet());
        List<Integer> missing = asked.stream().filter(number -> !held.contains(number)).toList();
        List<Integer> signed = command.partNumbers().isEmpty()
                ? missing.stream().limit(settings.firstPartBatch()).toList() : missing;
        int lastConsidered = signed.isEmpty() ? asked.get(asked.size() - 1) : signed.get(signed.size() - 1);
        Integer next = IntStream.rangeClosed(lastConsidered + 1, plan.numParts())
                .filter(number -> !held.contains(number)).boxed().findFirst().orElse(null);
        List<UploadPlan.Part> parts = signed.stream().map(n -> new UploadPlan.Part(n, plan.sizeOf(n))).toList();
        PartBatch batch = instructions.batch(asset, plan, parts, next, expiresAt);
        return PartsIssued.multipart(asset.id().value(), asset.objectKey().value(), plan.startedId(), plan.partSize(),
                plan.numParts(), stored, batch);
    }

    /** The listed parts (at most a batch), or every part from {@code fromPart} on; stored ones are left out later. */
    private List<Integer> asked(SignPartsCommand command, UploadPlan.Multipart plan) {
        if (command.partNumbers().isEmpty()) {
            int from = command.fromPart() == null ? 1 : command.fromPart();
            if (!plan.hasPart(from)) {
                throw outOfRange(from, plan);
            }
            return IntStream.rangeClosed(from, plan.numParts()).boxed().toList();
        }
        if (command.partNumbers().size() > settings.firstPartBatch()) {
            throw new RequestRejected(Reason.UNPROCESSABLE, "too_many_parts_requested",
                    "ask for at most " + settings.firstPartBatch() + " parts at once");
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
