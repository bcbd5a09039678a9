// Calls to Mosaic's REST API: bearer token, JSON both ways, problem+json errors, retries.
import { isRetryableStatus, withRetry } from './retry.js';

/** A refusal or failure, carrying the problem+json fields when the server sent them. */
export class MosaicError extends Error {
    constructor({ status = 0, code, title, detail, type, retryable, retryAfterMs } = {}) {
        super(detail || title || code || `request failed with status ${status}`);
        this.name = 'MosaicError';
        this.status = status;
        this.code = code || (status ? `http_${status}` : 'network_error');
        this.title = title;
        this.detail = detail;
        this.type = type;
        this.retryable = retryable ?? isRetryableStatus(status);
        /** How long the server asked us to wait before trying again (429, 503), when it said. */
        this.retryAfterMs = retryAfterMs;
    }
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds: delay-seconds or an HTTP date.
 * Undefined when the header is absent or unreadable.
 */
export function retryAfterMs(header, now = Date.now()) {
    if (typeof header !== 'string' || header.trim() === '') {
        return undefined;
    }
    const value = header.trim();
    if (/^\d+$/.test(value)) {
        return Number(value) * 1000;
    }
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A network failure (no answer at all); worth retrying. */
export function networkError(cause) {
    const error = new MosaicError({ status: 0, code: 'network_error', detail: cause?.message || 'network error' });
    error.cause = cause;
    return error;
}

/** Builds a MosaicError from a fetch Response that is not ok. */
export async function errorFrom(response) {
    let problem = {};
    try {
        const text = await response.text();
        problem = text ? JSON.parse(text) : {};
    } catch {
        problem = {};
    }
    return new MosaicError({
        status: response.status,
        code: typeof problem.code === 'string' ? problem.code : undefined,
        title: problem.title,
        detail: problem.detail,
        type: problem.type,
        retryAfterMs: retryAfterMs(response.headers?.get?.('Retry-After') ?? undefined),
    });
}

export function trimBase(baseUrl) {
    return (baseUrl || '').replace(/\/+$/, '');
}

/** Asks the development sign-in for a token; a 404 means it is off (a secret or JWKS is configured). */
export async function devToken({ baseUrl = '', userId, fetch = globalThis.fetch.bind(globalThis) }) {
    let response;
    try {
        response = await fetch(`${trimBase(baseUrl)}/api/v1/dev/token`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify({ user_id: Number(userId) }),
        });
    } catch (cause) {
        throw networkError(cause);
    }
    if (response.status === 404) {
        throw new MosaicError({ status: 404, code: 'dev_sign_in_off',
            detail: 'Development sign-in is off on this server: it has a configured secret or JWKS.' });
    }
    if (!response.ok) {
        throw await errorFrom(response);
    }
    return (await response.json()).token;
}

/**
 * `request(method, path, body?, { idempotencyKey, signal })` answers the parsed JSON body. Network
 * failures, 429 and 5xx are retried with backoff; every Mosaic write is safe to repeat (the batch
 * request with its Idempotency-Key, completion, parts and abort by design).
 */
export function createApi({ baseUrl, fetch, authorization, retry }) {
    const base = trimBase(baseUrl);

    async function once(method, path, body, { idempotencyKey, signal } = {}) {
        const headers = { Accept: 'application/json', Authorization: await authorization() };
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        if (idempotencyKey) {
            headers['Idempotency-Key'] = idempotencyKey;
        }
        let response;
        try {
            response = await fetch(base + path, {
                method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
            });
        } catch (cause) {
            if (cause?.name === 'AbortError') {
                throw cause;
            }
            throw networkError(cause);
        }
        if (!response.ok) {
            throw await errorFrom(response);
        }
        if (response.status === 204) {
            return null;
        }
        const text = await response.text();
        return text ? JSON.parse(text) : null;
    }

    return {
        request(method, path, body, options = {}) {
            return retry((attempt) => once(method, path, body, options), options.signal);
        },
        post(path, body, options) {
            return this.request('POST', path, body, options);
        },
        get(path, options) {
            return this.request('GET', path, undefined, options);
        },
    };
}

/** The retry runner an API uses, bound to the client's settings. */
export function retryRunner(settings) {
    return (operation, signal) => withRetry(operation, { ...settings, signal });
}
