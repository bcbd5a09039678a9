// Mosaic's reference client: the frontend integration guide, implemented once for any UI.
// A dependency-free ES module; import it from Mosaic (`/mosaic-client.js`) or copy the `web/` folder.
import { createApi, devToken, MosaicError, retryRunner, trimBase } from './mosaic/api.js';
import { abortError, sleep } from './mosaic/retry.js';
import { createTransport } from './mosaic/transport.js';
import { resumeFile, uploadFile } from './mosaic/uploads.js';
import { createResumeStore, matchFiles } from './mosaic/resume.js';
import { createProgressThrottle } from './mosaic/throttle.js';
import { openEventStream, socketUrl } from './mosaic/events.js';
import { attachmentFor } from './mosaic/files.js';
import { MIN_PART_SIZE } from './mosaic/parts.js';
import { LIMITS_PATH } from './mosaic/limits.js';

export { reduce, withMessages, displayed, isTerminal, canMove, STAGES } from './mosaic/reducer.js';
export { layoutFor, aspectOf, MAX_ITEMS } from './mosaic/layout.js';
export { planParts, proposeParts, MIN_PART_SIZE, MAX_PARTS } from './mosaic/parts.js';
export { backoffDelay, withRetry, isRetryable } from './mosaic/retry.js';
export { createProgressThrottle } from './mosaic/throttle.js';
export { placeholderToDataUrl, placeholderOf, placeholderAspect } from './mosaic/placeholder.js';
export { attachmentFor, describeFile, kindOf, contentTypeOf } from './mosaic/files.js';
export { socketUrl } from './mosaic/events.js';
export { checkFile, accepts, formatSize, DEFAULT_LIMITS, KIND_NOUNS } from './mosaic/limits.js';
export { failureReason, failureSentence, refusalSentence, FAILURE_REASONS } from './mosaic/failures.js';
export { createResumeStore, fingerprintOf, matchFiles, DEFAULT_RESUME_KEY } from './mosaic/resume.js';
export { MosaicError, devToken };

const BATCH_PATH = '/api/v1/files/upload/';
const ABORT_PATH = '/api/v1/files/upload/abort/';
const REPLACE_PATH = '/api/v1/files/upload/replace/';

