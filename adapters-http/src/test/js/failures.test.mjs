import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAILURE_REASONS, failureReason, failureSentence, refusalSentence }
    from '../../main/resources/web/mosaic-client.js';

// Every code a person can meet on a tile or in a toast: the server's processing and completion refusals, the
// batch refusals, and the client's own upload failures.
const CODES_A_USER_MEETS = ['content_type_mismatch', 'size_mismatch', 'length_mismatch', 'parts_incomplete',
    'part_missing', 'object_not_uploaded', 'object_not_found', 'image_corrupt', 'image_unsupported',
    'image_too_large', 'image_too_many_scans', 'image_too_many_frames', 'video_unreadable', 'video_too_long',
    'video_too_large', 'video_too_slow', 'processing_failed', 'expired', 'file_too_large', 'file_size_invalid',
    'content_type_invalid', 'content_type_kind_mismatch', 'too_many_attachments', 'text_too_long', 'rate_limited',
    'quota_exceeded', 'network_error', 'upload_url_refused', 'etag_missing', 'part_plan_mismatch', 'cancelled'];

test('every failure a user can meet has its own short sentence, free of codes', () => {
    for (const code of CODES_A_USER_MEETS) {
        assert.ok(code in FAILURE_REASONS, code);
        const reason = failureReason(code, 'doc.pdf');
        assert.ok(reason.length > 0 && reason.length < 60, `${code}: ${reason}`);
        assert.doesNotMatch(reason, /_/, `${code} reads as a code: ${reason}`);
        assert.notEqual(reason, 'something went wrong', code);
    }
});

test('a file that is not what its name says is told so by its extension', () => {
    assert.equal(failureSentence('content_type_mismatch', 'doc.pdf'), 'doc.pdf failed: not a PDF');
    assert.equal(failureSentence('content_type_mismatch', 'README'), 'README failed: its contents do not match its type');
});

test('an unknown code or an outage still reads as a sentence', () => {
    assert.equal(failureSentence('brand_new_code', 'a.jpg'), 'a.jpg failed: something went wrong');
    assert.equal(failureReason('storage_503'), 'the server is unavailable; try again later');
    assert.equal(failureSentence('cancelled', 'a.jpg'), 'a.jpg was cancelled');
    assert.equal(failureSentence('network_error'), 'A file failed: the connection dropped');
});

test('a refused batch names the file the server pointed at', () => {
    const error = { code: 'file_too_large', detail: 'attachments[1].a image may be at most 52428800 bytes' };

    assert.equal(refusalSentence(error, ['doc.pdf', 'photo.jpg']), 'photo.jpg could not be sent: it is too large');
    assert.equal(refusalSentence({ code: 'rate_limited' }, ['doc.pdf']),
        'The album could not be sent: too many uploads at once; try again in a moment');
});
