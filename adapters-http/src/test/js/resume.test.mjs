import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPLETE, PARTS, assetOf, clientFor, fakeMosaic, gate, memoryStorage, partOf, pdf, photo, video }
    from './fake-mosaic.mjs';
import { createResumeStore, fingerprintOf, matchFiles } from '../../main/resources/web/mosaic/resume.js';

const KEY = 'mosaic.resume';

/** Waits until `condition()` holds, turning the event loop meanwhile. */
async function until(condition) {
    for (let turn = 0; turn < 1000 && !condition(); turn++) {
        await new Promise((resolve) => setImmediate(resolve));
    }
    assert.ok(condition(), 'the condition never held');
}

/**
 * A page that sends `files`, gets parts 1 to `partsBefore` of the video (and nothing else) stored, then goes
 * away: its requests hang for ever. Answers the fake Mosaic, the storage the page kept, and what the page sent.
 */
async function interruptedPage(files, partsBefore = 4) {
    const hang = gate();
    const hanging = [];
    let reloaded = false;
    const mosaic = fakeMosaic({ storage: (request) => {
        if (!reloaded && (partOf(request.url) === 0 || partOf(request.url) > partsBefore)) {
            hanging.push(partOf(request.url));
            return hang.promise;
        }
        return undefined;
    } });
    const storage = memoryStorage();
    const { client } = clientFor(mosaic, { resumeStorage: storage, partConcurrency: 2 });
    await client.sendAlbum({ receiverId: 42, files });
    await until(() => [...mosaic.assets.values()].some((asset) => asset.parts.size === partsBefore));
    // both lanes of the page now wait on parts that never land, as a page going away leaves them
    await until(() => hanging.includes(partsBefore + 2));
    const before = mosaic.XMLHttpRequest.requests.length;
    return { mosaic, storage, before, files, reload: () => {
        reloaded = true;
        return clientFor(mosaic, { resumeStorage: storage }).client;
    } };
}

function partPuts(mosaic, from = 0) {
    return mosaic.XMLHttpRequest.requests.slice(from).filter((request) => partOf(request.url) > 0)
        .map((request) => partOf(request.url));
}

test('the album is kept while its files upload: message, asset and upload ids, each file\'s fingerprint', async () => {
    const storage = memoryStorage();
    const hold = gate();
    const mosaic = fakeMosaic({ storage: (request) => (assetOf(request.url) === 502 ? hold.promise : undefined) });
    const { client } = clientFor(mosaic, { resumeStorage: storage });
    const files = [photo(), video()];
    const sent = await client.sendAlbum({ receiverId: 42, files });
    await sent.completions[0];

    const kept = JSON.parse(storage.getItem(KEY));
    assert.deepEqual(Object.keys(kept), ['105']);
    assert.equal(kept[105].receiver_id, 42);
    assert.deepEqual(kept[105].files.map((file) => file.asset_id), [502], 'the completed photo is no longer kept');
    assert.equal(kept[105].files[0].upload_id, 'up-502');
    assert.equal(kept[105].files[0].mode, 'multipart');
    assert.deepEqual(kept[105].files[0].fingerprint, fingerprintOf(files[1]));
    assert.deepEqual(client.interruptedAlbums().map((album) => album.message_id), [105]);

    hold.open({ status: 200, etag: '"e"' });
    await sent.done;
    assert.equal(storage.getItem(KEY), null, 'nothing is kept once every file settled');
});

