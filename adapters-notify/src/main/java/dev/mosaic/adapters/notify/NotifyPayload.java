package dev.mosaic.adapters.notify;

import dev.mosaic.domain.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A notification's payload: the users with new events as decimal ids separated by commas, cut into
 * payloads of at most {@link #MAX_LENGTH} characters (PostgreSQL refuses payloads of 8000 bytes or more).
 */
final class NotifyPayload {
    static final int MAX_LENGTH = 7000;
    private static final Logger LOG = LoggerFactory.getLogger(NotifyPayload.class);

    private NotifyPayload() {
    }

    /** Each user once, in as few payloads as fit. */
    static List<String> encode(Collection<UserId> users) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        for (UserId user : new LinkedHashSet<>(users)) {
            String id = Long.toString(user.value());
            if (payload.length() > 0 && payload.length() + 1 + id.length() > MAX_LENGTH) {
                payloads.add(payload.toString());
                payload.setLength(0);
            }
            if (payload.length() > 0) {
                payload.append(',');
            }
            payload.append(id);
        }
        if (payload.length() > 0) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    /** The users named; what is not a user id (another sender's mistake) is logged and skipped. */
    static Set<UserId> decode(String payload) {
        Set<UserId> users = new LinkedHashSet<>();
        if (payload == null || payload.isBlank()) {
            return users;
        }
        for (String part : payload.split(",")) {
            try {
                users.add(UserId.of(Long.parseLong(part.strip())));
            } catch (IllegalArgumentException notAUser) {
                LOG.warn("ignoring {} in a notification: not a user id", part);
            }
        }
        return users;
    }
}
