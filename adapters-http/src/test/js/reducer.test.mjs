import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reduce, withMessages } from '../../main/resources/web/mosaic-client.js';

function asset(id, overrides = {}) {
    return { message_id: 105, asset_id: id, kind: 'image', file_name: `${id}.jpg`, file_size: 3050000,
        content_type: 'image/jpeg', stage: 'uploading', progress: 0, ...overrides };
}

function album(overrides = {}) {
    return { message_id: 105, sender_id: 1, receiver_id: 42, text: 'Trip!', created_at: '2024-05-01T10:00:00Z',
        complete: false,
        assets: [asset(501), asset(502, { kind: 'video', file_name: 'party.mp4', content_type: 'video/mp4' }),
            asset(503, { kind: 'file', file_name: 'itinerary.pdf', content_type: 'application/pdf' })],
        ...overrides };
}

const created = (seq = 10, data = album()) => ({ type: 'chat_message', seq, data });
const update = (seq, fields) => ({ type: 'chat_message_update', seq, data: { message_id: 105, ...fields } });
const cell = (messages, id) => messages[0].assets.find((a) => a.asset_id === id);

test('a chat_message inserts the album with every cell loading', () => {
    const messages = reduce([], created());

    assert.equal(messages.length, 1);
    assert.equal(messages[0].text, 'Trip!');
    assert.deepEqual(messages[0].assets.map((a) => [a.asset_id, a.stage, a.loading, a.url]),
        [[501, 'uploading', true, null], [502, 'uploading', true, null], [503, 'uploading', true, null]]);
});

test('messages stay ordered by message_id whatever order they arrive in', () => {
    const messages = [107, 105, 106].reduce(
        (list, id) => reduce(list, { type: 'chat_message', data: album({ message_id: id, assets: [] }) }), []);

    assert.deepEqual(messages.map((m) => m.message_id), [105, 106, 107]);
});

test('a chat_message for a message already shown replaces it in place', () => {
    const before = reduce([], { type: 'chat_message', data: album({ text: 'old' }) });
    const after = reduce(before, created(11, album({ text: 'new' })));

    assert.equal(after.length, 1);
    assert.equal(after[0].text, 'new');
    assert.notEqual(after, before);
});

test('thumbnail_ready on one asset stops its loading and shows the thumbnail; the others keep loading', () => {
    const start = reduce([], created());
    const next = reduce(start, update(11, { asset_id: 501, stage: 'thumbnail_ready', progress: 100,
        thumbnail_url: 'https://s3/thumb.webp' }));

    assert.deepEqual({ loading: cell(next, 501).loading, url: cell(next, 501).url },
        { loading: false, url: 'https://s3/thumb.webp' });
    assert.equal(cell(next, 502).loading, true);
    assert.equal(cell(next, 502), cell(start, 502), 'untouched assets keep their identity');
    assert.equal(cell(start, 501).stage, 'uploading', 'the previous list is not mutated');
});

test('a ready image shows its preview; a ready video its poster; a ready file its download link', () => {
    let messages = reduce([], created());
    messages = reduce(messages, update(11, { asset_id: 501, stage: 'ready', thumbnail_url: 't1', preview_url: 'p1' }));
    messages = reduce(messages, update(12, { asset_id: 502, stage: 'thumbnail_ready', thumbnail_url: 'poster' }));
    messages = reduce(messages, update(13, { asset_id: 502, stage: 'transcoding', progress: 40 }));

    assert.equal(cell(messages, 502).loading, false, 'the poster shows while the video transcodes');
    assert.equal(cell(messages, 502).url, 'poster');
    assert.equal(cell(messages, 502).progress, 40);
    messages = reduce(messages, update(14, { asset_id: 502, stage: 'ready', playback_url: 'play.mp4' }));
    messages = reduce(messages, update(15, { asset_id: 503, stage: 'processing', download_url: 'unverified' }));
    assert.equal(cell(messages, 503).loading, true, 'a file is not offered before it is verified');
    messages = reduce(messages, update(16, { asset_id: 503, stage: 'ready', download_url: 'doc.pdf' }));

    assert.deepEqual([cell(messages, 501).url, cell(messages, 501).loading], ['p1', false]);
    assert.deepEqual([cell(messages, 502).url, cell(messages, 502).playback_url, cell(messages, 502).loading],
        ['poster', 'play.mp4', false]);
    assert.deepEqual([cell(messages, 503).url, cell(messages, 503).loading], ['doc.pdf', false]);
});

