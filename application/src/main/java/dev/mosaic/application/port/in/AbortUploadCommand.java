package dev.mosaic.application.port.in;

import dev.mosaic.domain.UserId;
import java.util.Objects;

public record AbortUploadCommand(UserId user, AssetReference asset) {
    public AbortUploadCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(asset, "asset");
    }
}
