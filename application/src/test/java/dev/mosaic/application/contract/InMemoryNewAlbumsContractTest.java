package dev.mosaic.application.contract;

class InMemoryNewAlbumsContractTest extends NewAlbumsContract {
    @Override
    protected Ports newPorts() {
        return Ports.inMemory();
    }
}
