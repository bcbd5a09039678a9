package dev.mosaic.adapters.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class UploadNamesTest {

    private static final String ID = "0123456789abcdef0123456789abcdef";

    @Test
    void everythingOfAnUploadLivesUnderItsTmpFolder() {
        UploadNames names = new UploadNames(ID);

        assertThat(names.manifest()).isEqualTo("tmp/" + ID + "/upload");
        assertThat(names.part(7)).isEqualTo("tmp/" + ID + "/part-00007");
        assertThat(names.part(10_000)).isEqualTo("tmp/" + ID + "/part-10000");
        assertThat(names.intermediate(1, 3)).isEqualTo("tmp/" + ID + "/compose-1-3");
        assertThat(names.part(3)).startsWith(names.partPrefix()).startsWith(names.prefix());
    }

    @Test
    void onlyPartsHaveAPartNumber() {
        UploadNames names = new UploadNames(ID);

        assertThat(names.partNumberOf(names.part(42))).isEqualTo(OptionalInt.of(42));
        assertThat(names.partNumberOf(names.manifest())).isEmpty();
        assertThat(names.partNumberOf(names.intermediate(0, 1))).isEmpty();
        assertThat(names.partNumberOf(new UploadNames("f".repeat(32)).part(1))).isEmpty();
    }

    @Test
    void idsThisStoreCouldNotHaveMadeAreNoUploads() {
        assertThat(UploadNames.parse("no-such-upload")).isEmpty();
        assertThat(UploadNames.parse("../" + ID)).isEmpty();
        assertThat(UploadNames.parse(ID.toUpperCase())).isEmpty();
        assertThat(UploadNames.parse(null)).isEmpty();
        assertThat(UploadNames.parse(ID)).contains(new UploadNames(ID));
    }

    @Test
    void partNumbersOutsideTheNamingAreRefused() {
        assertThatThrownBy(() -> new UploadNames(ID).part(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UploadNames(ID).part(100_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
