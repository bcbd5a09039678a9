import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPLETE, REPLACE, clientFor, fakeMosaic, pdf, photo } from './fake-mosaic.mjs';
import { reduce } from '../../main/resources/web/mosaic-client.js';
import { attachmentFor } from '../../main/resources/web/mosaic/files.js';

test('replace asks for the cell with the new file, then uploads and completes it as an album file', async () => {
    const mosaic = fakeMosaic();
    const { client } = clientFor(mosaic);
    await client.sendAlbum({ receiverId: 42, files: [photo(), pdf()] });

    const replaced = await client.replace(502, { file: pdf(), caption: ' the real one ', altText: 'our itinerary' });
    const asset = await replaced.completion;

    const [call] = mosaic.fetch.callsTo(REPLACE);
    assert.deepEqual(call.body, { asset_id: 502, file_name: 'itinerary.pdf', file_size: 12,
        content_type: 'application/pdf', kind: 'file', caption: 'the real one', alt_text: 'our itinerary' });
    assert.ok(call.headers['Idempotency-Key'], 'a replace is safe to retry');
    assert.equal(replaced.assetId, 502);
    assert.equal(replaced.upload.object_key, 'raw/1/502/_r1-itinerary.pdf');
    const put = mosaic.XMLHttpRequest.requests.find((request) => request.url.endsWith('/502/replaced'));
    assert.equal(put.method, 'PUT');
    assert.deepEqual(mosaic.fetch.callsTo(COMPLETE).at(-1).body,
        { asset_id: 502, object_key: 'raw/1/502/_r1-itinerary.pdf' });
    assert.equal(asset.stage, 'processing');
});

test('a refused replace rejects with the server\'s code and uploads nothing', async () => {
    const mosaic = fakeMosaic();
    const { client } = clientFor(mosaic);

    await assert.rejects(client.replace(999, pdf()), (error) => error.code === 'asset_not_found');
    assert.equal(mosaic.XMLHttpRequest.requests.length, 0);
});

test('an attachment carries its own caption and alt text only when they say something', () => {
    const file = new File(['x'], 'a.jpg', { type: 'image/jpeg' });

    assert.equal(attachmentFor(file, { caption: 'sunset', altText: ' a red sky ' }).alt_text, 'a red sky');
    assert.equal(attachmentFor(file, { caption: 'sunset' }).caption, 'sunset');
    assert.equal('caption' in attachmentFor(file, { caption: '  ', altText: 5 }), false);
    assert.equal('alt_text' in attachmentFor(file, { caption: '  ', altText: 5 }), false);
});

const cellOf = (messages) => messages[0].assets[0];
const failedAlbum = {
    type: 'chat_message_complete', seq: 5,
    data: { message_id: 105, sender_id: 1, receiver_id: 42, text: '', created_at: '2024-05-01T10:00:00Z', complete: true,
        assets: [{ message_id: 105, asset_id: 501, kind: 'file', file_name: 'fake.pdf', file_size: 9,
            content_type: 'application/pdf', stage: 'failed', progress: 0, error: 'content_type_mismatch' }] },
};

test('a replaced cell goes back to uploading on its event, with nothing of the old file left', () => {
    const messages = reduce([], failedAlbum);

    const after = reduce(messages, { type: 'chat_message_update', seq: 6, data: { message_id: 105, asset_id: 501,
        kind: 'file', file_name: 'real.pdf', file_size: 12, content_type: 'application/pdf', stage: 'uploading',
        progress: 0, alt_text: 'our itinerary' } });

    assert.equal(cellOf(after).stage, 'uploading');
    assert.equal(cellOf(after).file_name, 'real.pdf');
    assert.equal(cellOf(after).alt_text, 'our itinerary');
    assert.equal(cellOf(after).error, undefined);
});

test('a settled cell is not moved back by a stale event or by a local progress report', () => {
    const messages = reduce([], failedAlbum);
    const uploading = { message_id: 105, asset_id: 501, stage: 'uploading', progress: 40 };

    assert.equal(cellOf(reduce(messages, { type: 'chat_message_update', seq: 4, data: uploading })).stage, 'failed');
    assert.equal(cellOf(reduce(messages, { type: 'chat_message_update', data: uploading })).stage, 'failed');
});
