import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMosaicClient, socketUrl } from '../../main/resources/web/mosaic-client.js';
import { fakeClock, fakeSocketClass, fileOf, settleAll } from './fakes.mjs';
import { BASE, fakeMosaic, gate } from './fake-mosaic.mjs';
import { openEventStream } from '../../main/resources/web/mosaic/events.js';

function connected(options = {}, clientOptions = {}) {
    const clock = fakeClock();
    const Socket = fakeSocketClass(clock.now);
    const events = [];
    const statuses = [];
    const client = createMosaicClient({ baseUrl: BASE, token: 'tok', WebSocket: Socket, timers: clock,
        now: clock.now, random: () => 0.5, XMLHttpRequest: undefined, fetch: async () => { throw new Error('no'); },
        ...clientOptions });
    const stream = client.connectEvents({ onEvent: (event) => events.push(event),
        onStatus: (status) => statuses.push(status), ...options });
    return { clock, Socket, events, statuses, client, stream };
}

const update = (seq, assetId = 501) => ({ type: 'chat_message_update', seq,
    data: { message_id: 105, asset_id: assetId, stage: 'processing' } });

async function openAndReady(world, lastSeq = 0, userId = 1) {
    await settleAll(3);
    const socket = world.Socket.last();
    socket.open();
    socket.receive({ type: 'ready', user_id: userId, last_seq: lastSeq });
    return socket;
}

test('the socket URL follows the base URL\'s scheme, or the page\'s origin', () => {
    assert.equal(socketUrl('https://chat.example/'), 'wss://chat.example/api/v1/ws');
    assert.equal(socketUrl('http://localhost:8080'), 'ws://localhost:8080/api/v1/ws');
    assert.equal(socketUrl('', { protocol: 'https:', host: 'chat.example' }), 'wss://chat.example/api/v1/ws');
    assert.equal(socketUrl('', { protocol: 'http:', host: 'localhost:8080' }), 'ws://localhost:8080/api/v1/ws');
});

test('the first frame authenticates; a first connection asks for nothing old', async () => {
    const world = connected();
    const socket = await openAndReady(world, 7, 42);

    assert.equal(socket.url, 'wss://mosaic.test/api/v1/ws');
    assert.deepEqual(socket.sent[0], { type: 'auth', token: 'tok' });
    assert.deepEqual(world.statuses.map((s) => s.state), ['connecting', 'open']);
    assert.equal(world.statuses[1].userId, 42);
    assert.equal(world.stream.lastSeq, 7);
    assert.equal(world.stream.isOpen(), true);
});

test('a known last sequence is asked for from the start', async () => {
    const world = connected({ since: 12 });
    const socket = await openAndReady(world, 15);

    assert.deepEqual(socket.sent[0], { type: 'auth', token: 'tok', since: 12 });
    socket.receive(update(13));
    assert.deepEqual(world.events.map((e) => e.seq), [13]);
});

test('events arrive once: a sequence already seen is dropped', async () => {
    const world = connected();
    const socket = await openAndReady(world, 10);
    for (const seq of [11, 12, 12, 11, 13, 10]) {
        socket.receive(update(seq));
    }

    assert.deepEqual(world.events.map((e) => e.seq), [11, 12, 13]);
});

test('relayed upload progress (no sequence) is handed over without moving the sequence', async () => {
    const world = connected();
    const socket = await openAndReady(world, 10);
    const progress = { type: 'chat_message_update', data: { message_id: 105, asset_id: 501, stage: 'uploading',
        progress: 37 } };
    socket.receive(progress);
    socket.receive(progress);
    socket.receive(update(11));

    assert.equal(world.events.length, 3);
    assert.equal(world.stream.lastSeq, 11);
});

test('after a drop it reconnects with backoff and resumes from the last sequence, missing and repeating nothing',
    async () => {
        const world = connected();
        const first = await openAndReady(world, 10);
        first.receive(update(11));
        first.receive(update(12));
        first.serverClose(1006);

        const reconnecting = world.statuses.at(-1);
        assert.equal(reconnecting.state, 'reconnecting');
        assert.ok(reconnecting.delayMs >= 250 && reconnecting.delayMs <= 500);
        await world.clock.advance(reconnecting.delayMs - 1);
        assert.equal(world.Socket.sockets.length, 1, 'no reconnect before the backoff');
        await world.clock.advance(1);
        const second = await openAndReady(world, 14);

        assert.notEqual(second, first);
        assert.deepEqual(second.sent[0], { type: 'auth', token: 'tok', since: 12 });
        for (const seq of [12, 13, 14]) {
            second.receive(update(seq));
        }
        assert.deepEqual(world.events.map((e) => e.seq), [11, 12, 13, 14]);
    });

test('failed reconnects wait longer and longer; a successful one resets the wait', async () => {
    const world = connected();
    const first = await openAndReady(world, 0);
    first.serverClose(1006);
    const waits = [];
    for (let i = 0; i < 3; i++) {
        const { delayMs } = world.statuses.at(-1);
        waits.push(delayMs);
        await world.clock.advance(delayMs);
        await settleAll(3);
        world.Socket.last().serverClose(1006);
    }
    assert.ok(waits[0] < waits[1] && waits[1] < waits[2], `growing waits: ${waits}`);

    await world.clock.advance(world.statuses.at(-1).delayMs);
    const socket = await openAndReady(world, 0);
    socket.serverClose(1006);
    assert.equal(world.statuses.at(-1).delayMs, waits[0]);
});

