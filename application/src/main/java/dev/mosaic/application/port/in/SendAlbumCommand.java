package dev.mosaic.application.port.in;

import dev.mosaic.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One batch request, as the client sent it; the policy checks happen in the use case.
 *
 * @param idempotencyKey the client's {@code Idempotency-Key}, or null
 */
public record SendAlbumCommand(UserId sender, Long receiverId, String text, List<Attachment> attachments,
                               String idempotencyKey) {

    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    public SendAlbumCommand {
        Objects.requireNonNull(sender, "sender");
        if (receiverId == null) {
            throw invalid("receiver_id_missing", "receiver_id is required");
        }
        if (!UserId.canSignIn(receiverId)) {
            throw invalid("receiver_id_invalid", "receiver_id must be a user id from 1 to " + UserId.MAX);
        }
        if (attachments == null || attachments.isEmpty()) {
            throw invalid("attachments_missing", "attachments must list at least one file");
        }
        if (attachments.stream().anyMatch(Objects::isNull)) {
            throw invalid("attachment_invalid", "every attachment must be an object");
        }
        attachments = List.copyOf(attachments);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH
                || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw invalid("idempotency_key_invalid",
                    "Idempotency-Key must be 1-" + MAX_IDEMPOTENCY_KEY_LENGTH + " visible ASCII characters");
        }
    }

    /** What a repeated request must match: everything but the key itself. */
    public String fingerprint() {
        String canonical = receiverId + "\u0000" + text + "\u0000" + attachments;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static RequestRejected invalid(String code, String detail) {
        return new RequestRejected(RequestRejected.Reason.INVALID, code, detail);
    }

    /**
     * One file of the batch, fields as the guide names them (nulls where the client sent none).
     *
     * @param duration seconds, a client hint
     */
    public record Attachment(String fileName, Long fileSize, String contentType, String kind,
                             Long clientPartSize, Long clientNumParts,
                             Integer width, Integer height, Double duration, String placeholder) {

        public static Attachment of(String fileName, long fileSize, String contentType, String kind) {
            return new Attachment(fileName, fileSize, contentType, kind, null, null, null, null, null, null);
        }

        public Attachment withParts(Long partSize, Long numParts) {
            return new Attachment(fileName, fileSize, contentType, kind, partSize, numParts,
                    width, height, duration, placeholder);
        }

        public Attachment withHints(Integer hintWidth, Integer hintHeight, Double hintDuration, String hintPlaceholder) {
            return new Attachment(fileName, fileSize, contentType, kind, clientPartSize, clientNumParts,
                    hintWidth, hintHeight, hintDuration, hintPlaceholder);
        }
    }
}