test('processing keeps the cell loading; failed settles it with its error', () => {
    let messages = reduce([], created());
    messages = reduce(messages, update(11, { asset_id: 501, stage: 'processing', progress: 100 }));
    assert.deepEqual([cell(messages, 501).stage, cell(messages, 501).loading], ['processing', true]);

    messages = reduce(messages, update(12, { asset_id: 501, stage: 'failed', error: 'content_mismatch' }));
    assert.deepEqual([cell(messages, 501).stage, cell(messages, 501).loading, cell(messages, 501).error],
        ['failed', false, 'content_mismatch']);
});

test('chat_message_complete marks the message complete with the final assets', () => {
    let messages = reduce([], created());
    const final = album({ complete: true, assets: album().assets.map((a) => ({ ...a, stage: 'ready',
        thumbnail_url: `t${a.asset_id}`, download_url: `d${a.asset_id}` })) });
    messages = reduce(messages, { type: 'chat_message_complete', seq: 20, data: final });

    assert.equal(messages[0].complete, true);
    assert.deepEqual(messages[0].assets.map((a) => [a.stage, a.loading]),
        [['ready', false], ['ready', false], ['ready', false]]);
});

test('chat_message_complete for a message not shown yet inserts it', () => {
    const messages = reduce([], { type: 'chat_message_complete', seq: 3, data: album({ complete: true }) });

    assert.equal(messages.length, 1);
    assert.equal(messages[0].complete, true);
});

test('an update for an unknown message or asset answers the same list', () => {
    const messages = reduce([], created());

    assert.equal(reduce(messages, { type: 'chat_message_update', seq: 11,
        data: { message_id: 999, asset_id: 501, stage: 'ready' } }), messages);
    assert.equal(reduce(messages, update(12, { asset_id: 999, stage: 'ready' })), messages);
    assert.equal(reduce(messages, { type: 'something_else', seq: 13, data: {} }), messages);
    assert.equal(reduce(messages, { type: 'chat_message_update', seq: 14 }), messages);
});

test('an event with a sequence already applied is ignored, so replays change nothing', () => {
    let messages = reduce([], created());
    messages = reduce(messages, update(11, { asset_id: 501, stage: 'processing' }));
    const once = reduce(messages, update(12, { asset_id: 501, stage: 'thumbnail_ready', thumbnail_url: 't' }));

    assert.equal(reduce(once, update(12, { asset_id: 501, stage: 'thumbnail_ready', thumbnail_url: 't' })), once);
    assert.equal(reduce(once, update(11, { asset_id: 501, stage: 'processing' })), once);
    assert.equal(reduce(once, created(10)), once, 'a replayed chat_message does not reset the album');
});

test('a stage never goes back, even from an unsequenced source such as a page load', () => {
    let messages = reduce([], created());
    messages = reduce(messages, update(11, { asset_id: 501, stage: 'ready', preview_url: 'p' }));
    messages = withMessages(messages, [album()]);

    assert.deepEqual([cell(messages, 501).stage, cell(messages, 501).url], ['ready', 'p']);
});

test('updates for different assets apply whatever order they arrive in', () => {
    const start = reduce([], created());
    const first = update(11, { asset_id: 501, stage: 'processing' });
    const second = update(12, { asset_id: 502, stage: 'processing' });
    const third = update(13, { asset_id: 501, stage: 'thumbnail_ready', thumbnail_url: 't' });

    const inOrder = [first, second, third].reduce(reduce, start);
    const shuffled = [second, first, third].reduce(reduce, start);

    assert.deepEqual(shuffled.map((m) => m.assets.map((a) => a.stage)), inOrder.map((m) => m.assets.map((a) => a.stage)));
    assert.deepEqual(inOrder[0].assets.map((a) => a.stage), ['thumbnail_ready', 'processing', 'uploading']);
});

test('relayed upload progress (no seq) moves the bar but never overrides a later stage', () => {
    let messages = reduce([], created());
    messages = reduce(messages, { type: 'chat_message_update', data: { message_id: 105, asset_id: 502,
        stage: 'uploading', progress: 37 } });
    assert.equal(cell(messages, 502).progress, 37);

    messages = reduce(messages, update(11, { asset_id: 502, stage: 'processing', progress: 0 }));
    const late = reduce(messages, { type: 'chat_message_update', data: { message_id: 105, asset_id: 502,
        stage: 'uploading', progress: 99 } });
    assert.equal(late, messages);
});

test('terminal stages are final', () => {
    let messages = reduce([], created());
    messages = reduce(messages, update(11, { asset_id: 501, stage: 'cancelled' }));

    assert.equal(reduce(messages, update(12, { asset_id: 501, stage: 'processing' })), messages);
    assert.equal(cell(messages, 501).loading, false);
});

test('withMessages folds a newest-first page into an oldest-first list', () => {
    const page = [album({ message_id: 9, assets: [] }), album({ message_id: 7, assets: [] })];

    assert.deepEqual(withMessages([], page).map((m) => m.message_id), [7, 9]);
});
