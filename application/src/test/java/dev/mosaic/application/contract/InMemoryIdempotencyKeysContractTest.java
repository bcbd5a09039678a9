package dev.mosaic.application.contract;

class InMemoryIdempotencyKeysContractTest extends IdempotencyKeysContract {

    @Override
    protected Ports newPorts() {
        return Ports.inMemory();
    }
}
