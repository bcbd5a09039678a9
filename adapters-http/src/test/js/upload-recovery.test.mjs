import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeClock, settleAll } from './fakes.mjs';
import { COMPLETE, PARTS, ABORT, assetOf, clientFor, fakeMosaic, gate, partOf, pdf, photo, video }
    from './fake-mosaic.mjs';

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

test('a part answered without an ETag fails with a clear code', async () => {
    const mosaic = fakeMosaic({ storage: () => ({ status: 200 }) });
    const { client } = clientFor(mosaic);
    const sent = await client.sendAlbum({ receiverId: 42, files: [video()] });
    const [result] = await sent.done;

    assert.equal(result.status, 'failed');
    assert.equal(result.error.code, 'etag_missing');
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
