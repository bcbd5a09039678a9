import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgressThrottle } from '../../main/resources/web/mosaic-client.js';
import { fakeClock } from './fakes.mjs';

function throttled() {
    const clock = fakeClock();
    const sent = [];
    const throttle = createProgressThrottle({ send: (id, progress) => sent.push([clock.now(), id, progress]),
        intervalMs: 1000, timers: clock, now: clock.now });
    return { clock, sent, throttle, start: clock.now() };
}

test('the first report goes at once, the rest at most once a second, the latest value last', async () => {
    const { clock, sent, throttle, start } = throttled();
    throttle.report(501, 1);
    for (let progress = 2; progress <= 30; progress++) {
        await clock.advance(100);
        throttle.report(501, progress);
    }
    await clock.advance(1000);

    assert.deepEqual(sent, [[start, 501, 1], [start + 1000, 501, 10], [start + 2000, 501, 20],
        [start + 3000, 501, 30]]);
    for (let i = 1; i < sent.length; i++) {
        assert.ok(sent[i][0] - sent[i - 1][0] >= 1000);
    }
});

test('each asset has its own budget', async () => {
    const { clock, sent, throttle, start } = throttled();
    throttle.report(501, 5);
    throttle.report(502, 7);
    throttle.report(501, 6);
    await clock.advance(1000);

    assert.deepEqual(sent, [[start, 501, 5], [start, 502, 7], [start + 1000, 501, 6]]);
});

test('nothing is sent for an asset once its upload finished', async () => {
    const { clock, sent, throttle } = throttled();
    throttle.report(501, 5);
    throttle.report(501, 60);
    throttle.finish(501);
    await clock.advance(5000);

    assert.equal(sent.length, 1);
});

test('an unchanged value is not sent again', async () => {
    const { clock, sent, throttle } = throttled();
    throttle.report(501, 5);
    await clock.advance(2000);
    throttle.report(501, 5);
    await clock.advance(2000);

    assert.equal(sent.length, 1);
});
