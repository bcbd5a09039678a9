package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.AbortUploadCommand;
import dev.mosaic.application.port.in.AbortUploadUseCase;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.CompleteUploadUseCase;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.in.SignPartsCommand;
import dev.mosaic.application.port.in.SignPartsUseCase;
import dev.mosaic.application.view.AssetView;
import dev.mosaic.application.view.PartsIssued;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * An S3-shaped face on Mosaic's own multipart uploads, for uploaders that speak S3's HTTP API to presigned URLs
 * themselves (Uppy 6's {@code @uppy/aws-s3} asks a {@code signRequest} hook for a URL per request): initiate
 * answers the upload Mosaic started with the batch request, list parts what the store holds, complete and abort
 * go through Mosaic's own completion and cancelling. Authenticated by the bearer token like every API call; the
 * parts themselves go straight to the store on Mosaic's signed part URLs. Refusals stay problem+json.
 */
final class S3FaceController {
    static final String PATH = "/api/v1/files/upload/s3/{asset_id}";
    /** What S3 callers see as the bucket: Mosaic's uploads, whichever store holds them. */
    static final String BUCKET = "mosaic";

    private final SignPartsUseCase parts;
    private final CompleteUploadUseCase completion;
    private final AbortUploadUseCase abort;
    private final JsonBody bodies;

    S3FaceController(UseCases useCases, JsonBody bodies) {
        this.parts = useCases.signParts();
        this.completion = useCases.completeUpload();
        this.abort = useCases.abortUpload();
        this.bodies = bodies;
    }

    void initiate(Context ctx) {
        PartsIssued issued = multipart(ctx);
        xml(ctx, S3Xml.initiated(BUCKET, issued.objectKey(), issued.uploadId()));
    }

    void listParts(Context ctx) {
        xml(ctx, S3Xml.parts(BUCKET, multipart(ctx)));
    }

    void complete(Context ctx) {
        long assetId = assetId(ctx);
        AssetView asset = completion.complete(new CompleteUploadCommand(Authentication.user(ctx),
                new AssetReference(assetId, null), uploadId(ctx), S3Xml.completion(bodies.raw(ctx))));
        xml(ctx, S3Xml.completed("/api/v1/messages/" + asset.messageId(), BUCKET, ctx.queryParam("key") == null
                ? Long.toString(assetId) : ctx.queryParam("key")));
    }

    void abort(Context ctx) {
        abort.abort(new AbortUploadCommand(Authentication.user(ctx), new AssetReference(assetId(ctx), null)));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private PartsIssued multipart(Context ctx) {
        PartsIssued issued = parts.sign(new SignPartsCommand(Authentication.user(ctx),
                new AssetReference(assetId(ctx), null), ctx.queryParam("upload_id"), List.of(), null));
        if (!"multipart".equals(issued.mode())) {
            throw new RequestRejected(Reason.CONFLICT, "not_multipart",
                    "this upload is a direct upload: PUT the file to its put_url");
        }
        return issued;
    }

    private static String uploadId(Context ctx) {
        String uploadId = ctx.queryParam("upload_id");
        if (uploadId == null || uploadId.isBlank()) {
            throw new RequestRejected(Reason.INVALID, "upload_id_missing", "name the upload with ?upload_id=");
        }
        return uploadId;
    }

    private static long assetId(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("asset_id"));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new RequestRejected(Reason.INVALID, "asset_id_invalid", "asset_id must be a positive integer");
    }

    private static void xml(Context ctx, String body) {
        ctx.contentType(S3Xml.CONTENT_TYPE).result(body);
    }
}
