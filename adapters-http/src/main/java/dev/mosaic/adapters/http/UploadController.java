package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.AbortUploadUseCase;
import dev.mosaic.application.port.in.CompleteUploadUseCase;
import dev.mosaic.application.port.in.ReplaceAssetUseCase;
import dev.mosaic.application.port.in.SendAlbumUseCase;
import dev.mosaic.application.port.in.SignPartsUseCase;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Steps 1 and 4 of the guide, plus fresh part URLs, cancelling and replacing one cell. */
final class UploadController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final SendAlbumUseCase sendAlbum;
    private final CompleteUploadUseCase completeUpload;
    private final SignPartsUseCase signParts;
    private final AbortUploadUseCase abortUpload;
    private final ReplaceAssetUseCase replaceAsset;
    private final JsonBody bodies;
    private final JsonAnswers answers;

    UploadController(UseCases useCases, JsonBody bodies, JsonAnswers answers) {
        this.sendAlbum = useCases.sendAlbum();
        this.completeUpload = useCases.completeUpload();
        this.signParts = useCases.signParts();
        this.abortUpload = useCases.abortUpload();
        this.replaceAsset = useCases.replaceAsset();
        this.bodies = bodies;
        this.answers = answers;
    }

    void send(Context ctx) {
        SendAlbumRequest request = bodies.read(ctx, SendAlbumRequest.class);
        answers.write(ctx.status(HttpStatus.CREATED), AlbumCreatedJson.from(
                sendAlbum.send(request.toCommand(Authentication.user(ctx), ctx.header(IDEMPOTENCY_KEY)))));
    }

    void complete(Context ctx) {
        CompleteUploadRequest request = bodies.read(ctx, CompleteUploadRequest.class);
        answers.write(ctx, completeUpload.complete(request.toCommand(Authentication.user(ctx))));
    }

    void signParts(Context ctx) {
        SignPartsRequest request = bodies.read(ctx, SignPartsRequest.class);
        answers.write(ctx, signParts.sign(request.toCommand(Authentication.user(ctx))));
    }

    void replace(Context ctx) {
        ReplaceAssetRequest request = bodies.read(ctx, ReplaceAssetRequest.class);
        answers.write(ctx, UploadInstructionJson.from(
                replaceAsset.replace(request.toCommand(Authentication.user(ctx), ctx.header(IDEMPOTENCY_KEY)))));
    }

    void abort(Context ctx) {
        AbortUploadRequest request = bodies.read(ctx, AbortUploadRequest.class);
        answers.write(ctx, abortUpload.abort(request.toCommand(Authentication.user(ctx))));
    }
}