function randomKey() {
    if (globalThis.crypto?.randomUUID) {
        return globalThis.crypto.randomUUID();
    }
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

function boundGlobal(name) {
    const value = globalThis[name];
    return typeof value === 'function' && name === 'fetch' ? value.bind(globalThis) : value;
}

/** A file given to sendAlbum: a File/Blob, or `{ file, width?, height?, duration?, placeholder?, kind? }`. */
function unpack(item) {
    return item && typeof item === 'object' && 'file' in item ? { file: item.file, hints: item } : { file: item, hints: {} };
}

/** How a settled file ended, for `done`. */
function outcome(assetId, result) {
    if (result.status === 'fulfilled') {
        return { assetId, status: 'completed', asset: result.value };
    }
    const status = result.reason?.code === 'cancelled' ? 'cancelled' : 'failed';
    return { assetId, status, error: result.reason };
}

/**
 * `createMosaicClient({ baseUrl, token | getToken, fetch?, WebSocket?, XMLHttpRequest?, partConcurrency = 4,
 * retries = 4, backoffMs = 500, partSize = 5 MiB, progressIntervalMs = 1000, timers?, now?, random?,
 * resumeStorage? (a Storage; localStorage by default, null keeps nothing), resumeKey? })`.
 */
export function createMosaicClient(options = {}) {
    const {
        baseUrl = '', token, getToken, partConcurrency = 4, retries = 4, backoffMs = 500, partSize = MIN_PART_SIZE,
        progressIntervalMs = 1000, timers = globalThis, now = Date.now, random = Math.random, urlMarginMs = 30000,
        stallMs = 30000,
    } = options;
    if (!token && !getToken) {
        throw new TypeError('createMosaicClient needs a token or a getToken function');
    }
    const fetch = options.fetch || boundGlobal('fetch');
    const Socket = options.WebSocket || boundGlobal('WebSocket');
    const Xhr = 'XMLHttpRequest' in options ? options.XMLHttpRequest : boundGlobal('XMLHttpRequest');
    const delay = options.sleep || ((ms, signal) => sleep(ms, signal, timers));
    const retrySettings = { retries, backoffMs, random, delay, online: options.online };
    const retry = retryRunner(retrySettings);
    const currentToken = async () => (getToken ? getToken() : token);
    const api = createApi({ baseUrl, fetch, authorization: async () => `Bearer ${await currentToken()}`, retry });
    const transport = createTransport({ XMLHttpRequest: Xhr, fetch, timers, stallMs });
    const settings = { partConcurrency, now, urlMarginMs };
    const resumes = createResumeStore({ key: options.resumeKey, now,
        ...('resumeStorage' in options ? { storage: options.resumeStorage } : {}) });
    const active = new Map();
    let events = null;
    let limits = null;
    const progressFrames = createProgressThrottle({
        intervalMs: progressIntervalMs, timers, now,
        send: (assetId, progress) => events?.send({ type: 'upload_progress', asset_id: assetId, progress }),
    });

    /** Runs one file's upload (`run(signal)` resolves its AssetView) with the hooks, progress and cancel. */
    function startFile(assetId, messageId, run, hooks) {
        const controller = new AbortController();
        const entry = { controller, cancelled: false };
        active.set(assetId, entry);
        const promise = run({
            signal: controller.signal,
            onProgress: (sent, total) => {
                hooks.onProgress?.(assetId, sent, total);
                if (sent < total) {
                    progressFrames.report(assetId, Math.floor((sent * 100) / total));
                }
            },
        }).then((asset) => {
            resumes.settle(messageId, assetId);
            hooks.onFileComplete?.(assetId, asset);
            return asset;
        }, (error) => {
            const failure = entry.cancelled
                ? new MosaicError({ code: 'cancelled', detail: 'the upload was cancelled', retryable: false })
                : error;
            // a page going away breaks its requests off: such a file stays resumable; a refusal does not
            if (entry.cancelled || (failure.status > 0 && !failure.retryable)) {
                resumes.settle(messageId, assetId);
            }
            hooks.onFileError?.(assetId, failure);
            throw failure;
        }).finally(() => {
            active.delete(assetId);
            progressFrames.finish(assetId);
        });
        promise.catch(() => {});
        return promise;
    }

    /** A file whose upload is over on the server (completed before the reload, or cancelled): its state. */
    async function settledAsset(messageId, assetId) {
        const message = await api.get(`/api/v1/messages/${encodeURIComponent(messageId)}`);
        const asset = message.assets.find((found) => found.asset_id === assetId);
        if (!asset || ['cancelled', 'expired', 'failed'].includes(asset.stage)) {
            const code = asset?.stage === 'failed' ? asset.error || 'failed' : 'cancelled';
            throw new MosaicError({ status: 409, code, detail: `the upload is ${asset?.stage ?? 'gone'}`, retryable: false });
        }
        return asset;
    }

    function settledAll(assetIds, completions) {
        return Promise.allSettled(completions).then((settled) =>
            settled.map((result, index) => outcome(assetIds[index], result)));
    }

    return {
        /**
         * One batch request, then every upload at once. Answers `{ messageId, uploads, message, done,
         * completions }` as soon as the server created the album: `completions[i]` settles when file i
         * is completed (its AssetView) or failed; `done` resolves when all have settled, with
         * `[{ assetId, status: 'completed' | 'failed' | 'cancelled', asset?, error? }]` in file order.
         */
        async sendAlbum({ receiverId, text, files, idempotencyKey, signal, onProgress, onFileComplete, onFileError }) {
            const unpacked = [...files].map(unpack);
            const body = {
                receiver_id: Number(receiverId),
                text: text ?? '',
                attachments: unpacked.map(({ file, hints }) => attachmentFor(file, hints, partSize)),
            };
            const created = await api.post(BATCH_PATH, body, { idempotencyKey: idempotencyKey || randomKey(), signal });
            const hooks = { onProgress: onProgress || options.onProgress, onFileComplete, onFileError };
            resumes.save(created.message_id, body.receiver_id, created.uploads, unpacked.map(({ file }) => file));
            const completions = created.uploads.map((instruction, index) => {
                const file = unpacked[index].file;
                return startFile(instruction.asset_id, created.message_id, (progress) => uploadFile({
                    file, instruction, api, transport, settings, retry, ...progress }), hooks);
            });
            const done = settledAll(created.uploads.map((upload) => upload.asset_id), completions);
            return { messageId: created.message_id, uploads: created.uploads, message: created.message, done, completions };
        },

        /**
         * Albums whose uploads were still running when the page went away (a reload, a crash), as kept in the
         * browser's storage: `[{ message_id, receiver_id, saved_at, files: [{ asset_id, mode, fingerprint }] }]`.
         */
        interruptedAlbums: () => resumes.list(),

        /**
         * Goes on with an interrupted album: `files` are the files picked again, matched to the album's by name,
         * size, type and last change. Each matched file sends only what the store does not hold yet, then
         * completes; the same message, the same cells. Answers `{ messageId, assetIds, missing, done,
         * completions }` like sendAlbum; `missing` lists the kept files no picked file matched (still resumable).
         */
        async resumeAlbum({ messageId, files, onProgress, onFileComplete, onFileError }) {
            const album = resumes.find(messageId);
            if (!album) {
                throw new MosaicError({ code: 'nothing_to_resume', retryable: false,
                    detail: `no interrupted upload of message ${messageId} is kept in this browser` });
            }
            const { matched, missing } = matchFiles(album, [...files].map((item) => unpack(item).file));
            const hooks = { onProgress: onProgress || options.onProgress, onFileComplete, onFileError };
            const completions = matched.map(({ entry, file }) => startFile(entry.asset_id, messageId,
                (progress) => resumeFile({ file, entry, api, transport, settings, retry, ...progress })
                    .catch((error) => {
                        if (error.code === 'upload_not_active') {
                            return settledAsset(messageId, entry.asset_id);
                        }
                        throw error;
                    }), hooks));
            const assetIds = matched.map(({ entry }) => entry.asset_id);
            return { messageId, assetIds, missing: missing.map((entry) => entry.asset_id),
                done: settledAll(assetIds, completions), completions };
        },

        /** Stops keeping an interrupted album (its uploads expire on the server unless cancelled). */
        forgetAlbum: (messageId) => resumes.forget(messageId),

        /**
         * Puts another file in one cell of an album the user sent: a failed, cancelled or expired cell is retried,
         * a ready one swapped. `file` is a File/Blob or `{ file, width?, height?, duration?, placeholder?, caption?,
         * altText? }`. Answers `{ assetId, upload, completion }` once the server took it: `completion` settles
         * as a file of sendAlbum does. A cell still uploading or processing is refused (MosaicError 409).
         */
        async replace(assetId, item, { idempotencyKey, signal, onProgress, onFileComplete, onFileError } = {}) {
            const { file, hints } = unpack(item);
            const body = { asset_id: Number(assetId), ...attachmentFor(file, hints, partSize) };
            const upload = await api.post(REPLACE_PATH, body, { idempotencyKey: idempotencyKey || randomKey(), signal });
            const hooks = { onProgress: onProgress || options.onProgress, onFileComplete, onFileError };
            const completion = startFile(upload.asset_id, null, (progress) => uploadFile({
                file, instruction: upload, api, transport, settings, retry, ...progress }), hooks);
            return { assetId: upload.asset_id, upload, completion };
        },

        /** Stops the file's requests at once and asks the server to abort it; answers the AssetView. */
        cancel(assetId) {
            const entry = active.get(assetId);
            if (entry) {
                entry.cancelled = true;
                entry.controller.abort(abortError('cancelled'));
            }
            return api.post(ABORT_PATH, { asset_id: assetId });
        },

        /** Whether this client is still uploading the asset. */
        isUploading: (assetId) => active.has(assetId),

        /** The event socket (see openEventStream); upload progress frames go out on it while it is open. */
        connectEvents({ onEvent, onStatus, onFrame, since, pingMs, pongTimeoutMs } = {}) {
            const stream = openEventStream({
                url: socketUrl(baseUrl), token: currentToken, WebSocket: Socket, timers, random,
                backoffMs, onEvent, onStatus, onFrame, since, pingMs, pongTimeoutMs, canRefreshToken: Boolean(getToken),
            });
            events = stream;
            const close = stream.close;
            stream.close = () => {
                if (events === stream) {
                    events = null;
                }
                close();
            };
            return stream;
        },

        /** A page of the conversation with `peerId`, newest first: `{ messages: [MessageView] }`. */
        listConversation(peerId, { before, limit } = {}) {
            const query = new URLSearchParams();
            if (before != null) {
                query.set('before', before);
            }
            if (limit != null) {
                query.set('limit', limit);
            }
            const suffix = query.toString() ? `?${query}` : '';
            return api.get(`/api/v1/conversations/${encodeURIComponent(peerId)}/messages${suffix}`);
        },

        getMessage: (messageId) => api.get(`/api/v1/messages/${encodeURIComponent(messageId)}`),

        /** What a batch request accepts (see checkFile); read once, then kept. */
        limits() {
            limits ??= api.get(LIMITS_PATH).catch((error) => {
                limits = null;
                throw error;
            });
            return limits;
        },

        baseUrl: trimBase(baseUrl),
    };
}
