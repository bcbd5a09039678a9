package dev.mosaic.adapters.persistence;

import dev.mosaic.application.contract.NewAlbumsContract;
import dev.mosaic.application.contract.Ports;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2NewAlbumsContractTest extends NewAlbumsContract {
    @TempDir
    Path folder;

    @Override
    protected Ports newPorts() {
        return H2Stores.portsIn(folder);
    }
}
