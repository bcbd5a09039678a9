package dev.mosaic.application.contract;

import dev.mosaic.application.fake.InMemoryMessages;
import dev.mosaic.domain.UserId;

class InMemoryMessagesContractTest extends MessagesContract {

    @Override
    protected Ports newPorts() {
        return Ports.inMemory();
    }

    @Override
    protected void keepTotals(Ports ports, UserId user, long uploads, long bytes) {
        ((InMemoryMessages) ports.messages()).keepTotals(user, Math.toIntExact(uploads), bytes);
    }
}
