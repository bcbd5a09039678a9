// Retrying with exponential backoff and jitter, shared by storage PUTs and API calls.

/** Statuses worth another try: the request may succeed as it is. */
export function isRetryableStatus(status) {
    return status === 0 || status === 408 || status === 425 || status === 429 || status >= 500;
}

/** An error worth another try: a network failure, a stalled request or a retryable status. */
export function isRetryable(error) {
    if (!error || error.name === 'AbortError') {
        return false;
    }
    if (typeof error.retryable === 'boolean') {
        return error.retryable;
    }
    return error.name === 'TypeError';
}

/**
 * The wait before retry number `attempt` (0 for the first retry): `backoffMs * 2^attempt`, capped at
 * `maxDelayMs`, with "equal jitter" (half fixed, half random) so many clients do not retry in step.
 */
export function backoffDelay(attempt, { backoffMs = 500, maxDelayMs = 30000, random = Math.random } = {}) {
    const ceiling = Math.min(maxDelayMs, backoffMs * 2 ** attempt);
    return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export function abortError(reason = 'aborted') {
    const error = new Error(reason);
    error.name = 'AbortError';
    return error;
}

/** Resolves after `ms` milliseconds, or rejects with an AbortError when `signal` aborts first. */
export function sleep(ms, signal, timers = globalThis) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortError());
            return;
        }
        const onAbort = () => {
            timers.clearTimeout(timer);
            reject(abortError());
        };
        const timer = timers.setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}

/** Resolves when the browser says it is online again (at once when it never said otherwise). */
export function waitUntilOnline(signal, scope = globalThis) {
    if (scope.navigator?.onLine !== false || typeof scope.addEventListener !== 'function') {
        return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
        const done = () => {
            scope.removeEventListener('online', done);
            signal?.removeEventListener('abort', onAbort);
            resolve();
        };
        const onAbort = () => {
            scope.removeEventListener('online', done);
            reject(abortError());
        };
        scope.addEventListener('online', done);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}

/**
 * The wait the server asked for with `Retry-After` (on a 429 or 503), never less than the backoff's
 * floor nor more than `maxRetryAfterMs`; undefined when it asked for none.
 */
function serverWait(error, { backoffMs = 500, maxRetryAfterMs = 120000 } = {}) {
    const asked = error?.retryAfterMs;
    if (typeof asked !== 'number' || !Number.isFinite(asked)) {
        return undefined;
    }
    return Math.min(maxRetryAfterMs, Math.max(backoffMs / 2, asked));
}

/**
 * Runs `operation(attempt)` until it succeeds, at most `retries + 1` times. Only retryable errors are
 * retried; the wait grows exponentially, unless the server asked for a wait with `Retry-After`. While
 * the browser is offline the wait also lasts until it is online again, so a dropped network does not
 * burn the attempts.
 */
export async function withRetry(operation, options = {}) {
    const { retries = 4, signal, delay = sleep, online = waitUntilOnline, onRetry } = options;
    for (let attempt = 0; ; attempt++) {
        try {
            return await operation(attempt);
        } catch (error) {
            if (signal?.aborted) {
                throw abortError();
            }
            if (!isRetryable(error) || attempt >= retries) {
                throw error;
            }
            const wait = serverWait(error, options) ?? backoffDelay(attempt, options);
            onRetry?.(error, attempt + 1, wait);
            await delay(wait, signal);
            await online(signal);
        }
    }
}
