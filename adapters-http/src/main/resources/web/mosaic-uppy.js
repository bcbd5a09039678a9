// Mosaic for Uppy 6 (@uppy/core + @uppy/aws-s3 6.x): the files Uppy is about to upload become one album
// (one batch request, a preprocessor), and @uppy/aws-s3 moves each file as Mosaic's instruction says.
//
//   import Uppy from '@uppy/core';
//   import AwsS3 from '@uppy/aws-s3';
//   import { withMosaic } from 'https://mosaic.example.com/mosaic-uppy.js';
//
//   const uppy = new Uppy();
//   const mosaic = withMosaic(uppy, { baseUrl: 'https://mosaic.example.com', getToken,
//       album: () => ({ receiverId: 42, text: caption.value }) });
//   uppy.use(AwsS3, mosaic.awsS3Options);
//   uppy.on('mosaic:album', ({ messageId }) => showPendingBubble(messageId));
//   uppy.addFiles(picked); await uppy.upload();
//
// Uppy 6 speaks S3's HTTP API itself and asks `signRequest` for a URL per request. Bytes go straight to the
// store on Mosaic's signed URLs (a direct PUT, or parts); the control requests (initiate, list parts, complete,
// abort) go to Mosaic's S3-shaped face for its own uploads, `/api/v1/files/upload/s3/{asset_id}/…`, which
// answers S3's XML from Mosaic's own state: the upload started with the batch request, the parts the store
// holds, Mosaic's verified completion. So cancel aborts in Mosaic, and resume lists what is really stored.
import { createApi, MosaicError, retryRunner, trimBase } from './mosaic/api.js';
import { attachmentFor } from './mosaic/files.js';
import { MIN_PART_SIZE, proposeParts } from './mosaic/parts.js';
import { createPartUrls, PARTS_PATH } from './mosaic/part-urls.js';
import { createProgressThrottle } from './mosaic/throttle.js';

const BATCH_PATH = '/api/v1/files/upload/';
const COMPLETE_PATH = '/api/v1/files/upload/complete/';
const ABORT_PATH = '/api/v1/files/upload/abort/';
const FACE_PATH = '/api/v1/files/upload/s3/';
/** A direct URL closer than this to its expiry is replaced before the PUT starts. */
const URL_MARGIN_MS = 30000;

