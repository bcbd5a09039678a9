package dev.mosaic.adapters.persistence;

import dev.mosaic.application.contract.MessagesContract;
import dev.mosaic.application.contract.Ports;
import dev.mosaic.domain.UserId;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2MessagesContractTest extends MessagesContract {
    @TempDir
    Path folder;

    @Override
    protected Ports newPorts() {
        return H2Stores.portsIn(folder);
    }

    @Override
    protected void keepTotals(Ports ports, UserId user, long uploads, long bytes) {
        PendingUploadsChecks.keepTotals(ports, user, uploads, bytes);
    }
}
