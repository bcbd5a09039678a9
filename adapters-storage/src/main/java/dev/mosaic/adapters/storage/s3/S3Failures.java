package dev.mosaic.adapters.storage.s3;

import dev.mosaic.application.port.out.Unavailable;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** How S3's answers become the port's: known error codes are outcomes, the rest a store failure. */
final class S3Failures {

    static final String NO_SUCH_UPLOAD = "NoSuchUpload";
    static final String NO_SUCH_KEY = "NoSuchKey";

    private S3Failures() {
    }

    /** Runs one SDK call; any SDK failure becomes the port's store failure, naming what was attempted. */
    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw failed(what, e);
        }
    }

    /** S3 unreachable, refusing Mosaic's keys or answering its own failure: an outage, not the client's doing. */
    static Unavailable failed(String what, SdkException cause) {
        return new Unavailable(Unavailable.Part.STORAGE, "S3 " + what + " failed: " + cause.getMessage(), cause);
    }

    static boolean hasCode(SdkException e, String code) {
        return e instanceof S3Exception s3 && s3.awsErrorDetails() != null
                && code.equals(s3.awsErrorDetails().errorCode());
    }

    /** A 404 answer: HEAD carries no body, so no error code either. */
    static boolean isNotFound(SdkException e) {
        return e instanceof S3Exception s3 && s3.statusCode() == 404;
    }

    static boolean isStatus(SdkException e, int status) {
        return e instanceof S3Exception s3 && s3.statusCode() == status;
    }
}
