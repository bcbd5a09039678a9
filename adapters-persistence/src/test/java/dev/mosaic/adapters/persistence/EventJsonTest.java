package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static dev.mosaic.application.fake.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.event.Fact;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.Rendition;
import dev.mosaic.domain.Stage;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void aFactIsStoredAsItsRowsInSnakeCaseWithoutAbsentValuesOrUrls() {
        Fact fact = new Fact.AssetChanged(asset(500).inMessage(100).video().multipart().at(Stage.READY, 100)
                .withRendition(Rendition.Kind.THUMBNAIL, ContentType.WEBP, 320, 180).build());

        String payload = EventJson.payload(fact);

        assertThat(EventJson.type(fact)).isEqualTo("asset_changed");
        assertThat(payload)
                .contains("\"message_id\":100", "\"id\":500", "\"stage\":\"READY\"", "\"upload_id\":\"upload-500\"",
                        "derived/1/500/thumbnail.webp", "\"updated_at\":\"2025-03-01T10:00:00.123456Z\"")
                .doesNotContain("url", "null", "messageId", "failure_code");
    }

    @Test
    void everyFactReadsBackEqual() {
        Message album = message(100).with(asset(500), asset(501).failed("media_unreadable")).build();

        for (Fact fact : new Fact[] {new Fact.AlbumSent(album), new Fact.AlbumSettled(album),
                update(100, 500, Stage.TRANSCODING)}) {
            assertThat(EventJson.fact(EventJson.type(fact), EventJson.payload(fact))).contains(fact);
        }
        assertThat(EventJson.type(new Fact.AlbumSent(album))).isEqualTo("album_sent");
        assertThat(EventJson.type(new Fact.AlbumSettled(album))).isEqualTo("album_settled");
    }

    @Test
    void namesWrittenByANewerVersionAreIgnoredWhenRead() {
        Fact fact = update(100, 500, Stage.PROCESSING);
        String payload = EventJson.payload(fact).replaceFirst("\\{", "{\"blur\":\"later\",");

        assertThat(EventJson.fact("asset_changed", payload)).contains(fact);
    }

    @Test
    void rowsFromBeforeTheLogKeptFactsAreSkipped() {
        assertThat(EventJson.fact("chat_message_update", "{\"message_id\":100,\"thumbnail_url\":\"x\"}")).isEmpty();
        assertThat(EventJson.fact("chat_message", "{}")).isEmpty();
        assertThat(EventJson.fact("chat_message_complete", "{}")).isEmpty();
    }

    @Test
    void anUnknownTypeIsABrokenInvariant() {
        assertThatThrownBy(() -> EventJson.fact("chat_typing", "{}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chat_typing");
    }
}
