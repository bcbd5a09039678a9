package dev.mosaic.application.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void eachEventIsNamedOnTheWireAsTheGuideNamesIt() {
        assertThat(new Event.ChatMessageUpdate(null).type()).isEqualTo("chat_message_update");
        assertThat(new Event.ChatMessageComplete(null).type()).isEqualTo("chat_message_complete");
    }
}
