package dev.mosaic.application.port.in;

import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.UserId;
import java.util.List;
import java.util.Objects;

/** Step 4: the client says one file's bytes are in storage. Multipart adds its upload id and parts. */
public record CompleteUploadCommand(UserId user, AssetReference asset, String uploadId, List<CompletedPart> parts) {
    public CompleteUploadCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(asset, "asset");
        parts = parts == null ? null : List.copyOf(parts);
    }
}
