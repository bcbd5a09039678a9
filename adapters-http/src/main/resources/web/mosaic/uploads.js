// One file's way to storage and its completion: a direct PUT, or parts PUT in parallel then completed.
import { abortError, withRetry } from './retry.js';
import { MosaicError } from './api.js';
import { planParts } from './parts.js';
import { createPartUrls, PARTS_PATH } from './part-urls.js';

export const COMPLETE_PATH = '/api/v1/files/upload/complete/';
/** How many fresh URLs one part may ask for after storage refused its URL (403). */
export const MAX_URL_REFRESHES = 2;

function isOk(status) {
    return status >= 200 && status < 300;
}

function storageRefusal(status) {
    if (status === 403) {
        return new MosaicError({ status, code: 'upload_url_refused', retryable: false,
            detail: 'storage refused the upload URL (it may have expired)' });
    }
    return new MosaicError({ status, code: `storage_${status}`, detail: `storage answered ${status}` });
}

/** Bytes sent per file: finished pieces plus what each in-flight request reported. */
function progressOf(total, report) {
    const inFlight = new Map();
    let finished = 0;
    const emit = () => {
        let sent = finished;
        for (const bytes of inFlight.values()) {
            sent += bytes;
        }
        report(Math.min(sent, total), total);
    };
    return {
        sending(key, bytes) {
            inFlight.set(key, bytes);
            emit();
        },
        sent(key, size) {
            inFlight.delete(key);
            finished += size;
            emit();
        },
    };
}

/** A signal that aborts when `parent` does, or when aborted itself. */
function childController(parent) {
    const child = new AbortController();
    if (parent?.aborted) {
        child.abort();
    } else {
        parent?.addEventListener('abort', () => child.abort(), { once: true });
    }
    return child;
}

async function uploadDirect({ file, instruction, transport, retry, signal, progress }) {
    await retry(async () => {
        progress.sending('file', 0);
        const answer = await transport.put(instruction.put_url, file, instruction.headers,
            { signal, onProgress: (bytes) => progress.sending('file', bytes) });
        if (!isOk(answer.status)) {
            throw storageRefusal(answer.status);
        }
    }, signal);
    progress.sent('file', file.size);
    return { asset_id: instruction.asset_id, object_key: instruction.object_key };
}

async function uploadMultipart(context) {
    const { file, instruction, api, transport, retry, signal, progress, settings } = context;
    const parts = planParts(file.size, instruction.part_size);
    if (instruction.num_parts != null && instruction.num_parts !== parts.length) {
        throw new MosaicError({ code: 'part_plan_mismatch', retryable: false,
            detail: `${file.size} bytes in parts of ${instruction.part_size} make ${parts.length} parts, `
                + `the server planned ${instruction.num_parts}` });
    }
    const urls = createPartUrls({
        instruction: { ...instruction, num_parts: parts.length },
        requestParts: (body) => api.post(PARTS_PATH, body, { signal }),
        now: settings.now,
        marginMs: settings.urlMarginMs,
    });
    const sharedStop = childController(signal);
    const etags = new Map();
    // a resumed upload: what the store already holds is never sent again
    const stored = new Map((instruction.uploaded_parts || []).map((part) => [part.part_number, part]));
    for (const part of parts) {
        const held = stored.get(part.partNumber);
        if (held && held.size === part.size && held.etag) {
            etags.set(part.partNumber, held.etag);
            urls.finish(part.partNumber);
            progress.sent(part.partNumber, part.size);
        }
    }
    const queue = parts.filter((part) => !etags.has(part.partNumber));
    let failure = null;

    const sendPart = async (part) => {
        const body = file.slice(part.start, part.end);
        const etag = await retry(async () => {
            progress.sending(part.partNumber, 0);
            for (let refresh = 0; ; refresh++) {
                const url = await urls.urlFor(part.partNumber);
                const answer = await transport.put(url, body, undefined,
                    { signal: sharedStop.signal, onProgress: (bytes) => progress.sending(part.partNumber, bytes) });
                if (answer.status === 403 && refresh < MAX_URL_REFRESHES) {
                    urls.expire(part.partNumber, url);
                    continue;
                }
                if (!isOk(answer.status)) {
                    throw storageRefusal(answer.status);
                }
                if (!answer.etag) {
                    throw new MosaicError({ code: 'etag_missing', retryable: false,
                        detail: 'storage answered a part without an ETag header (CORS must expose ETag)' });
                }
                return answer.etag;
            }
        }, sharedStop.signal);
        urls.finish(part.partNumber);
        progress.sent(part.partNumber, part.size);
        etags.set(part.partNumber, etag);
    };

    const worker = async () => {
        while (queue.length > 0 && failure === null) {
            const part = queue.shift();
            try {
                await sendPart(part);
            } catch (error) {
                failure ??= error;
                sharedStop.abort();
            }
        }
    };
    const lanes = Math.max(1, Math.min(settings.partConcurrency, queue.length));
    await Promise.all(Array.from({ length: lanes }, worker));
    if (signal?.aborted) {
        throw abortError();
    }
    if (failure) {
        throw failure;
    }
    return {
        asset_id: instruction.asset_id,
        object_key: instruction.object_key,
        upload_id: instruction.upload_id,
        parts: parts.map((part) => ({ ETag: etags.get(part.partNumber), PartNumber: part.partNumber })),
    };
}

/**
 * Goes on with a file of an album created before a reload (`entry` as the resume store kept it): asks the
 * server what the store holds and sends only the rest. A direct upload is completed at once when its PUT
 * had landed, else PUT again to a fresh URL. Resolves the completion's AssetView.
 */
export async function resumeFile(context) {
    const { entry, api, signal } = context;
    if (entry.mode === 'direct') {
        try {
            return await api.post(COMPLETE_PATH, { asset_id: entry.asset_id }, { signal });
        } catch (error) {
            if (error.code !== 'object_not_uploaded') {
                throw error;
            }
        }
        const fresh = await api.post(PARTS_PATH, { asset_id: entry.asset_id }, { signal });
        return uploadFile({ ...context, instruction: fresh });
    }
    const resumed = await api.post(PARTS_PATH, { asset_id: entry.asset_id, upload_id: entry.upload_id }, { signal });
    return uploadFile({ ...context, instruction: resumed });
}

/**
 * Uploads `file` as `instruction` says, then completes it; resolves the completion's AssetView.
 * `retry(operation, signal)` runs an operation with the client's retry settings.
 */
export async function uploadFile(context) {
    const { file, instruction, api, signal, onProgress } = context;
    const progress = progressOf(file.size, (sent, total) => onProgress?.(sent, total));
    const upload = instruction.mode === 'multipart' ? uploadMultipart : uploadDirect;
    const completion = await upload({ ...context, progress });
    return api.post(COMPLETE_PATH, completion, { signal });
}
