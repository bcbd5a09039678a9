package dev.mosaic.adapters.persistence;

import dev.mosaic.application.contract.IdempotencyKeysContract;
import dev.mosaic.application.contract.Ports;

class PostgresIdempotencyKeysContractTest extends IdempotencyKeysContract {

    @Override
    protected Ports newPorts() {
        return PostgresStores.ports();
    }
}
