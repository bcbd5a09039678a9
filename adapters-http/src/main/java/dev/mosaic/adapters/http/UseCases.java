package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.AbortUploadUseCase;
import dev.mosaic.application.port.in.CompleteUploadUseCase;
import dev.mosaic.application.port.in.GetMessageUseCase;
import dev.mosaic.application.port.in.ListConversationUseCase;
import dev.mosaic.application.port.in.ReadLimitsUseCase;
import dev.mosaic.application.port.in.ReplaceAssetUseCase;
import dev.mosaic.application.port.in.ReadEventsUseCase;
import dev.mosaic.application.port.in.RelayUploadProgressUseCase;
import dev.mosaic.application.port.in.ReportUploadProgressUseCase;
import dev.mosaic.application.port.in.SendAlbumUseCase;
import dev.mosaic.application.port.in.SignPartsUseCase;
import dev.mosaic.application.storage.SignedUrlEndpoint;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the HTTP adapter calls into.
 *
 * @param signedUrls present when the store has no server of its own (local disk): then {@code /storage/*} is served
 */
public record UseCases(
        SendAlbumUseCase sendAlbum,
        CompleteUploadUseCase completeUpload,
        SignPartsUseCase signParts,
        AbortUploadUseCase abortUpload,
        ReplaceAssetUseCase replaceAsset,
        GetMessageUseCase getMessage,
        ListConversationUseCase listConversation,
        ReadEventsUseCase readEvents,
        ReportUploadProgressUseCase reportUploadProgress,
        RelayUploadProgressUseCase relayUploadProgress,
        ReadLimitsUseCase readLimits,
        Optional<SignedUrlEndpoint> signedUrls) {

    public UseCases {
        Objects.requireNonNull(sendAlbum, "sendAlbum");
        Objects.requireNonNull(completeUpload, "completeUpload");
        Objects.requireNonNull(signParts, "signParts");
        Objects.requireNonNull(abortUpload, "abortUpload");
        Objects.requireNonNull(replaceAsset, "replaceAsset");
        Objects.requireNonNull(getMessage, "getMessage");
        Objects.requireNonNull(listConversation, "listConversation");
        Objects.requireNonNull(readEvents, "readEvents");
        Objects.requireNonNull(reportUploadProgress, "reportUploadProgress");
        Objects.requireNonNull(relayUploadProgress, "relayUploadProgress");
        Objects.requireNonNull(readLimits, "readLimits");
        Objects.requireNonNull(signedUrls, "signedUrls");
    }
}
