// A small stand-in for Mosaic's upload API and its storage, enough to drive the client's uploads:
// files over `multipartOver` bytes go multipart in `partSize` parts, `firstBatch` part URLs at first.
import { createMosaicClient } from '../../main/resources/web/mosaic-client.js';
import { fakeApi, fakeXhrClass, fileOf } from './fakes.mjs';

export const BASE = 'https://mosaic.test';
export const STORAGE = 'https://storage.test';

export function fakeMosaic({ multipartOver = 20, partSize = 10, firstBatch = 100, signBatch = firstBatch,
    expiresAt = '2999-01-01T00:00:00Z', storage } = {}) {
    const assets = new Map();
    const signings = [];
    const completions = [];
    let version = 0;

    const partUrl = (asset, n) => `${STORAGE}/${asset.asset_id}/part/${n}?v=${++version}`;
    const batchOf = (asset, numbers) => {
        const last = numbers[numbers.length - 1];
        return {
            items: numbers.map((n) => ({ part_number: n, url: partUrl(asset, n),
                size: Math.min(partSize, asset.file_size - (n - 1) * partSize) })),
            next_part_number: last < asset.num_parts ? last + 1 : null,
            expires_at: expiresAt,
        };
    };
    const range = (from, count, max) => Array.from({ length: Math.max(0, Math.min(count, max - from + 1)) },
        (_, i) => from + i);
    const view = (asset, stage) => ({ message_id: 105, asset_id: asset.asset_id, kind: asset.kind,
        file_name: asset.file_name, file_size: asset.file_size, content_type: asset.content_type, stage, progress: 0 });

    const routes = {
        'POST /api/v1/files/upload/': (body) => {
            const uploads = body.attachments.map((attachment, index) => {
                const asset = { ...attachment, asset_id: 501 + index, stage: 'uploading', parts: new Map(),
                    uploaded: false, object_key: `raw/1/${501 + index}/${attachment.file_name}` };
                assets.set(asset.asset_id, asset);
                const common = { asset_id: asset.asset_id, object_key: asset.object_key, file_name: asset.file_name,
                    kind: asset.kind, expires_at: expiresAt };
                if (attachment.file_size <= multipartOver) {
                    return { ...common, mode: 'direct', put_url: `${STORAGE}/${asset.asset_id}/direct`,
                        headers: { 'Content-Type': attachment.content_type } };
                }
                asset.num_parts = Math.ceil(attachment.file_size / partSize);
                asset.upload_id = `up-${asset.asset_id}`;
                return { ...common, mode: 'multipart', upload_id: asset.upload_id, part_size: partSize,
                    num_parts: asset.num_parts, batch: batchOf(asset, range(1, firstBatch, asset.num_parts)) };
            });
            return { status: 201, json: { message_id: 105, uploads,
                message: { message_id: 105, sender_id: 1, receiver_id: body.receiver_id, text: body.text,
                    created_at: '2024-05-01T10:00:00Z', complete: false,
                    assets: uploads.map((u) => view(assets.get(u.asset_id), 'uploading')) } } };
        },
        'POST /api/v1/files/upload/parts/': (body) => {
            signings.push(body);
            const asset = assets.get(body.asset_id);
            if (asset.stage !== 'uploading') {
                return { status: 409, json: { status: 409, code: 'upload_not_active', detail: `this upload is ${asset.stage}` } };
            }
            if (!asset.num_parts) {
                return { json: { asset_id: asset.asset_id, object_key: asset.object_key, mode: 'direct',
                    put_url: `${STORAGE}/${asset.asset_id}/direct?v=${++version}`, expires_at: expiresAt,
                    headers: { 'Content-Type': asset.content_type } } };
            }
            // as the real server: parts the store holds are listed, never signed again
            const held = asset.parts;
            const missing = (from) => range(from, asset.num_parts, asset.num_parts).filter((n) => !held.has(n));
            const numbers = body.part_numbers ? body.part_numbers.filter((n) => !held.has(n))
                : missing(body.from_part ?? 1).slice(0, signBatch);
            const batch = batchOf(asset, numbers);
            const last = numbers.length ? numbers[numbers.length - 1]
                : Math.max(...(body.part_numbers ?? [body.from_part ?? 1]));
            batch.next_part_number = missing(last + 1)[0] ?? null;
            return { json: { asset_id: asset.asset_id, object_key: asset.object_key, mode: 'multipart',
                upload_id: asset.upload_id, part_size: partSize, num_parts: asset.num_parts, expires_at: expiresAt,
                uploaded_parts: [...held.entries()].sort(([a], [b]) => a - b)
                    .map(([n, part]) => ({ part_number: n, size: part.size, etag: part.etag })),
                batch } };
        },
        'POST /api/v1/files/upload/complete/': (body) => {
            const asset = assets.get(body.asset_id);
            if (asset.stage !== 'uploading') {
                return { json: view(asset, asset.stage) };
            }
            if (!asset.num_parts && !asset.uploaded) {
                return { status: 409, json: { status: 409, code: 'object_not_uploaded', detail: 'PUT it first' } };
            }
            completions.push(body);
            asset.stage = 'processing';
            return { json: view(asset, 'processing') };
        },
        'POST /api/v1/files/upload/abort/': (body) => {
            const asset = assets.get(body.asset_id);
            asset.stage = 'cancelled';
            return { json: view(asset, 'cancelled') };
        },
        'GET /api/v1/messages/105': () => ({ json: { message_id: 105, sender_id: 1, receiver_id: 42, text: '',
            created_at: '2024-05-01T10:00:00Z', complete: false,
            assets: [...assets.values()].map((asset) => view(asset, asset.stage)) } }),
        'POST /api/v1/files/upload/replace/': (body) => {
            const { asset_id: id, ...attachment } = body;
            if (!assets.has(id)) {
                return { status: 404, json: { code: 'asset_not_found', status: 404, title: 'Not Found',
                    detail: 'no such upload of yours' } };
            }
            const asset = { ...attachment, asset_id: id, stage: 'uploading', parts: new Map(), uploaded: false,
                object_key: `raw/1/${id}/_r1-${attachment.file_name}` };
            assets.set(id, asset);
            return { json: { asset_id: id, object_key: asset.object_key, file_name: asset.file_name, kind: asset.kind,
                mode: 'direct', expires_at: expiresAt, put_url: `${STORAGE}/${id}/replaced`,
                headers: { 'Content-Type': attachment.content_type } } };
        },
    };
    const fetch = fakeApi(routes);
    const etagOf = (url) => `"etag-${new URL(url).pathname.replaceAll('/', '-')}"`;
    const XMLHttpRequest = fakeXhrClass(async (request) => {
        const custom = storage ? await storage(request) : undefined;
        const outcome = custom ?? { status: 200, etag: etagOf(request.url) };
        const asset = assets.get(assetOf(request.url));
        if (asset && (outcome.status ?? 200) === 200 && !outcome.network) {
            const part = partOf(request.url);
            if (part) {
                asset.parts.set(part, { size: request.body?.size ?? 0, etag: outcome.etag });
            } else {
                asset.uploaded = true;
            }
        }
        return outcome;
    });
    return { routes, fetch, XMLHttpRequest, signings, completions, etagOf, assets };
}

