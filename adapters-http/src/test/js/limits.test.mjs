import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accepts, checkFile, createMosaicClient, DEFAULT_LIMITS, formatSize }
    from '../../main/resources/web/mosaic-client.js';

const MIB = 1024 * 1024;
const file = (name, type, size) => ({ name, type, size });

test('sizes read as a person reads them, 1024-based like file managers', () => {
    assert.equal(formatSize(60 * MIB), '60 MB');
    assert.equal(formatSize(50 * MIB), '50 MB');
    assert.equal(formatSize(1.5 * MIB), '1.5 MB');
    assert.equal(formatSize(4096 * MIB), '4 GB');
    assert.equal(formatSize(900), '900 bytes');
    assert.equal(formatSize(1), '1 byte');
    assert.equal(formatSize(2048), '2 KB');
    assert.equal(formatSize(-1), '');
});

test('media ranges match exactly, by their type, or anything', () => {
    assert.ok(accepts(['image/jpeg'], 'image/jpeg'));
    assert.ok(!accepts(['image/jpeg'], 'image/png'));
    assert.ok(accepts(['video/*'], 'video/quicktime'));
    assert.ok(!accepts(['video/*'], 'videos/x'));
    assert.ok(accepts(['*/*'], 'application/pdf'));
    assert.ok(!accepts([], 'application/pdf'));
});

test('a photo over the limit is refused with a sentence naming it, its size and the limit', () => {
    const problem = checkFile(file('photo.jpg', 'image/jpeg', 60 * MIB), DEFAULT_LIMITS);

    assert.deepEqual(problem, { code: 'file_too_large', sentence: 'photo.jpg is 60 MB; photos can be up to 50 MB' });
});

test('a file at the limit passes, and one byte over that would read the same size says "just over"', () => {
    assert.equal(checkFile(file('photo.jpg', 'image/jpeg', 50 * MIB), DEFAULT_LIMITS), null);
    assert.equal(checkFile(file('photo.jpg', 'image/jpeg', 50 * MIB + 1), DEFAULT_LIMITS).sentence,
        'photo.jpg is just over the 50 MB limit for photos');
});

test('each kind is checked against its own limit, as the server says it', () => {
    const limits = { ...DEFAULT_LIMITS, kinds: { ...DEFAULT_LIMITS.kinds,
        video: { max_bytes: 10 * MIB, accepted_types: ['video/mp4'] }, file: { max_bytes: MIB, accepted_types: ['*/*'] } } };

    assert.equal(checkFile(file('clip.mp4', 'video/mp4', 11 * MIB), limits).sentence,
        'clip.mp4 is 11 MB; videos can be up to 10 MB');
    assert.equal(checkFile(file('clip.webm', 'video/webm', MIB), limits).code, 'content_type_invalid');
    assert.equal(checkFile(file('clip.webm', 'video/webm', MIB), limits).sentence,
        'clip.webm is a video/webm video; videos can be MP4');
    assert.equal(checkFile(file('doc.pdf', 'application/pdf', 2 * MIB), limits).sentence,
        'doc.pdf is 2 MB; files can be up to 1 MB');
    assert.equal(checkFile(file('doc.pdf', 'application/pdf', MIB), limits), null);
});

test('an empty file is refused: the server would refuse it too', () => {
    assert.equal(checkFile(file('empty.txt', 'text/plain', 0)).code, 'file_size_invalid');
});

test('the client reads the limits once, with its token, and keeps them', async () => {
    const calls = [];
    const fetch = async (url, init) => {
        calls.push({ url, authorization: init.headers.Authorization });
        return new Response(JSON.stringify(DEFAULT_LIMITS), { status: 200,
            headers: { 'Content-Type': 'application/json' } });
    };
    const client = createMosaicClient({ baseUrl: 'https://m.test', token: 'tok', fetch });

    assert.deepEqual(await client.limits(), DEFAULT_LIMITS);
    await client.limits();

    assert.deepEqual(calls, [{ url: 'https://m.test/api/v1/limits', authorization: 'Bearer tok' }]);
});

test('limits that could not be read are asked for again next time', async () => {
    let answers = 0;
    const fetch = async () => {
        answers += 1;
        return answers === 1
            ? new Response('{"code":"unauthenticated"}', { status: 401 })
            : new Response(JSON.stringify(DEFAULT_LIMITS), { status: 200 });
    };
    const client = createMosaicClient({ token: 'tok', fetch, retries: 0 });

    await assert.rejects(client.limits(), { code: 'unauthenticated' });
    assert.equal((await client.limits()).max_attachments, 10);
});
