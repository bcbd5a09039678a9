package dev.mosaic.application.service;

import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.in.SendAlbumCommand.Attachment;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.AssetText;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.FileName;
import dev.mosaic.domain.MediaInfo;
import dev.mosaic.domain.PartProposal;
import dev.mosaic.domain.PlanResult;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UploadPolicy;
import java.util.Optional;

/** Checks one attachment of a batch request against the policy, before anything is written. */
final class AttachmentRules {
    private static final double MAX_DURATION_SECONDS = 24 * 3600;

    private final UploadPolicy policy;

    AttachmentRules(UploadPolicy policy) {
        this.policy = policy;
    }

    /** Everything needed to create the asset, or a refusal naming the field {@code at} its place ("attachments[0]."). */
    Checked check(String at, Attachment attachment) {
        if (attachment.fileName() == null) {
            throw invalid("file_name_missing", at + "file_name is required");
        }
        if (attachment.fileSize() == null) {
            throw invalid("file_size_missing", at + "file_size is required");
        }
        if (attachment.kind() == null) {
            throw invalid("kind_missing", at + "kind is required (image, video or file)");
        }
        if (attachment.contentType() == null) {
            throw invalid("content_type_missing", at + "content_type is required");
        }
        AssetKind kind = AssetKind.fromWire(attachment.kind()).orElseThrow(() ->
                invalid("kind_invalid", at + "kind must be image, video or file"));
        ContentType type = ContentType.parse(attachment.contentType()).orElseThrow(() ->
                unprocessable("content_type_invalid", at + "content_type must be a media type like image/jpeg"));
        if (!type.agreesWith(kind)) {
            throw unprocessable("content_type_kind_mismatch",
                    at + "content_type " + type + " is not allowed for kind " + kind.wireName());
        }
        PartProposal proposal = new PartProposal(attachment.clientPartSize(), attachment.clientNumParts());
        PlanResult result = policy.plan(kind, attachment.fileSize(), proposal);
        if (result instanceof PlanResult.Refused refused) {
            throw new RequestRejected(Reason.UNPROCESSABLE, refused.refusal().code(), at + refused.refusal().detail());
        }
        UploadPlan plan = ((PlanResult.Planned) result).plan();
        return new Checked(kind, FileName.sanitize(attachment.fileName()), type, plan, hints(at, attachment),
                text(at, attachment));
    }

    /** Caption and alt text are cleaned as file names are; one too long is refused, not cut. */
    private static AssetText text(String at, Attachment attachment) {
        Optional<String> caption = AssetText.clean(attachment.caption());
        Optional<String> altText = AssetText.clean(attachment.altText());
        if (!AssetText.fits(caption, AssetText.MAX_CAPTION)) {
            throw unprocessable("caption_too_long", at + "caption may be at most " + AssetText.MAX_CAPTION
                    + " characters");
        }
        if (!AssetText.fits(altText, AssetText.MAX_ALT_TEXT)) {
            throw unprocessable("alt_text_too_long", at + "alt_text may be at most " + AssetText.MAX_ALT_TEXT
                    + " characters");
        }
        return new AssetText(caption, altText);
    }

    private static MediaInfo hints(String at, Attachment attachment) {
        if (outOfRange(attachment.width()) || outOfRange(attachment.height())) {
            throw unprocessable("dimension_invalid",
                    at + "width and height must be between 1 and " + UploadPolicy.MAX_HINT_DIMENSION);
        }
        Double duration = attachment.duration();
        if (duration != null && (duration.isNaN() || duration < 0 || duration > MAX_DURATION_SECONDS)) {
            throw unprocessable("duration_invalid", at + "duration must be between 0 and " + MAX_DURATION_SECONDS);
        }
        if (!UploadPolicy.placeholderFits(attachment.placeholder())) {
            throw unprocessable("placeholder_invalid", at + "placeholder must be at most "
                    + UploadPolicy.MAX_PLACEHOLDER_LENGTH + " printable ASCII characters");
        }
        return new MediaInfo(attachment.width(), attachment.height(),
                duration == null ? null : Math.round(duration * 1000), attachment.placeholder());
    }

    private static boolean outOfRange(Integer dimension) {
        return dimension != null && (dimension < 1 || dimension > UploadPolicy.MAX_HINT_DIMENSION);
    }

    private static RequestRejected invalid(String code, String detail) {
        return new RequestRejected(Reason.INVALID, code, detail);
    }

    private static RequestRejected unprocessable(String code, String detail) {
        return new RequestRejected(Reason.UNPROCESSABLE, code, detail);
    }

    record Checked(AssetKind kind, FileName fileName, ContentType contentType, UploadPlan plan, MediaInfo hints,
                   AssetText text) {
    }
}
