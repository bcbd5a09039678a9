package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.assetView;
import static dev.mosaic.application.fake.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.event.Event;
import dev.mosaic.domain.Stage;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void dataIsWrittenInSnakeCaseWithoutAbsentValues() {
        String payload = EventJson.payload(update(100, 500, Stage.PROCESSING));

        assertThat(payload)
                .contains("\"message_id\":100", "\"asset_id\":500", "\"stage\":\"processing\"")
                .doesNotContain("thumbnail_url", "null", "messageId");
    }

    @Test
    void namesWrittenByANewerVersionAreIgnoredWhenRead() {
        String payload = "{\"message_id\":100,\"asset_id\":500,\"kind\":\"image\",\"file_name\":\"photo.jpg\","
                + "\"file_size\":1000,\"content_type\":\"image/jpeg\",\"stage\":\"processing\",\"progress\":0,"
                + "\"blur\":\"later\"}";

        assertThat(EventJson.event(Event.ChatMessageUpdate.TYPE, payload))
                .isEqualTo(new Event.ChatMessageUpdate(assetView(100, 500, Stage.PROCESSING)));
    }

    @Test
    void anUnknownEventTypeIsABrokenInvariant() {
        assertThatThrownBy(() -> EventJson.event("chat_typing", "{}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chat_typing");
    }
}
