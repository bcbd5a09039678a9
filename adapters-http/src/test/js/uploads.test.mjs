import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMosaicClient } from '../../main/resources/web/mosaic-client.js';
import { fakeClock, fileOf, settleAll } from './fakes.mjs';
import { BASE, fakeMosaic, gate, partOf, assetOf } from './fake-mosaic.mjs';

const BATCH = 'POST /api/v1/files/upload/';
const PARTS = 'POST /api/v1/files/upload/parts/';
const COMPLETE = 'POST /api/v1/files/upload/complete/';
const ABORT = 'POST /api/v1/files/upload/abort/';

function clientFor(mosaic, overrides = {}) {
    const waits = [];
    const client = createMosaicClient({
        baseUrl: BASE, token: 'secret-token', fetch: mosaic.fetch, XMLHttpRequest: mosaic.XMLHttpRequest,
        sleep: async (ms) => waits.push(ms), online: async () => {}, random: () => 0.5, stallMs: 0, ...overrides,
    });
    return { client, waits };
}

const photo = () => fileOf(15, 'beach.jpg', 'image/jpeg');
const video = () => fileOf(95, 'party.mp4', 'video/mp4');
const pdf = () => fileOf(12, 'itinerary.pdf', 'application/pdf');

async function bytesOf(blob) {
    return [...new Uint8Array(await blob.arrayBuffer())];
}

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

test('a part whose connection fails is retried with growing waits and the file still completes', async () => {
    let failures = 0;
    const mosaic = fakeMosaic({ storage: (request) => {
        if (partOf(request.url) === 3 && failures < 3) {
            failures += 1;
            return { network: true };
        }
        return undefined;
    } });
    const { client, waits } = clientFor(mosaic, { backoffMs: 100 });
    const sent = await client.sendAlbum({ receiverId: 42, files: [video()] });
    const [result] = await sent.done;

    assert.equal(result.status, 'completed');
    assert.equal(mosaic.XMLHttpRequest.requests.filter((r) => partOf(r.url) === 3).length, 4);
    assert.deepEqual(waits, [75, 150, 300]);
});

test('a direct PUT answered 503 is retried; one answered 400 fails its file only', async () => {
    let unavailable = 1;
    const mosaic = fakeMosaic({ storage: (request) => {
        if (assetOf(request.url) === 501 && unavailable-- > 0) {
            return { status: 503 };
        }
        return assetOf(request.url) === 503 ? { status: 400 } : undefined;
    } });
    const { client } = clientFor(mosaic);
    const failed = [];
    const sent = await client.sendAlbum({ receiverId: 42, files: [photo(), video(), pdf()],
        onFileError: (assetId, error) => failed.push([assetId, error.status]) });
    const results = await sent.done;

    assert.deepEqual(results.map((r) => r.status), ['completed', 'completed', 'failed']);
    assert.equal(results[2].error.code, 'storage_400');
    assert.deepEqual(failed, [[503, 400]]);
    assert.equal(mosaic.XMLHttpRequest.requests.filter((r) => assetOf(r.url) === 503).length, 1);
});

test('a part URL refused with 403 is replaced from the parts endpoint and the part retried on it', async () => {
    let refusedUrl = null;
    const mosaic = fakeMosaic({ storage: (request) => {
        if (partOf(request.url) === 2 && refusedUrl === null) {
            refusedUrl = request.url;
            return { status: 403 };
        }
        return undefined;
    } });
    const { client } = clientFor(mosaic);
    const sent = await client.sendAlbum({ receiverId: 42, files: [video()] });
    await sent.completions[0];

    assert.equal(mosaic.signings.length, 1);
    assert.equal(mosaic.signings[0].upload_id, 'up-501');
    assert.equal(mosaic.signings[0].part_numbers[0], 2);
    const retried = mosaic.XMLHttpRequest.requests.filter((r) => partOf(r.url) === 2);
    assert.equal(retried.length, 2);
    assert.notEqual(retried[1].url, refusedUrl);
});

