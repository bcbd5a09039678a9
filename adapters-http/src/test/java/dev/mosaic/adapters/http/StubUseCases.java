package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.AbortUploadCommand;
import dev.mosaic.application.port.in.AbortUploadUseCase;
import dev.mosaic.application.port.in.ReplaceAssetCommand;
import dev.mosaic.application.port.in.ReplaceAssetUseCase;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.CompleteUploadUseCase;
import dev.mosaic.application.port.in.GetMessageUseCase;
import dev.mosaic.application.port.in.ListConversationQuery;
import dev.mosaic.application.port.in.ListConversationUseCase;
import dev.mosaic.application.port.in.ReadLimitsUseCase;
import dev.mosaic.application.port.in.RelayUploadProgressUseCase;
import dev.mosaic.application.port.in.ReportUploadProgressUseCase;
import dev.mosaic.application.port.in.SendAlbumCommand;
import dev.mosaic.application.port.in.SendAlbumUseCase;
import dev.mosaic.application.port.in.SignPartsCommand;
import dev.mosaic.application.port.in.SignPartsUseCase;
import dev.mosaic.application.storage.SignedUrlEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Use cases that answer fixed views and remember the last command they got. Tests swap in their own lambdas
 * where they need another answer.
 */
final class StubUseCases {

    final AtomicReference<SendAlbumCommand> lastSend = new AtomicReference<>();
    final AtomicReference<CompleteUploadCommand> lastComplete = new AtomicReference<>();
    final AtomicReference<SignPartsCommand> lastSign = new AtomicReference<>();
    final AtomicReference<AbortUploadCommand> lastAbort = new AtomicReference<>();
    final AtomicReference<ReplaceAssetCommand> lastReplace = new AtomicReference<>();
    final AtomicReference<ListConversationQuery> lastQuery = new AtomicReference<>();
    final InMemoryEvents events = new InMemoryEvents();

    SendAlbumUseCase sendAlbum = command -> {
        lastSend.set(command);
        return Views.albumCreated();
    };
    CompleteUploadUseCase completeUpload = command -> {
        lastComplete.set(command);
        return Views.asset(501);
    };
    SignPartsUseCase signParts = command -> {
        lastSign.set(command);
        return Views.partsIssued();
    };
    AbortUploadUseCase abortUpload = command -> {
        lastAbort.set(command);
        return Views.asset(501);
    };
    ReplaceAssetUseCase replaceAsset = command -> {
        lastReplace.set(command);
        return Views.replaced();
    };
    GetMessageUseCase getMessage = (viewer, id) -> Views.message(id.value());
    ListConversationUseCase listConversation = query -> {
        lastQuery.set(query);
        return List.of(Views.message(106), Views.message(105));
    };
    ReportUploadProgressUseCase reportUploadProgress = (sender, assetId, progress) -> Optional.empty();
    RelayUploadProgressUseCase relayUploadProgress = note -> Optional.empty();
    ReadLimitsUseCase readLimits = viewer -> Views.limits();
    SignedUrlEndpoint signedUrls;

    UseCases useCases() {
        return new UseCases(command -> sendAlbum.send(command), command -> completeUpload.complete(command),
                command -> signParts.sign(command), command -> abortUpload.abort(command),
                command -> replaceAsset.replace(command), (viewer, id) -> getMessage.get(viewer, id), query -> listConversation.list(query), events,
                (sender, assetId, progress) -> reportUploadProgress.report(sender, assetId, progress),
                note -> relayUploadProgress.relay(note), viewer -> readLimits.limits(viewer), Optional.ofNullable(signedUrls));
    }
}
