package dev.mosaic.adapters.storage.s3;

import dev.mosaic.adapters.storage.StoreFailures;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** How S3's answers become the port's: known error codes are outcomes, the rest a store failure. */
final class S3Failures {

    static final String NO_SUCH_UPLOAD = "NoSuchUpload";
    static final String NO_SUCH_KEY = "NoSuchKey";

    /** Every client call that may fail goes through this: a failure becomes an outage naming the call. */
    static final StoreFailures<SdkException> OUTAGES = new StoreFailures<>(SdkException.class,
            (what, cause) -> "S3 " + what + " failed: " + cause.getMessage());

    private S3Failures() {
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
