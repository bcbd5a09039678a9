package dev.mosaic.adapters.persistence;

import dev.mosaic.application.contract.JobQueueContract;
import dev.mosaic.application.contract.Ports;

class PostgresJobQueueContractTest extends JobQueueContract {

    @Override
    protected Ports newPorts() {
        return PostgresStores.ports();
    }
}
