package dev.mosaic.adapters.storage.gcs;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one multipart upload keeps its temporaries, all under {@code tmp/<upload id>/} so that one
 * lifecycle rule on {@code tmp/} sweeps whatever an interrupted upload leaves: the manifest that
 * says the upload is open, one object per part, and the intermediate objects of the compose tree.
 */
record UploadNames(String uploadId) {

    static final String ROOT = "tmp/";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern PART = Pattern.compile("part-(\\d{5})");

    UploadNames {
        if (uploadId == null || !ID.matcher(uploadId).matches()) {
            throw new IllegalArgumentException("not an upload id: " + uploadId);
        }
    }

    static UploadNames fresh(SecureRandom random) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return new UploadNames(HexFormat.of().formatHex(id));
    }

    /** Empty for an id this store could not have made, which is therefore no upload of ours. */
    static Optional<UploadNames> parse(String uploadId) {
        return uploadId != null && ID.matcher(uploadId).matches()
                ? Optional.of(new UploadNames(uploadId)) : Optional.empty();
    }

    String prefix() {
        return ROOT + uploadId + "/";
    }

    String manifest() {
        return prefix() + "upload";
    }

    /** Zero-padded, so that names sort as numbers do (at most 10,000 parts). */
    String part(int number) {
        if (number < 1 || number > 99_999) {
            throw new IllegalArgumentException("no part " + number);
        }
        return prefix() + String.format("part-%05d", number);
    }

    String partPrefix() {
        return prefix() + "part-";
    }

    String intermediate(int level, int index) {
        return prefix() + "compose-" + level + "-" + index;
    }

    /** The part number an object of this upload holds, if it is a part. */
    OptionalInt partNumberOf(String object) {
        if (!object.startsWith(prefix())) {
            return OptionalInt.empty();
        }
        Matcher part = PART.matcher(object.substring(prefix().length()));
        return part.matches() ? OptionalInt.of(Integer.parseInt(part.group(1))) : OptionalInt.empty();
    }
}
