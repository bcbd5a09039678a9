package dev.mosaic.application.port.in;

import dev.mosaic.domain.UserId;
import java.util.List;
import java.util.Objects;

/**
 * Asks for part URLs: the listed {@code partNumbers}, or when none are listed, up to one batch
 * starting at {@code fromPart} (1 when null).
 */
public record SignPartsCommand(UserId user, AssetReference asset, String uploadId, List<Integer> partNumbers,
                               Integer fromPart) {
    public SignPartsCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(asset, "asset");
        partNumbers = partNumbers == null ? List.of() : List.copyOf(partNumbers);
    }
}
