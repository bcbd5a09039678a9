package dev.mosaic.adapters.persistence;

import dev.mosaic.application.event.Event;
import dev.mosaic.application.view.AssetView;
import dev.mosaic.application.view.MessageView;

/** An event's data as JSON, read back into the typed event named by its type. */
final class EventJson {

    private EventJson() {
    }

    static String payload(Event event) {
        return Json.write(event.data());
    }

    static Event event(String type, String payload) {
        return switch (type) {
            case Event.ChatMessage.TYPE -> new Event.ChatMessage(Json.read(payload, MessageView.class));
            case Event.ChatMessageUpdate.TYPE -> new Event.ChatMessageUpdate(Json.read(payload, AssetView.class));
            case Event.ChatMessageComplete.TYPE ->
                    new Event.ChatMessageComplete(Json.read(payload, MessageView.class));
            default -> throw new IllegalStateException("unknown stored event type: " + type);
        };
    }
}