test('it pings every 25 seconds and reconnects when no answer comes', async () => {
    const world = connected();
    const socket = await openAndReady(world, 3);

    await world.clock.advance(25000);
    assert.deepEqual(socket.sent.at(-1), { type: 'ping' });
    socket.receive({ type: 'pong' });
    await world.clock.advance(25000);
    assert.equal(socket.sent.filter((f) => f.type === 'ping').length, 2);
    await world.clock.advance(10000);

    assert.deepEqual(socket.closedWith, { code: 4000, reason: 'pong_timeout' });
    assert.equal(world.statuses.at(-1).state, 'reconnecting');
    await world.clock.advance(world.statuses.at(-1).delayMs);
    await settleAll(3);
    assert.equal(world.Socket.sockets.length, 2);
});

test('a refused token stops reconnecting and says so', async () => {
    const world = connected();
    await settleAll(3);
    const socket = world.Socket.last();
    socket.open();
    socket.serverClose(1008, 'token_invalid');
    await world.clock.advance(60000);

    assert.deepEqual(world.statuses.at(-1), { state: 'unauthorized', lastSeq: null, reason: 'token_invalid' });
    assert.equal(world.Socket.sockets.length, 1);
});

test('a server whose history is behind this client resets the sequence and says resync', async () => {
    const world = connected({ since: 50 });
    const socket = await openAndReady(world, 3);
    socket.receive(update(4));

    assert.equal(world.statuses.at(-1).resync, true);
    assert.deepEqual(world.events.map((e) => e.seq), [4]);
});

test('reconnect() drops the socket and resumes at once; close() ends it for good', async () => {
    const world = connected();
    const first = await openAndReady(world, 5);
    world.stream.reconnect();
    await world.clock.advance(0);
    await settleAll(3);
    assert.equal(first.closedWith.code, 4000);
    const second = await openAndReady(world, 5);
    assert.deepEqual(second.sent[0], { type: 'auth', token: 'tok', since: 5 });

    world.stream.close();
    second.serverClose(1000);
    await world.clock.advance(60000);
    assert.equal(world.Socket.sockets.length, 2);
    assert.equal(world.statuses.at(-1).state, 'closed');
});

test('while uploading, progress frames go out on the open socket at most once a second per asset', async () => {
    const world = connected();
    const socket = await openAndReady(world, 0);
    const gates = [];
    const mosaic = fakeMosaic({ storage: () => {
        const hold = gate();
        gates.push(hold);
        return hold.promise;
    } });
    const client = createMosaicClient({ baseUrl: BASE, token: 'tok', WebSocket: world.Socket, timers: world.clock,
        now: world.clock.now, fetch: mosaic.fetch, XMLHttpRequest: mosaic.XMLHttpRequest, stallMs: 0,
        partConcurrency: 1 });
    client.connectEvents({});
    const uploadSocket = await openAndReady(world, 0);
    const sent = await client.sendAlbum({ receiverId: 42, files: [fileOf(95, 'party.mp4', 'video/mp4')] });
    for (let part = 0; part < 10; part++) {
        await settleAll();
        gates[part].open();
        await world.clock.advance(300);
    }
    await sent.done;
    await world.clock.advance(5000);

    const frames = uploadSocket.sent.map((frame, i) => ({ frame, at: uploadSocket.sentAt[i] }))
        .filter(({ frame }) => frame.type === 'upload_progress');
    assert.ok(frames.length >= 3, `frames: ${frames.length}`);
    assert.ok(frames.every(({ frame }) => frame.asset_id === 501 && frame.progress >= 0 && frame.progress < 100));
    for (let i = 1; i < frames.length; i++) {
        assert.ok(frames[i].at - frames[i - 1].at >= 1000, 'at most one a second');
        assert.ok(frames[i].frame.progress > frames[i - 1].frame.progress);
    }
    assert.equal(socket.sent.filter((f) => f.type === 'upload_progress').length, 0,
        'only the uploading client\'s socket reports');
});

test('no progress frames are sent while the socket is not open', async () => {
    const clock = fakeClock();
    const Socket = fakeSocketClass(clock.now);
    const mosaic = fakeMosaic();
    const client = createMosaicClient({ baseUrl: BASE, token: 'tok', WebSocket: Socket, timers: clock,
        now: clock.now, fetch: mosaic.fetch, XMLHttpRequest: mosaic.XMLHttpRequest, stallMs: 0 });
    client.connectEvents({});
    await settleAll(3);
    Socket.last().open();
    const sent = await client.sendAlbum({ receiverId: 42, files: [fileOf(95, 'party.mp4', 'video/mp4')] });
    await sent.done;

    assert.deepEqual(Socket.last().sent.map((f) => f.type), ['auth']);
});

test('coming back online checks an open socket at once and reconnects it when no answer comes', async () => {
    const scope = new EventTarget();
    const clock = fakeClock();
    const Socket = fakeSocketClass(clock.now);
    const statuses = [];
    openEventStream({ url: 'wss://mosaic.test/api/v1/ws', token: async () => 'tok', WebSocket: Socket, timers: clock,
        random: () => 0.5, scope, onStatus: (status) => statuses.push(status.state) });
    await settleAll(3);
    Socket.last().open();
    Socket.last().receive({ type: 'ready', user_id: 1, last_seq: 0 });

    scope.dispatchEvent(new Event('online'));
    assert.deepEqual(Socket.last().sent.at(-1), { type: 'ping' });
    await clock.advance(10000);

    assert.equal(statuses.at(-1), 'reconnecting');
});
