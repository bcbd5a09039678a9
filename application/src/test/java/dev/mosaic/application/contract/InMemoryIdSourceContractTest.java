package dev.mosaic.application.contract;

import dev.mosaic.application.fake.SequentialIds;
import dev.mosaic.application.port.out.IdSource;

class InMemoryIdSourceContractTest extends IdSourceContract {
    @Override
    protected IdSource ids() {
        return new SequentialIds();
    }
}