test('URLs whose expires_at has passed are refreshed before any byte is sent', async () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    const mosaic = fakeMosaic({ expiresAt: '2030-01-01T00:00:10Z' });
    mosaic.routes[PARTS] = ((sign) => (body) => {
        const answer = sign(body);
        answer.json.batch.expires_at = '2030-01-01T01:00:00Z';
        return answer;
    })(mosaic.routes[PARTS]);
    const { client } = clientFor(mosaic, { now: () => now, partConcurrency: 1 });
    const sent = await client.sendAlbum({ receiverId: 42, files: [video()] });
    await sent.completions[0];

    assert.deepEqual(mosaic.signings[0], { asset_id: 501, upload_id: 'up-501',
        part_numbers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    assert.equal(mosaic.signings.length, 1, 'one refresh covers the expired parts');
    assert.ok(mosaic.XMLHttpRequest.requests.every((r) => !r.url.endsWith('v=' + partOf(r.url))));
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

test('cancel stops the file\'s requests, aborts it on the server and never completes it', async () => {
    const hold = gate();
    const mosaic = fakeMosaic({ storage: (request) => (assetOf(request.url) === 502 ? hold.promise : undefined) });
    const { client } = clientFor(mosaic, { partConcurrency: 2 });
    const sent = await client.sendAlbum({ receiverId: 42, files: [photo(), video()] });
    await sent.completions[0];
    await settleAll();
    assert.equal(client.isUploading(502), true);

    const cancelled = await client.cancel(502);
    const results = await sent.done;

    assert.equal(cancelled.stage, 'cancelled');
    assert.deepEqual(mosaic.fetch.callsTo(ABORT).map((call) => call.body), [{ asset_id: 502 }]);
    const videoPuts = mosaic.XMLHttpRequest.requests.filter((r) => assetOf(r.url) === 502);
    assert.equal(videoPuts.length, 2);
    assert.ok(videoPuts.every((put) => put.xhr.aborted));
    assert.deepEqual(results.map((r) => r.status), ['completed', 'cancelled']);
    await assert.rejects(sent.completions[1], { code: 'cancelled' });
    assert.deepEqual(mosaic.fetch.callsTo(COMPLETE).map((call) => call.body.asset_id), [501]);
    assert.equal(client.isUploading(502), false);
    hold.open();
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

test('a part answered without an ETag fails with a clear code', async () => {
    const mosaic = fakeMosaic({ storage: () => ({ status: 200 }) });
    const { client } = clientFor(mosaic);
    const sent = await client.sendAlbum({ receiverId: 42, files: [video()] });
    const [result] = await sent.done;

    assert.equal(result.status, 'failed');
    assert.equal(result.error.code, 'etag_missing');
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

test('a completion that meets a network failure is retried', async () => {
    const mosaic = fakeMosaic();
    const complete = mosaic.routes[COMPLETE];
    let calls = 0;
    mosaic.routes[COMPLETE] = (body) => (++calls === 1 ? { network: true } : complete(body));
    const { client } = clientFor(mosaic);
    const sent = await client.sendAlbum({ receiverId: 42, files: [photo()] });

    assert.equal((await sent.completions[0]).stage, 'processing');
    assert.equal(mosaic.fetch.callsTo(COMPLETE).length, 2);
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

test('a PUT that makes no progress for the stall time is abandoned and retried', async () => {
    const clock = fakeClock();
    const never = new Promise(() => {});
    let calls = 0;
    const mosaic = fakeMosaic({ storage: () => (++calls === 1 ? never : undefined) });
    const { client } = clientFor(mosaic, { timers: clock, stallMs: 30000 });
    const sent = await client.sendAlbum({ receiverId: 42, files: [photo()] });
    await settleAll();
    assert.equal(mosaic.fetch.callsTo(COMPLETE).length, 0);

    await clock.advance(30000);
    const [result] = await sent.done;

    assert.equal(result.status, 'completed');
    assert.equal(mosaic.XMLHttpRequest.requests.length, 2);
    assert.equal(mosaic.XMLHttpRequest.requests[0].xhr.aborted, true);
});