test('after a reload the same files resume: stored parts are not sent again, the rest are, then it completes', async () => {
    const files = [video(), pdf()];
    const page = await interruptedPage(files);
    const firstPuts = partPuts(page.mosaic);

    const client = page.reload();
    const [album] = client.interruptedAlbums();
    const resumed = await client.resumeAlbum({ messageId: album.message_id, files: [files[1], files[0]] });
    const results = await resumed.done;

    assert.deepEqual(results.map((result) => result.status), ['completed', 'completed']);
    const stored = [1, 2, 3, 4];
    assert.deepEqual(firstPuts.filter((n) => stored.includes(n)).sort(), stored);
    const secondPuts = partPuts(page.mosaic, page.before);
    assert.deepEqual(secondPuts.sort((a, b) => a - b), [5, 6, 7, 8, 9, 10], 'only the missing parts are sent');
    const asked = page.mosaic.signings.filter((body) => body.asset_id === 501);
    assert.deepEqual(asked[0], { asset_id: 501, upload_id: 'up-501' }, 'the client asks what the store holds');
    const completion = page.mosaic.completions.find((body) => body.asset_id === 501);
    assert.deepEqual(completion.parts.map((part) => part.PartNumber), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(completion.parts[0].ETag, page.mosaic.etagOf(page.mosaic.XMLHttpRequest.requests
        .find((request) => partOf(request.url) === 1).url));
    assert.equal(completion.upload_id, 'up-501');
    assert.deepEqual(client.interruptedAlbums(), []);
});

test('a direct upload whose PUT never landed gets a fresh URL; one that landed is only completed', async () => {
    const page = await interruptedPage([video(), pdf(), photo()]);
    page.mosaic.assets.get(503).uploaded = true;

    const client = page.reload();
    const resumed = await client.resumeAlbum({ messageId: 105, files: page.files });
    await resumed.done;

    const afterReload = page.mosaic.XMLHttpRequest.requests.slice(page.before);
    assert.equal(afterReload.filter((request) => assetOf(request.url) === 503).length, 0, 'the photo is not sent again');
    const pdfPuts = afterReload.filter((request) => assetOf(request.url) === 502);
    assert.equal(pdfPuts.length, 1);
    assert.match(pdfPuts[0].url, /\/502\/direct\?v=\d+$/);
    assert.deepEqual(page.mosaic.signings.filter((body) => body.asset_id === 502), [{ asset_id: 502 }]);
    assert.deepEqual(page.mosaic.completions.map((body) => body.asset_id).sort(), [501, 502, 503]);
});

test('files that are not the same (another size or date) are not matched and stay resumable', async () => {
    const page = await interruptedPage([video(), pdf()]);
    const client = page.reload();
    const other = new File([new Uint8Array(95)], 'party.mp4', { type: 'video/mp4', lastModified: 1 });

    const resumed = await client.resumeAlbum({ messageId: 105, files: [other, page.files[1]] });
    await resumed.done;

    assert.deepEqual(resumed.assetIds, [502]);
    assert.deepEqual(resumed.missing, [501]);
    assert.deepEqual(client.interruptedAlbums()[0].files.map((file) => file.asset_id), [501]);
    assert.deepEqual(partPuts(page.mosaic, page.before), []);
});

test('an upload cancelled meanwhile settles as cancelled, one completed meanwhile as completed, without a byte', async () => {
    const page = await interruptedPage([video(), pdf()]);
    page.mosaic.assets.get(501).stage = 'cancelled';
    page.mosaic.assets.get(502).stage = 'ready';

    const client = page.reload();
    const resumed = await client.resumeAlbum({ messageId: 105, files: page.files });
    const results = await resumed.done;

    assert.deepEqual(results.map((result) => result.status), ['cancelled', 'completed']);
    assert.equal(results[1].asset.stage, 'ready');
    assert.equal(page.mosaic.XMLHttpRequest.requests.length, page.before);
    assert.deepEqual(client.interruptedAlbums(), []);
});

test('resuming what this browser does not keep is refused with a clear code', async () => {
    const { client } = clientFor(fakeMosaic());

    await assert.rejects(client.resumeAlbum({ messageId: 999, files: [video()] }), { code: 'nothing_to_resume' });
});

test('a file refused by storage is not kept; one whose network broke off is', async () => {
    const storage = memoryStorage();
    const mosaic = fakeMosaic({ storage: (request) => (assetOf(request.url) === 501
        ? { status: 400 } : { network: true }) });
    const { client } = clientFor(mosaic, { resumeStorage: storage, retries: 0 });
    const sent = await client.sendAlbum({ receiverId: 42, files: [photo(), pdf()] });
    await sent.done;

    assert.deepEqual(client.interruptedAlbums()[0].files.map((file) => file.asset_id), [502]);
    client.forgetAlbum(105);
    assert.deepEqual(client.interruptedAlbums(), []);
    assert.equal(storage.getItem(KEY), null);
});

test('the store survives what a browser may hold: nothing, garbage, or a storage that throws', () => {
    assert.deepEqual(createResumeStore({ storage: null }).list(), []);
    const garbage = memoryStorage();
    garbage.setItem(KEY, '{not json');
    assert.deepEqual(createResumeStore({ storage: garbage }).list(), []);
    garbage.setItem(KEY, '[1,2]');
    assert.deepEqual(createResumeStore({ storage: garbage }).list(), []);
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem() {} };
    const store = createResumeStore({ storage: full });
    store.save(1, 2, [{ asset_id: 3, mode: 'direct' }], [pdf()]);
    assert.deepEqual(store.list(), []);
});

test('matching pairs each kept file with one picked file, even two files of the same name', () => {
    const a = new File([new Uint8Array(3)], 'a.jpg', { type: 'image/jpeg', lastModified: 10 });
    const b = new File([new Uint8Array(3)], 'a.jpg', { type: 'image/jpeg', lastModified: 20 });
    const album = { files: [{ asset_id: 1, fingerprint: fingerprintOf(b) }, { asset_id: 2, fingerprint: fingerprintOf(a) },
        { asset_id: 3, fingerprint: fingerprintOf(a) }] };

    const { matched, missing } = matchFiles(album, [a, b]);

    assert.deepEqual(matched.map(({ entry, file }) => [entry.asset_id, file.lastModified]), [[1, 20], [2, 10]]);
    assert.deepEqual(missing.map((entry) => entry.asset_id), [3]);
});
