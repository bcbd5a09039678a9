import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settleAll } from './fakes.mjs';
import { BATCH, COMPLETE, assetOf, clientFor, fakeMosaic, gate, partOf, pdf, photo, video } from './fake-mosaic.mjs';

test('the batch request describes every file and carries the token and an idempotency key', async () => {
    const mosaic = fakeMosaic();
    const { client } = clientFor(mosaic);
    const sent = await client.sendAlbum({ receiverId: 42, text: 'Trip!', files: [photo(), video(), pdf()] });
    await sent.done;

    const [batch] = mosaic.fetch.callsTo(BATCH);
    assert.deepEqual(batch.body, { receiver_id: 42, text: 'Trip!', attachments: [
        { file_name: 'beach.jpg', file_size: 15, content_type: 'image/jpeg', kind: 'image' },
        { file_name: 'party.mp4', file_size: 95, content_type: 'video/mp4', kind: 'video' },
        { file_name: 'itinerary.pdf', file_size: 12, content_type: 'application/pdf', kind: 'file' },
    ] });
    assert.equal(batch.headers.Authorization, 'Bearer secret-token');
    assert.match(batch.headers['Idempotency-Key'], /\S{8,}/);
    assert.equal(sent.messageId, 105);
    assert.equal(sent.message.assets.length, 3);
});

test('sendAlbum answers after the batch request, with every upload already started', async () => {
    const hold = gate();
    const mosaic = fakeMosaic({ storage: () => hold.promise.then(() => undefined) });
    const { client } = clientFor(mosaic);

    const sent = await client.sendAlbum({ receiverId: 42, text: '', files: [photo(), video(), pdf()] });
    await settleAll();

    const started = new Set(mosaic.XMLHttpRequest.requests.map((request) => assetOf(request.url)));
    assert.deepEqual([...started].sort(), [501, 502, 503]);
    assert.equal(mosaic.fetch.callsTo(COMPLETE).length, 0, 'nothing completed while storage holds the bytes');
    hold.open();
    const results = await sent.done;
    assert.deepEqual(results.map((r) => [r.assetId, r.status]), [[501, 'completed'], [502, 'completed'],
        [503, 'completed']]);
});

test('a direct upload PUTs the whole file with exactly the given headers, then completes by object key', async () => {
    const mosaic = fakeMosaic();
    const { client } = clientFor(mosaic);
    const file = photo();
    const sent = await client.sendAlbum({ receiverId: 42, files: [file] });
    const asset = await sent.completions[0];

    const [put] = mosaic.XMLHttpRequest.requests;
    assert.equal(put.method, 'PUT');
    assert.equal(put.url, 'https://storage.test/501/direct');
    assert.deepEqual(put.headers, { 'Content-Type': 'image/jpeg' });
    assert.deepEqual(await bytesOf(put.body), await bytesOf(file));
    assert.deepEqual(mosaic.fetch.callsTo(COMPLETE).map((call) => call.body),
        [{ asset_id: 501, object_key: 'raw/1/501/beach.jpg' }]);
    assert.equal(asset.stage, 'processing');
});

