package dev.mosaic.application.port.in;

import dev.mosaic.domain.UserId;
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
        checkIdempotencyKey(idempotencyKey);
        text = wellFormed(text);
    }

    /**
     * The text with each lone surrogate (half of an emoji, say, from a client that cut a string by UTF-16 units)
     * replaced by U+FFFD, as a UTF-8 decoder does with a broken sequence. Kept as it was, it was answered as a
     * {@code \uD83C} escape that strict JSON parsers refuse, and stored as {@code ?} by PostgreSQL's driver.
     */
    static String wellFormed(String text) {
        if (text == null || text.codePoints().noneMatch(SendAlbumCommand::isSurrogate)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().map(point -> isSurrogate(point) ? '\uFFFD' : point).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean isSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    /** A client's {@code Idempotency-Key}, when it sent one, is 1 to 200 visible ASCII characters. */
    static void checkIdempotencyKey(String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH
                || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw invalid("idempotency_key_invalid",
                    "Idempotency-Key must be 1-" + MAX_IDEMPOTENCY_KEY_LENGTH + " visible ASCII characters");
        }
    }

    /**
     * What a repeated request must match: everything but the key itself, as canonical JSON with explicit
     * nulls (a missing {@code text} and the string {@code "null"} differ), hashed.
     */
    public String fingerprint() {
        CanonicalJson json = new CanonicalJson().open('{')
                .field("receiver_id", receiverId).field("text", text).name("attachments").open('[');
        for (Attachment file : attachments) {
            write(json, file);
        }
        return json.close(']').close('}').sha256();
    }

    static void write(CanonicalJson json, Attachment file) {
        json.open('{').field("file_name", file.fileName()).field("file_size", file.fileSize())
                .field("content_type", file.contentType()).field("kind", file.kind())
                .field("client_part_size", file.clientPartSize()).field("client_num_parts", file.clientNumParts())
                .field("width", file.width()).field("height", file.height()).field("duration", file.duration())
                .field("placeholder", file.placeholder()).field("caption", file.caption())
                .field("alt_text", file.altText()).close('}');
    }

    private static RequestRejected invalid(String code, String detail) {
        return new RequestRejected(RequestRejected.Reason.INVALID, code, detail);
    }

    /**
     * One file of the batch, fields as the guide names them (nulls where the client sent none).
     *
     * @param duration seconds, a client hint
     * @param caption  the item's own caption (the album's text stays the message's)
     * @param altText  what screen readers say of the item
     */
    public record Attachment(String fileName, Long fileSize, String contentType, String kind,
                             Long clientPartSize, Long clientNumParts,
                             Integer width, Integer height, Double duration, String placeholder,
                             String caption, String altText) {

        public static Attachment of(String fileName, long fileSize, String contentType, String kind) {
            return new Attachment(fileName, fileSize, contentType, kind, null, null, null, null, null, null,
                    null, null);
        }

        public Attachment withParts(Long partSize, Long numParts) {
            return new Attachment(fileName, fileSize, contentType, kind, partSize, numParts,
                    width, height, duration, placeholder, caption, altText);
        }

        public Attachment withHints(Integer hintWidth, Integer hintHeight, Double hintDuration, String hintPlaceholder) {
            return new Attachment(fileName, fileSize, contentType, kind, clientPartSize, clientNumParts,
                    hintWidth, hintHeight, hintDuration, hintPlaceholder, caption, altText);
        }

        public Attachment withText(String newCaption, String newAltText) {
            return new Attachment(fileName, fileSize, contentType, kind, clientPartSize, clientNumParts,
                    width, height, duration, placeholder, newCaption, newAltText);
        }
    }
}
