package dev.mosaic.adapters.notify;

import dev.mosaic.application.port.out.ProgressBroadcast.ProgressNote;
import dev.mosaic.domain.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A progress notification's payload: {@code <node>;<asset id>;<percent>;<user ids, comma separated>}. The
 * node is the sender's, so a node skips its own notes (it relayed them to its sockets already). A few dozen
 * bytes: the audience of an album is its sender and its receiver.
 */
final class ProgressPayload {
    static final int MAX_LENGTH = NotifyPayload.MAX_LENGTH;
    private static final Pattern FORMAT = Pattern.compile("([0-9a-f]{1,32});(\\d{1,18});(\\d{1,3});(\\d{1,19}(?:,\\d{1,19})*)");

    private ProgressPayload() {
    }

    /** Empty when the note would not fit one notification (an audience far beyond sender and receiver). */
    static Optional<String> encode(String node, ProgressNote note) {
        String payload = node + ";" + note.assetId() + ";" + note.progress() + ";"
                + note.audience().stream().map(user -> Long.toString(user.value())).collect(Collectors.joining(","));
        return payload.length() <= MAX_LENGTH && !note.audience().isEmpty() ? Optional.of(payload) : Optional.empty();
    }

    /** A note and the node that sent it; empty for anything else (another program's notification). */
    static Optional<Sent> decode(String payload) {
        Matcher matcher = FORMAT.matcher(payload == null ? "" : payload);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            List<UserId> audience = new ArrayList<>();
            for (String id : matcher.group(4).split(",")) {
                audience.add(UserId.of(Long.parseLong(id)));
            }
            return Optional.of(new Sent(matcher.group(1), new ProgressNote(Long.parseLong(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)), audience)));
        } catch (IllegalArgumentException outOfRange) {
            return Optional.empty();
        }
    }

    record Sent(String node, ProgressNote note) {
    }
}
