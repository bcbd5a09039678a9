package dev.mosaic.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class UnavailableTest {

    @Test
    void anOutageNamesThePartThatIsDownAsHealthReportsIt() {
        IOException cause = new IOException("connection refused");

        Unavailable down = new Unavailable(Unavailable.Part.DATABASE, "no connection", cause);

        assertThat(down.part()).isEqualTo(Unavailable.Part.DATABASE);
        assertThat(down).hasMessage("database unavailable: no connection").hasCause(cause);
        assertThat(Unavailable.Part.STORAGE.wireName()).isEqualTo("storage");
    }
}
