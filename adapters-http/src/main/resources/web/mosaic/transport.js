// PUTs of bytes to storage URLs, with upload progress: XMLHttpRequest where it exists (fetch reports
// no upload progress), fetch otherwise.
import { abortError } from './retry.js';
import { MosaicError, networkError } from './api.js';

// Browsers refuse to let scripts set these; they compute them from the body.
const FORBIDDEN_HEADERS = new Set(['content-length', 'host', 'connection', 'expect', 'transfer-encoding']);

/** What a storage PUT answered: its status and ETag header (null when absent or not exposed). */
function answer(status, etag) {
    return { status, etag: etag || null };
}

function allowedHeaders(headers) {
    return Object.entries(headers || {}).filter(([name]) => !FORBIDDEN_HEADERS.has(name.toLowerCase()));
}

function stalled(ms) {
    return new MosaicError({ status: 0, code: 'upload_stalled', detail: `no upload progress for ${ms} ms`,
        retryable: true });
}

function putWithXhr(Xhr, timers, stallMs, url, body, headers, { signal, onProgress }) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortError());
            return;
        }
        const xhr = new Xhr();
        let stallTimer = null;
        let settled = false;
        const finish = (fn, value) => {
            if (settled) {
                return;
            }
            settled = true;
            timers.clearTimeout(stallTimer);
            signal?.removeEventListener('abort', onAbort);
            fn(value);
        };
        const watchStall = () => {
            timers.clearTimeout(stallTimer);
            if (stallMs > 0) {
                stallTimer = timers.setTimeout(() => {
                    finish(reject, stalled(stallMs));
                    xhr.abort();
                }, stallMs);
            }
        };
        const onAbort = () => {
            finish(reject, abortError());
            xhr.abort();
        };
        xhr.open('PUT', url);
        for (const [name, value] of allowedHeaders(headers)) {
            xhr.setRequestHeader(name, value);
        }
        if (xhr.upload) {
            xhr.upload.onprogress = (event) => {
                watchStall();
                onProgress?.(event.loaded);
            };
        }
        xhr.onload = () => finish(resolve, answer(xhr.status, xhr.getResponseHeader('ETag')));
        xhr.onerror = () => finish(reject, networkError(new Error('the upload connection failed')));
        xhr.ontimeout = () => finish(reject, networkError(new Error('the upload timed out')));
        xhr.onabort = () => finish(reject, abortError());
        signal?.addEventListener('abort', onAbort, { once: true });
        watchStall();
        xhr.send(body);
    });
}

async function putWithFetch(fetch, url, body, headers, { signal, onProgress }) {
    let response;
    try {
        response = await fetch(url, { method: 'PUT', headers: Object.fromEntries(allowedHeaders(headers)), body, signal });
    } catch (cause) {
        if (cause?.name === 'AbortError' || signal?.aborted) {
            throw abortError();
        }
        throw networkError(cause);
    }
    if (response.ok) {
        onProgress?.(body.size);
    }
    return answer(response.status, response.headers.get('ETag'));
}

/**
 * `put(url, body, headers, { signal, onProgress })` resolves `{ status, etag }` for any HTTP answer and
 * rejects on network failure (retryable), stall (no progress for `stallMs`; retryable) or abort.
 */
export function createTransport({ XMLHttpRequest: Xhr, fetch, timers = globalThis, stallMs = 30000 }) {
    return {
        put(url, body, headers, options = {}) {
            return Xhr
                ? putWithXhr(Xhr, timers, stallMs, url, body, headers, options)
                : putWithFetch(fetch, url, body, headers, options);
        },
    };
}
