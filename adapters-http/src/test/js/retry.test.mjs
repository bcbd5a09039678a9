import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, withRetry, isRetryable, MosaicError } from '../../main/resources/web/mosaic-client.js';
import { errorFrom, retryAfterMs } from '../../main/resources/web/mosaic/api.js';

test('the wait doubles with each retry, between half and all of the ceiling', () => {
    const low = [0, 1, 2, 3].map((attempt) => backoffDelay(attempt, { backoffMs: 500, random: () => 0 }));
    const high = [0, 1, 2, 3].map((attempt) => backoffDelay(attempt, { backoffMs: 500, random: () => 1 }));

    assert.deepEqual(low, [250, 500, 1000, 2000]);
    assert.deepEqual(high, [500, 1000, 2000, 4000]);
});

test('the wait is capped', () => {
    assert.equal(backoffDelay(30, { backoffMs: 500, maxDelayMs: 30000, random: () => 1 }), 30000);
});

test('jitter spreads clients out', () => {
    const waits = new Set([0.1, 0.5, 0.9].map((r) => backoffDelay(2, { backoffMs: 500, random: () => r })));

    assert.equal(waits.size, 3);
});

test('network failures, 429 and 5xx are worth retrying; refusals and aborts are not', () => {
    assert.equal(isRetryable(new TypeError('fetch failed')), true);
    assert.equal(isRetryable(new MosaicError({ status: 0 })), true);
    assert.equal(isRetryable(new MosaicError({ status: 503 })), true);
    assert.equal(isRetryable(new MosaicError({ status: 429 })), true);
    assert.equal(isRetryable(new MosaicError({ status: 422, code: 'file_too_large' })), false);
    assert.equal(isRetryable(new MosaicError({ status: 403 })), false);
    assert.equal(isRetryable(Object.assign(new Error('x'), { name: 'AbortError' })), false);
});

function recorder() {
    const waits = [];
    return { waits, delay: async (ms) => waits.push(ms), online: async () => {}, random: () => 0.5 };
}

test('a flaky operation is retried with growing waits until it succeeds', async () => {
    const timing = recorder();
    let calls = 0;
    const result = await withRetry(async () => {
        calls += 1;
        if (calls < 3) {
            throw new MosaicError({ status: 503 });
        }
        return 'ok';
    }, { retries: 4, backoffMs: 100, ...timing });

    assert.equal(result, 'ok');
    assert.equal(calls, 3);
    assert.deepEqual(timing.waits, [75, 150]);
});

test('after the last retry the error comes through', async () => {
    const timing = recorder();
    let calls = 0;
    await assert.rejects(withRetry(async () => {
        calls += 1;
        throw new MosaicError({ status: 500, code: 'boom' });
    }, { retries: 2, backoffMs: 100, ...timing }), { code: 'boom' });

    assert.equal(calls, 3);
    assert.equal(timing.waits.length, 2);
});

test('a refusal is not retried', async () => {
    const timing = recorder();
    let calls = 0;
    await assert.rejects(withRetry(async () => {
        calls += 1;
        throw new MosaicError({ status: 409, code: 'upload_not_active' });
    }, { retries: 4, ...timing }), { code: 'upload_not_active' });

    assert.equal(calls, 1);
});

test('while offline the retry waits for the network before trying again', async () => {
    const events = [];
    let calls = 0;
    await withRetry(async () => {
        calls += 1;
        events.push(`try ${calls}`);
        if (calls === 1) {
            throw new TypeError('network down');
        }
    }, { retries: 1, delay: async () => events.push('wait'), online: async () => events.push('online'),
        random: () => 0 });

    assert.deepEqual(events, ['try 1', 'wait', 'online', 'try 2']);
});

test('a 429 or 503 that says Retry-After is retried after the wait it asked for, within bounds', async () => {
    const timing = recorder();
    let calls = 0;
    const asked = [7000, 10, 600000];
    const result = await withRetry(async () => {
        calls += 1;
        if (calls <= asked.length) {
            throw new MosaicError({ status: calls === 2 ? 503 : 429, retryAfterMs: asked[calls - 1] });
        }
        return 'ok';
    }, { retries: 4, backoffMs: 100, maxRetryAfterMs: 60000, ...timing });

    assert.equal(result, 'ok');
    assert.deepEqual(timing.waits, [7000, 50, 60000]);
});

test('Retry-After is read from the answer as seconds or as a date', async () => {
    const now = Date.parse('2026-12-05T10:00:00Z');
    assert.equal(retryAfterMs('3'), 3000);
    assert.equal(retryAfterMs(' 0 '), 0);
    assert.equal(retryAfterMs('Sat, 05 Dec 2026 10:00:30 GMT', now), 30000);
    assert.equal(retryAfterMs('Sat, 05 Dec 2026 09:00:00 GMT', now), 0);
    assert.equal(retryAfterMs('soon'), undefined);
    assert.equal(retryAfterMs(null), undefined);

    const answer = new Response(JSON.stringify({ code: 'rate_limited', detail: 'slow down' }),
        { status: 429, headers: { 'Retry-After': '2', 'Content-Type': 'application/problem+json' } });
    const error = await errorFrom(answer);
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.retryAfterMs, 2000);
    assert.equal(error.retryable, true);
    assert.equal((await errorFrom(new Response('', { status: 503 }))).retryAfterMs, undefined);
});
