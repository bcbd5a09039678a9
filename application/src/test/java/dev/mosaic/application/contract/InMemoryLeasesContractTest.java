package dev.mosaic.application.contract;

import dev.mosaic.application.fake.InMemoryLeases;
import dev.mosaic.application.port.out.Leases;

class InMemoryLeasesContractTest extends LeasesContract {
    @Override
    protected Leases leases() {
        return new InMemoryLeases();
    }
}
