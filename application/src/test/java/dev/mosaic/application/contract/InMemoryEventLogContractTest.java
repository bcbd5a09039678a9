package dev.mosaic.application.contract;

class InMemoryEventLogContractTest extends EventLogContract {

    @Override
    protected Ports newPorts() {
        return Ports.inMemory();
    }
}
