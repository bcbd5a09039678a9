package dev.mosaic.adapters.persistence;

import dev.mosaic.application.contract.EventLogContract;
import dev.mosaic.application.contract.Ports;

class PostgresEventLogContractTest extends EventLogContract {

    @Override
    protected Ports newPorts() {
        return PostgresStores.ports();
    }
}