function randomKey() {
    return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * `withMosaic(uppy, { baseUrl, token | getToken, album: (files) => ({ receiverId, text }), partSize?, fetch?,
 * events?, progressIntervalMs? })`. `events` is a Mosaic event stream (`client.connectEvents()`): upload
 * progress goes out on it as the guide's client sends it. Answers `{ awsS3Options, assetOf(fileId) }`.
 */
export function withMosaic(uppy, options) {
    const { baseUrl = '', token, getToken, album, partSize = MIN_PART_SIZE, progressIntervalMs = 1000 } = options;
    if (!token && !getToken) {
        throw new TypeError('withMosaic needs a token or a getToken function');
    }
    if (typeof album !== 'function') {
        throw new TypeError('withMosaic needs album(files) to say whom the album goes to: ({ receiverId, text })');
    }
    const base = trimBase(baseUrl);
    const fetch = options.fetch || globalThis.fetch.bind(globalThis);
    const bearer = async () => `Bearer ${await (getToken ? getToken() : token)}`;
    const api = createApi({ baseUrl: base, fetch, authorization: bearer,
        retry: retryRunner({ retries: 3, backoffMs: 500, random: Math.random, delay: (ms) =>
            new Promise((resolve) => setTimeout(resolve, ms)) }) });
    const byFile = new Map();
    const byKey = new Map();
    const progress = createProgressThrottle({ intervalMs: progressIntervalMs,
        send: (assetId, percent) => options.events?.send?.({ type: 'upload_progress', asset_id: assetId, progress: percent }) });

    function entryOfKey(key) {
        const entry = byKey.get(key);
        if (!entry) {
            throw new MosaicError({ code: 'unknown_upload', retryable: false,
                detail: `no Mosaic upload has the key ${key}: was the file added after its album was sent?` });
        }
        return entry;
    }

    function instructionOf(file) {
        const entry = byFile.get(file.id);
        if (!entry) {
            throw new MosaicError({ code: 'unknown_upload', retryable: false,
                detail: `${file.name} is in no Mosaic album: add files before upload() so the preprocessor sends them` });
        }
        return entry.instruction;
    }

    function face(entry, action, query = {}) {
        const params = new URLSearchParams({ upload_id: entry.instruction.upload_id, ...query });
        return `${base}${FACE_PATH}${entry.instruction.asset_id}${action}?${params}`;
    }

    /** One batch request for the files about to upload that have no album yet. */
    async function sendAlbum(fileIDs) {
        const files = uppy.getFilesByIds(fileIDs).filter((file) => !byFile.has(file.id) && !file.isRemote);
        if (files.length === 0) {
            return;
        }
        const { receiverId, text } = await album(files);
        const created = await api.post(BATCH_PATH, {
            receiver_id: Number(receiverId),
            text: text ?? '',
            attachments: files.map((file) => attachmentFor(file.data, { kind: file.meta.mosaicKind }, partSize)),
        }, { idempotencyKey: randomKey() });
        created.uploads.forEach((instruction, index) => {
            const file = files[index];
            const entry = { instruction, fileId: file.id, completion: null, settled: false };
            if (instruction.mode === 'multipart') {
                entry.partUrls = createPartUrls({ instruction, marginMs: URL_MARGIN_MS,
                    requestParts: (body) => api.post(PARTS_PATH, body) });
            }
            byFile.set(file.id, entry);
            byKey.set(instruction.object_key, entry);
            uppy.setFileMeta(file.id, { mosaicAssetId: instruction.asset_id, mosaicMessageId: created.message_id });
        });
        uppy.emit('mosaic:album', { messageId: created.message_id, message: created.message, uploads: created.uploads });
    }

    /** A URL for a direct PUT that will not lapse mid-upload: the batch's, or a fresh one from the parts endpoint. */
    async function directUrl(entry) {
        const expiresAt = Date.parse(entry.instruction.expires_at);
        if (!(expiresAt - URL_MARGIN_MS > Date.now())) {
            const fresh = await api.post(PARTS_PATH, { asset_id: entry.instruction.asset_id });
            entry.instruction = { ...entry.instruction, put_url: fresh.put_url, headers: fresh.headers,
                expires_at: fresh.expires_at };
        }
        return { url: entry.instruction.put_url, headers: { ...entry.instruction.headers } };
    }

    async function signRequest(request) {
        const entry = entryOfKey(request.key);
        const authorization = { Authorization: await bearer() };
        if (request.uploadId == null) {
            if (request.method === 'PUT') {
                return { ...(await directUrl(entry)), key: entry.instruction.object_key };
            }
            if (request.method === 'POST') {
                return { url: face(entry, '/initiate'), headers: authorization, key: entry.instruction.object_key };
            }
            return { url: face(entry, ''), headers: authorization };
        }
        if (request.uploadId !== entry.instruction.upload_id) {
            throw new MosaicError({ code: 'upload_id_mismatch', retryable: false,
                detail: `upload ${request.uploadId} is not Mosaic's upload of ${request.key}` });
        }
        switch (request.method) {
            case 'PUT':
                return { url: await entry.partUrls.urlFor(request.partNumber) };
            case 'GET':
                return { url: face(entry, '/parts'), headers: authorization };
            case 'POST':
                return { url: face(entry, '/complete', { key: request.key }), headers: authorization };
            default:
                return { url: face(entry, ''), headers: authorization };
        }
    }

    /** A direct upload is completed as soon as its PUT succeeded; a multipart one completed through the face. */
    function completeDirect(file) {
        const entry = byFile.get(file.id);
        if (!entry || entry.instruction.mode !== 'direct' || entry.completion) {
            if (entry) {
                entry.settled = true;
            }
            return;
        }
        entry.completion = api.post(COMPLETE_PATH, { asset_id: entry.instruction.asset_id }).then((asset) => {
            entry.settled = true;
            uppy.emit('mosaic:complete', file, asset);
            return asset;
        }, (error) => {
            uppy.emit('upload-error', uppy.getFile(file.id) ?? file, error);
            throw error;
        });
        entry.completion.catch(() => {});
    }

    /** Mosaic hears of every file taken out before it was done: its cell turns cancelled. */
    function cancelled(file) {
        const entry = byFile.get(file.id);
        if (!entry || entry.settled) {
            return;
        }
        entry.settled = true;
        progress.finish(entry.instruction.asset_id);
        api.post(ABORT_PATH, { asset_id: entry.instruction.asset_id })
            .then((asset) => uppy.emit('mosaic:cancelled', file, asset), () => {});
    }

    uppy.addPreProcessor(sendAlbum);
    uppy.addPostProcessor(async (fileIDs) => {
        await Promise.allSettled(fileIDs.map((id) => byFile.get(id)?.completion).filter(Boolean));
    });
    uppy.on('upload-success', completeDirect);
    uppy.on('file-removed', cancelled);
    uppy.on('upload-progress', (file, { bytesUploaded, bytesTotal }) => {
        const entry = file && byFile.get(file.id);
        if (entry && bytesTotal > 0 && bytesUploaded < bytesTotal) {
            progress.report(entry.instruction.asset_id, Math.floor((bytesUploaded * 100) / bytesTotal));
        }
    });

    return {
        /** The options for `uppy.use(AwsS3, …)`. */
        awsS3Options: {
            shouldUseMultipart: (file) => instructionOf(file).mode === 'multipart',
            getChunkSize: ({ size }) => proposeParts(size, partSize)?.client_part_size ?? size,
            generateObjectKey: (file) => instructionOf(file).object_key,
            signRequest,
        },
        /** The Mosaic asset id of an Uppy file, once its album was sent. */
        assetOf: (fileId) => byFile.get(fileId)?.instruction.asset_id,
    };
}
