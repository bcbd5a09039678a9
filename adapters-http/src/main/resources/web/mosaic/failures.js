// Every failure a person can meet, said in words: one table from a failure code to a short reason.

/** Reasons by code; a function gets the file name when the reason depends on it. */
export const FAILURE_REASONS = {
    // the server refused the file after it was uploaded, or could not process it
    content_type_mismatch: (name) => {
        const extension = /\.([a-z0-9]{1,5})$/i.exec(name || '')?.[1];
        return extension ? `not a ${extension.toUpperCase()}` : 'its contents do not match its type';
    },
    size_mismatch: () => 'the upload was incomplete',
    length_mismatch: () => 'the upload was incomplete',
    parts_incomplete: () => 'the upload was incomplete',
    part_missing: () => 'the upload was incomplete',
    object_not_uploaded: () => 'it never reached storage',
    object_not_found: () => 'it never reached storage',
    image_corrupt: () => 'the picture is damaged',
    image_unsupported: () => 'this kind of picture cannot be shown',
    image_too_large: () => 'the picture has too many pixels',
    image_too_many_scans: () => 'the picture is too complex to process',
    image_too_many_frames: () => 'the picture has too many frames',
    video_unreadable: () => 'the video cannot be read',
    video_too_long: () => 'the video is too long',
    video_too_large: () => 'the video is too large',
    video_too_slow: () => 'the video took too long to convert',
    processing_failed: () => 'it could not be processed',
    expired: () => 'it was not uploaded in time',
    // the batch request or the upload itself
    file_too_large: () => 'it is too large',
    file_size_invalid: () => 'it is empty',
    content_type_invalid: () => 'its type is not accepted',
    content_type_kind_mismatch: () => 'its type is not accepted',
    too_many_attachments: () => 'the album has too many files',
    text_too_long: () => 'the caption is too long',
    rate_limited: () => 'too many uploads at once; try again in a moment',
    quota_exceeded: () => 'your storage is full',
    network_error: () => 'the connection dropped',
    upload_url_refused: () => 'storage refused the upload',
    etag_missing: () => 'storage did not confirm the upload',
    part_plan_mismatch: () => 'the upload could not be planned',
    cancelled: () => 'you cancelled it',
    unauthenticated: () => 'you are signed out',
    token_expired: () => 'your sign-in expired',
};

/** The short reason for `code` ("not a PDF"); an unknown code still reads as a sentence. */
export function failureReason(code, fileName) {
    const reason = FAILURE_REASONS[code];
    if (reason) {
        return reason(fileName);
    }
    if (/^storage_5\d\d$|^http_5\d\d$/.test(code || '')) {
        return 'the server is unavailable; try again later';
    }
    return 'something went wrong';
}

/** "doc.pdf failed: not a PDF", or "doc.pdf was cancelled". */
export function failureSentence(code, fileName) {
    const name = fileName || 'A file';
    if (code === 'cancelled') {
        return `${name} was cancelled`;
    }
    return `${name} failed: ${failureReason(code, fileName)}`;
}

/**
 * A refused batch request in words. The server names the attachment (`attachments[2].…`); `files` are the
 * file names in the order they were sent, so the sentence can name the file.
 */
export function refusalSentence(error, files = []) {
    const index = /attachments\[(\d+)\]/.exec(error?.detail || '')?.[1];
    const name = index !== undefined ? files[Number(index)] : undefined;
    const reason = failureReason(error?.code);
    return name ? `${name} could not be sent: ${reason}` : `The album could not be sent: ${reason}`;
}
