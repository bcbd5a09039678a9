// The signed part URLs of one multipart upload: those of the first batch, later batches fetched from
// the parts endpoint when a part needs one, and fresh ones for URLs that expired or were refused.
import { MosaicError } from './api.js';

export const PARTS_PATH = '/api/v1/files/upload/parts/';
/** The parts endpoint's own cap on part_numbers. */
export const MAX_PARTS_PER_REQUEST = 100;
const MAX_ROUNDS = 5;

function timeOf(text) {
    const time = Date.parse(text);
    return Number.isNaN(time) ? Infinity : time;
}

/**
 * `requestParts(body)` POSTs to the parts endpoint. A URL counts as expired `marginMs` before its
 * `expires_at`, so a part never starts on a URL about to lapse mid-upload.
 */
export function createPartUrls({ instruction, requestParts, now = Date.now, marginMs = 30000 }) {
    const assetId = instruction.asset_id;
    const uploadId = instruction.upload_id;
    const numParts = instruction.num_parts;
    const firstBatch = instruction.batch || { items: [], next_part_number: 1 };
    const urls = new Map();
    const pending = new Map();
    const finished = new Set();
    let nextUnissued = firstBatch.next_part_number ?? numParts + 1;
    const perRequest = Math.max(1, Math.min(MAX_PARTS_PER_REQUEST,
        firstBatch.next_part_number == null ? MAX_PARTS_PER_REQUEST : firstBatch.items.length || 1));

    function absorb(batch) {
        const expiresAt = timeOf(batch.expires_at ?? instruction.expires_at);
        for (const item of batch.items || []) {
            if (!finished.has(item.part_number)) {
                urls.set(item.part_number, { url: item.url, size: item.size, expiresAt });
            }
        }
    }

    function fresh(partNumber) {
        const entry = urls.get(partNumber);
        return entry && entry.expiresAt - marginMs > now() ? entry : null;
    }

    function refreshList(first) {
        const wanted = [first];
        for (let n = first + 1; n < nextUnissued && wanted.length < perRequest; n++) {
            if (!finished.has(n) && !pending.has(n) && !fresh(n)) {
                wanted.push(n);
            }
        }
        return wanted;
    }

    function request(partNumber) {
        const fromPart = partNumber >= nextUnissued;
        const covered = fromPart
            ? Array.from({ length: Math.min(perRequest, numParts - partNumber + 1) }, (_, i) => partNumber + i)
            : refreshList(partNumber);
        const body = fromPart
            ? { asset_id: assetId, upload_id: uploadId, from_part: partNumber }
            : { asset_id: assetId, upload_id: uploadId, part_numbers: covered };
        const promise = requestParts(body).then((answer) => {
            absorb(answer.batch);
            if (fromPart) {
                nextUnissued = Math.max(nextUnissued, answer.batch.next_part_number ?? numParts + 1);
            }
        }).finally(() => {
            for (const n of covered) {
                if (pending.get(n) === promise) {
                    pending.delete(n);
                }
            }
        });
        for (const n of covered) {
            pending.set(n, promise);
        }
        return promise;
    }

    absorb(firstBatch);

    return {
        /** A URL for the part that will not expire within the margin, fetching one when needed. */
        async urlFor(partNumber) {
            for (let round = 0; round < MAX_ROUNDS; round++) {
                const entry = fresh(partNumber);
                if (entry) {
                    return entry.url;
                }
                await (pending.get(partNumber) || request(partNumber));
            }
            throw new MosaicError({ code: 'part_url_unavailable', retryable: false,
                detail: `the server gave no usable URL for part ${partNumber}` });
        },
        /** Storage refused this URL (403): the next urlFor asks for a fresh one. */
        expire(partNumber, url) {
            if (urls.get(partNumber)?.url === url) {
                urls.delete(partNumber);
            }
        },
        finish(partNumber) {
            finished.add(partNumber);
            urls.delete(partNumber);
        },
    };
}
