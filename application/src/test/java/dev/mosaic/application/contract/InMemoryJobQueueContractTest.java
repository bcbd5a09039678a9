package dev.mosaic.application.contract;

class InMemoryJobQueueContractTest extends JobQueueContract {

    @Override
    protected Ports newPorts() {
        return Ports.inMemory();
    }
}
