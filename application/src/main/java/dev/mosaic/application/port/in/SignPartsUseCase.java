package dev.mosaic.application.port.in;

import dev.mosaic.application.view.PartsIssued;

@FunctionalInterface
public interface SignPartsUseCase {

    PartsIssued sign(SignPartsCommand command);
}
