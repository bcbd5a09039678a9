package dev.mosaic.adapters.persistence;

import dev.mosaic.application.contract.MessagesContract;
import dev.mosaic.application.contract.Ports;

class PostgresMessagesContractTest extends MessagesContract {

    @Override
    protected Ports newPorts() {
        return PostgresStores.ports();
    }
}
