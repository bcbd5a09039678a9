package dev.mosaic.application.contract;

class InMemoryMessagesContractTest extends MessagesContract {

    @Override
    protected Ports newPorts() {
        return Ports.inMemory();
    }
}
