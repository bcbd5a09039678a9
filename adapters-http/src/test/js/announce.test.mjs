import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reduce } from '../../main/resources/web/mosaic-client.js';
import { announcements, createAnnouncer } from '../../main/resources/web/app/announce.js';
import { altText, cancelName, playName } from '../../main/resources/web/app/names.js';

const ME = 1;
const PEER = 2;
const album = (sender) => ({ message_id: 105, sender_id: sender, receiver_id: sender === ME ? PEER : ME, text: 'trip',
    assets: [
        { asset_id: 501, kind: 'image', file_name: 'beach.jpg', stage: 'uploading', progress: 0 },
        { asset_id: 502, kind: 'video', file_name: 'party.mp4', stage: 'uploading', progress: 0 },
        { asset_id: 503, kind: 'file', file_name: 'doc.pdf', stage: 'uploading', progress: 0 },
    ] });
const update = (asset, fields) => ({ type: 'chat_message_update', data: { message_id: 105, asset_id: asset, ...fields } });

/** Plays the events one by one, as the page does, and collects what each change says. */
function heard(viewer, sender, events, localFailures) {
    let messages = [];
    const said = [];
    for (const event of [{ type: 'chat_message', data: album(sender) }, ...events]) {
        const next = reduce(messages, event);
        said.push(...announcements(messages, next, viewer, localFailures));
        messages = next;
    }
    return said;
}

const LIFE = [
    ...[10, 20, 30, 40, 50, 60, 70, 80, 90, 99].flatMap((progress) =>
        [update(501, { stage: 'uploading', progress }), update(502, { stage: 'uploading', progress })]),
    update(501, { stage: 'processing' }), update(501, { stage: 'thumbnail_ready', thumbnail_url: 't' }),
    update(501, { stage: 'ready' }),
    update(503, { stage: 'processing' }), update(503, { stage: 'failed', error: 'content_type_mismatch' }),
    update(502, { stage: 'processing' }), update(502, { stage: 'thumbnail_ready', thumbnail_url: 'p' }),
    ...[10, 50, 90].map((progress) => update(502, { stage: 'transcoding', progress })),
    update(502, { stage: 'ready', playback_url: 'v' }),
];

test('the sender hears each file once uploaded and once ready or failed, and nothing of progress', () => {
    assert.deepEqual(heard(ME, ME, LIFE), [
        { text: 'Sending 3 files' },
        { text: 'beach.jpg uploaded' },
        { text: 'beach.jpg is ready' },
        { text: 'doc.pdf uploaded' },
        { text: 'doc.pdf failed: not a PDF', failure: true, assetId: 503 },
        { text: 'party.mp4 uploaded' },
        { text: 'party.mp4 is ready to play' },
    ]);
});

test('the receiver hears the album arrive, what is ready, and "not sent" instead of a failure code', () => {
    assert.deepEqual(heard(ME, PEER, LIFE).map((said) => said.text), [
        'User 2 sent 3 files', 'beach.jpg is ready', 'doc.pdf was not sent', 'party.mp4 is ready to play']);
});

test('an upload that failed on this page is told with its own reason, not as cancelled', () => {
    const said = heard(ME, ME, [update(502, { stage: 'cancelled' }), update(501, { stage: 'cancelled' })],
        new Map([[502, 'network_error']]));

    assert.deepEqual(said.slice(1), [
        { text: 'party.mp4 failed: the connection dropped', failure: true, assetId: 502 },
        { text: 'beach.jpg was cancelled', failure: false, assetId: 501 },
    ]);
});

test('a repeated or stale event says nothing again', () => {
    const ready = update(501, { stage: 'ready' });

    assert.equal(heard(ME, PEER, [ready, ready, update(501, { stage: 'processing' })]).length, 2);
});

function fakeRegion() {
    const region = {
        children: [],
        ownerDocument: { createElement: () => ({ textContent: '', remove() {
            region.children.splice(region.children.indexOf(this), 1);
        } }) },
        append(node) {
            region.children.push(node);
        },
        get firstElementChild() {
            return region.children[0];
        },
    };
    return region;
}

test('the status region adds each sentence, drops a repeat said just before, and keeps only the last few', () => {
    let time = 0;
    const region = fakeRegion();
    const announcer = createAnnouncer(region, { keep: 3, quietMs: 1000, now: () => time });

    announcer.say('Connected: updates arrive live');
    announcer.say('Connected: updates arrive live');
    announcer.say('');
    time = 2000;
    announcer.say('Connected: updates arrive live');
    announcer.say('a.jpg is ready');
    announcer.say('b.jpg is ready');

    assert.deepEqual(region.children.map((line) => line.textContent),
        ['Connected: updates arrive live', 'a.jpg is ready', 'b.jpg is ready']);
});

test('names carry the file name; pictures are described, never just their file name', () => {
    const photo = { kind: 'image', file_name: 'beach.jpg' };

    assert.equal(altText(photo), 'Photo beach.jpg');
    assert.equal(altText({ ...photo, alt_text: '  Two people on a beach  ' }), 'Two people on a beach');
    assert.equal(altText({ kind: 'video', file_name: 'party.mp4' }), 'Video party.mp4');
    assert.equal(playName({ file_name: 'party.mp4' }), 'Play party.mp4');
    assert.equal(cancelName(photo), 'Cancel the upload of beach.jpg');
});
