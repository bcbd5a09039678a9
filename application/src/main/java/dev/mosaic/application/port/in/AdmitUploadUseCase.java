package dev.mosaic.application.port.in;

import dev.mosaic.domain.ObjectKey;

/**
 * Whether a signed PUT to an upload's key may still store bytes: only while its asset is uploading. A store
 * that serves its own upload URLs asks before it writes, so a PUT to the URL of an upload that was sealed,
 * cancelled, expired or failed writes nothing (stores whose URLs Mosaic cannot revoke rely on the janitor).
 */
@FunctionalInterface
public interface AdmitUploadUseCase {

    /** Refuses with {@link RequestRejected} ({@code upload_not_active}) when the upload is over. */
    void admit(ObjectKey key);

    /** For a store used on its own (tests, tools): every signed PUT is admitted. */
    AdmitUploadUseCase EVERY_SIGNED_PUT = key -> { };
}