test('multipart parts go up in parallel within the limit, each exactly its slice, completed in order', async () => {
    const mosaic = fakeMosaic();
    const { client } = clientFor(mosaic, { partConcurrency: 3 });
    const file = video();
    const sent = await client.sendAlbum({ receiverId: 42, files: [file] });
    await sent.completions[0];

    const puts = mosaic.XMLHttpRequest.requests;
    assert.equal(puts.length, 10);
    assert.equal(mosaic.XMLHttpRequest.maxInFlight(), 3);
    for (const put of puts) {
        const n = partOf(put.url);
        assert.deepEqual(await bytesOf(put.body), (await bytesOf(file)).slice((n - 1) * 10, n * 10), `part ${n}`);
    }
    const [completion] = mosaic.fetch.callsTo(COMPLETE);
    assert.equal(completion.body.upload_id, 'up-501');
    assert.equal(completion.body.object_key, 'raw/1/501/party.mp4');
    assert.deepEqual(completion.body.parts.map((part) => part.PartNumber), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(completion.body.parts[3], { ETag: '"etag--501-part-4"', PartNumber: 4 });
});

test('each file completes the moment it is done, without waiting for the others', async () => {
    const slow = gate();
    const mosaic = fakeMosaic({ storage: (request) => (assetOf(request.url) === 502 ? slow.promise : undefined) });
    const { client } = clientFor(mosaic);
    const completed = [];
    const sent = await client.sendAlbum({ receiverId: 42, files: [photo(), video(), pdf()],
        onFileComplete: (assetId) => completed.push(assetId) });

    await Promise.all([sent.completions[0], sent.completions[2]]);
    assert.deepEqual(completed.sort(), [501, 503]);
    assert.deepEqual(mosaic.fetch.callsTo(COMPLETE).map((call) => call.body.asset_id).sort(), [501, 503]);

    slow.open();
    await sent.done;
    assert.deepEqual(completed.sort(), [501, 502, 503]);
});

test('progress is reported per file in bytes, ending at the file size', async () => {
    const mosaic = fakeMosaic();
    const { client } = clientFor(mosaic);
    const reports = new Map();
    const sent = await client.sendAlbum({ receiverId: 42, files: [photo(), video()],
        onProgress: (assetId, sentBytes, total) => reports.set(assetId, [...(reports.get(assetId) || []),
            [sentBytes, total]]) });
    await sent.done;

    assert.deepEqual(reports.get(501).at(-1), [15, 15]);
    assert.deepEqual(reports.get(502).at(-1), [95, 95]);
    assert.ok(reports.get(502).some(([bytes]) => bytes > 0 && bytes < 95), 'partial progress is reported');
    for (const [bytes, total] of reports.get(502)) {
        assert.ok(bytes >= 0 && bytes <= total);
    }
});

test('parts beyond the first batch are fetched from the parts endpoint, each part sent once', async () => {
    const mosaic = fakeMosaic({ firstBatch: 4 });
    const { client } = clientFor(mosaic, { partConcurrency: 4 });
    const sent = await client.sendAlbum({ receiverId: 42, files: [video()] });
    await sent.completions[0];

    assert.deepEqual(mosaic.signings.map((s) => s.from_part), [5, 9]);
    const sentParts = mosaic.XMLHttpRequest.requests.map((r) => partOf(r.url)).sort((a, b) => a - b);
    assert.deepEqual(sentParts, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('without XMLHttpRequest the client PUTs with fetch, reading the ETag from the answer', async () => {
    const mosaic = fakeMosaic();
    const storagePuts = [];
    const apiFetch = mosaic.fetch;
    const fetch = async (url, init) => {
        if (!url.startsWith('https://storage.test')) {
            return apiFetch(url, init);
        }
        storagePuts.push({ url, size: init.body.size, headers: init.headers });
        return new Response(null, { status: 200, headers: { ETag: `"e${partOf(url)}"` } });
    };
    const { client } = clientFor(mosaic, { fetch, XMLHttpRequest: undefined });
    const progress = [];
    const sent = await client.sendAlbum({ receiverId: 42, files: [video()],
        onProgress: (id, bytes) => progress.push(bytes) });
    await sent.done;

    assert.equal(storagePuts.length, 10);
    assert.equal(progress.at(-1), 95);
    assert.deepEqual(apiFetch.callsTo(COMPLETE)[0].body.parts[0], { ETag: '"e1"', PartNumber: 1 });
});

test('a refused batch request rejects with the problem\'s code and detail', async () => {
    const mosaic = fakeMosaic();
    mosaic.routes[BATCH] = () => ({ status: 422, json: { type: 'about:blank', title: 'Unprocessable', status: 422,
        code: 'file_too_large', detail: 'attachments[0].a image may be at most 52428800 bytes' } });
    const { client } = clientFor(mosaic);

    await assert.rejects(client.sendAlbum({ receiverId: 42, files: [photo()] }),
        { name: 'MosaicError', status: 422, code: 'file_too_large', detail: /at most/ });
    assert.equal(mosaic.fetch.callsTo(BATCH).length, 1, 'a refusal is not retried');
});

test('a batch request that meets a 503 is retried with the same idempotency key', async () => {
    const mosaic = fakeMosaic();
    const create = mosaic.routes[BATCH];
    let calls = 0;
    mosaic.routes[BATCH] = (body) => (++calls === 1 ? { status: 503, json: { code: 'unavailable' } } : create(body));
    const { client } = clientFor(mosaic);
    const sent = await client.sendAlbum({ receiverId: 42, files: [photo()], idempotencyKey: 'album-1' });

    assert.equal(sent.messageId, 105);
    assert.deepEqual(mosaic.fetch.callsTo(BATCH).map((call) => call.headers['Idempotency-Key']),
        ['album-1', 'album-1']);
});

test('getToken is asked for the token on each call', async () => {
    const mosaic = fakeMosaic();
    let version = 0;
    const { client } = clientFor(mosaic, { token: undefined, getToken: async () => `t${++version}` });
    const sent = await client.sendAlbum({ receiverId: 42, files: [photo()] });
    await sent.done;

    assert.equal(mosaic.fetch.callsTo(BATCH)[0].headers.Authorization, 'Bearer t1');
    assert.equal(mosaic.fetch.callsTo(COMPLETE)[0].headers.Authorization, 'Bearer t2');
});

async function bytesOf(blob) {
    return [...new Uint8Array(await blob.arrayBuffer())];
}
