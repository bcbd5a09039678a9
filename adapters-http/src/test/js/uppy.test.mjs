import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withMosaic } from '../../main/resources/web/mosaic-uppy.js';
import { BASE, fakeMosaic, pdf, video } from './fake-mosaic.mjs';

/** Just enough of Uppy 6's core for the module: files, meta, processors and events. */
function fakeUppy(files) {
    const handlers = new Map();
    const state = { pre: [], post: [], meta: new Map(), emitted: [] };
    return {
        state,
        getFilesByIds: (ids) => ids.map((id) => files.find((file) => file.id === id)),
        getFile: (id) => files.find((file) => file.id === id),
        setFileMeta: (id, meta) => state.meta.set(id, meta),
        addPreProcessor: (fn) => state.pre.push(fn),
        addPostProcessor: (fn) => state.post.push(fn),
        on: (name, fn) => handlers.set(name, [...(handlers.get(name) || []), fn]),
        emit: (name, ...args) => {
            state.emitted.push([name, ...args]);
            (handlers.get(name) || []).forEach((fn) => fn(...args));
        },
    };
}

function uppyFile(id, data) {
    return { id, name: data.name, type: data.type, data, size: data.size, meta: {} };
}

async function wired() {
    const mosaic = fakeMosaic();
    const files = [uppyFile('f-video', video()), uppyFile('f-pdf', pdf())];
    const uppy = fakeUppy(files);
    const sent = [];
    const module = withMosaic(uppy, { baseUrl: BASE, token: 'secret-token', fetch: mosaic.fetch,
        album: (picked) => ({ receiverId: 42, text: `${picked.length} files` }),
        events: { send: (frame) => sent.push(frame) }, progressIntervalMs: 0 });
    await uppy.state.pre[0](['f-video', 'f-pdf']);
    return { mosaic, files, uppy, module, sent, options: module.awsS3Options };
}

test('the files Uppy is about to upload become one album, and each follows its instruction', async () => {
    const { mosaic, uppy, module, options, files } = await wired();

    const batches = mosaic.fetch.callsTo('POST /api/v1/files/upload/');
    assert.equal(batches.length, 1);
    assert.equal(batches[0].body.text, '2 files');
    assert.deepEqual(batches[0].body.attachments.map((a) => a.file_name), ['party.mp4', 'itinerary.pdf']);
    assert.ok(batches[0].headers['Idempotency-Key']);
    assert.equal(module.assetOf('f-video'), 501);
    assert.deepEqual(uppy.state.meta.get('f-pdf'), { mosaicAssetId: 502, mosaicMessageId: 105 });
    assert.equal(options.shouldUseMultipart(files[0]), true);
    assert.equal(options.shouldUseMultipart(files[1]), false);
    assert.equal(options.generateObjectKey(files[0]), 'raw/1/501/party.mp4');
    assert.equal(uppy.state.emitted.find(([name]) => name === 'mosaic:album')[1].messageId, 105);

    await uppy.state.pre[0](['f-video', 'f-pdf']);
    assert.equal(mosaic.fetch.callsTo('POST /api/v1/files/upload/').length, 1, 'a file is sent in one album only');
});

test('signRequest: bytes go to the store, control requests to Mosaic\'s S3 face with the bearer token', async () => {
    const { options } = await wired();
    const key = 'raw/1/501/party.mp4';
    const face = `${BASE}/api/v1/files/upload/s3/501`;

    assert.deepEqual(await options.signRequest({ method: 'PUT', key: 'raw/1/502/itinerary.pdf' }),
        { url: 'https://storage.test/502/direct', headers: { 'Content-Type': 'application/pdf' },
            key: 'raw/1/502/itinerary.pdf' });
    assert.deepEqual(await options.signRequest({ method: 'POST', key }),
        { url: `${face}/initiate?upload_id=up-501`, headers: { Authorization: 'Bearer secret-token' }, key });
    assert.match((await options.signRequest({ method: 'PUT', key, uploadId: 'up-501', partNumber: 3 })).url,
        /^https:\/\/storage\.test\/501\/part\/3\?v=\d+$/);
    assert.equal((await options.signRequest({ method: 'GET', key, uploadId: 'up-501' })).url,
        `${face}/parts?upload_id=up-501`);
    assert.equal((await options.signRequest({ method: 'POST', key, uploadId: 'up-501' })).url,
        `${face}/complete?upload_id=up-501&key=raw%2F1%2F501%2Fparty.mp4`);
    assert.deepEqual(await options.signRequest({ method: 'DELETE', key, uploadId: 'up-501' }),
        { url: `${face}?upload_id=up-501`, headers: { Authorization: 'Bearer secret-token' } });
    await assert.rejects(options.signRequest({ method: 'PUT', key: 'raw/1/9/other.jpg' }), { code: 'unknown_upload' });
    await assert.rejects(options.signRequest({ method: 'GET', key, uploadId: 'another' }), { code: 'upload_id_mismatch' });
});

test('a direct upload is completed the moment Uppy stored it; a removed file is cancelled in Mosaic once', async () => {
    const { mosaic, uppy, files } = await wired();
    mosaic.assets.get(502).uploaded = true;

    uppy.emit('upload-success', files[1], {});
    await Promise.all(uppy.state.post.map((fn) => fn(['f-video', 'f-pdf'])));
    uppy.emit('file-removed', files[1]);
    uppy.emit('file-removed', files[0]);
    uppy.emit('file-removed', files[0]);
    await new Promise((resolve) => setImmediate(resolve));

    assert.deepEqual(mosaic.completions.map((body) => body.asset_id), [502]);
    assert.deepEqual(mosaic.fetch.callsTo('POST /api/v1/files/upload/abort/').map((call) => call.body.asset_id), [501],
        'the completed PDF is not cancelled; the video once');
});

test('a direct completion Mosaic refuses is an upload error of that file', async () => {
    const { uppy, files } = await wired();

    uppy.emit('upload-success', files[1], {});
    await Promise.all(uppy.state.post.map((fn) => fn(['f-pdf'])));

    const errors = uppy.state.emitted.filter(([name]) => name === 'upload-error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0][1].id, 'f-pdf');
    assert.equal(errors[0][2].code, 'object_not_uploaded');
});

test('upload progress goes out on the event stream as the guide\'s client sends it', async () => {
    const { uppy, files, sent } = await wired();

    uppy.emit('upload-progress', files[0], { bytesUploaded: 38, bytesTotal: 95 });

    assert.deepEqual(sent, [{ type: 'upload_progress', asset_id: 501, progress: 40 }]);
});

test('without a token or an album the module says what it needs', () => {
    assert.throws(() => withMosaic(fakeUppy([]), { album: () => ({}) }), /token/);
    assert.throws(() => withMosaic(fakeUppy([]), { token: 't' }), /album/);
});
