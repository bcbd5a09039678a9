package dev.mosaic.adapters.persistence;

import dev.mosaic.application.contract.NewAlbumsContract;
import dev.mosaic.application.contract.Ports;

class PostgresNewAlbumsContractTest extends NewAlbumsContract {

    @Override
    protected Ports newPorts() {
        return PostgresStores.ports();
    }
}
