package dev.mosaic.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.application.event.StoredEvent;
import dev.mosaic.application.view.AssetView;
import java.util.Optional;

/** The JSON frames of {@code /api/v1/ws}, both ways. */
final class SocketFrames {

    static final String AUTH = "auth";
    static final String PING = "ping";
    static final String UPLOAD_PROGRESS = "upload_progress";
    static final String CHAT_MESSAGE_UPDATE = "chat_message_update";

    private final ObjectMapper mapper;

    SocketFrames(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A client frame, or empty when it is not a JSON object with a string {@code type}. */
    Optional<ClientFrame> parse(String text) {
        try {
            ClientFrame frame = mapper.readValue(text, ClientFrame.class);
            return frame == null || frame.type() == null ? Optional.empty() : Optional.of(frame);
        } catch (JsonProcessingException malformed) {
            return Optional.empty();
        }
    }

    String ready(long userId, long lastSequence) {
        return write(new Ready("ready", userId, lastSequence));
    }

    String pong() {
        return write(new Typed("pong"));
    }

    String error(String code, String detail) {
        return write(new Error("error", code, detail));
    }

    String event(StoredEvent stored) {
        return write(new EventFrame(stored.event().type(), stored.sequence(), stored.event().data()));
    }

    /** An upload's progress, relayed as it comes: not logged, so no {@code seq}. */
    String progress(AssetView update) {
        return write(new Unsequenced(CHAT_MESSAGE_UPDATE, update));
    }

    private String write(Object frame) {
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("cannot write a socket frame", impossible);
        }
    }

    /**
     * What a client sends: {@code {"type":"auth","token":"…","since":n}}, {@code {"type":"ping"}} or
     * {@code {"type":"upload_progress","asset_id":n,"progress":p}}.
     */
    record ClientFrame(String type, String token, Long since, Long assetId, Integer progress) {
    }

    record Ready(String type, long userId, long lastSeq) {
    }

    record Typed(String type) {
    }

    record Error(String type, String code, String detail) {
    }

    record EventFrame(String type, long seq, Object data) {
    }

    record Unsequenced(String type, Object data) {
    }
}