/** Which part a storage URL is for, or 0 for a direct upload. */
export function partOf(url) {
    const match = /\/part\/(\d+)/.exec(url);
    return match ? Number(match[1]) : 0;
}

export function assetOf(url) {
    return Number(new URL(url).pathname.split('/')[1]);
}

/** A Storage in memory, as localStorage behaves: strings in, strings out. */
export function memoryStorage() {
    const items = new Map();
    return {
        getItem: (key) => (items.has(key) ? items.get(key) : null),
        setItem: (key, value) => items.set(key, String(value)),
        removeItem: (key) => items.delete(key),
        get length() {
            return items.size;
        },
        keys: () => [...items.keys()],
    };
}

/** A promise with its resolve function, to hold a storage request open until the test says so. */
export function gate() {
    let open;
    const promise = new Promise((resolve) => {
        open = resolve;
    });
    return { promise, open };
}

/** A client of the fake Mosaic whose retries wait no time (each wait is recorded in `waits`). */
export function clientFor(mosaic, overrides = {}) {
    const waits = [];
    const client = createMosaicClient({
        baseUrl: BASE, token: 'secret-token', fetch: mosaic.fetch, XMLHttpRequest: mosaic.XMLHttpRequest,
        sleep: async (ms) => waits.push(ms), online: async () => {}, random: () => 0.5, stallMs: 0,
        resumeStorage: memoryStorage(), ...overrides,
    });
    return { client, waits };
}

export const photo = () => fileOf(15, 'beach.jpg', 'image/jpeg');
export const video = () => fileOf(95, 'party.mp4', 'video/mp4');
export const pdf = () => fileOf(12, 'itinerary.pdf', 'application/pdf');

export const BATCH = 'POST /api/v1/files/upload/';
export const PARTS = 'POST /api/v1/files/upload/parts/';
export const COMPLETE = 'POST /api/v1/files/upload/complete/';
export const ABORT = 'POST /api/v1/files/upload/abort/';
export const REPLACE = 'POST /api/v1/files/upload/replace/';
