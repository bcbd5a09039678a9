package dev.mosaic.adapters.persistence;

import dev.mosaic.application.contract.MessagesContract;
import dev.mosaic.application.contract.Ports;
import dev.mosaic.domain.UserId;

class PostgresMessagesContractTest extends MessagesContract {

    @Override
    protected Ports newPorts() {
        return PostgresStores.ports();
    }

    @Override
    protected void keepTotals(Ports ports, UserId user, long uploads, long bytes) {
        PendingUploadsChecks.keepTotals(ports, user, uploads, bytes);
    }
}
