// What the batch request says about each file: kind, content type, part proposal and size hints.
import { proposeParts } from './parts.js';
import { placeholderOf } from './placeholder.js';

/** Images Mosaic decodes (SVG is a plain file: it carries script). */
export const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'image/heif',
    'image/avif']);
const BY_EXTENSION = {
    jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp',
    heic: 'image/heic', heif: 'image/heif', avif: 'image/avif', mp4: 'video/mp4', m4v: 'video/mp4',
    mov: 'video/quicktime', webm: 'video/webm', mkv: 'video/x-matroska', avi: 'video/x-msvideo',
    pdf: 'application/pdf', zip: 'application/zip', txt: 'text/plain',
};
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$/;

/** The bare media type of a file: its own type without parameters, else by extension, else octet-stream. */
export function contentTypeOf(file) {
    const declared = String(file.type || '').split(';')[0].trim().toLowerCase();
    if (MEDIA_TYPE.test(declared)) {
        return declared;
    }
    const extension = String(file.name || '').split('.').pop().toLowerCase();
    return BY_EXTENSION[extension] || 'application/octet-stream';
}

/** `image` for pictures Mosaic decodes, `video` for any video, `file` for the rest. */
export function kindOf(contentType) {
    if (IMAGE_TYPES.has(contentType)) {
        return 'image';
    }
    return contentType.startsWith('video/') ? 'video' : 'file';
}

function validHints(hints = {}) {
    const kept = {};
    for (const name of ['width', 'height']) {
        const value = hints[name];
        if (Number.isInteger(value) && value >= 1 && value <= 100000) {
            kept[name] = value;
        }
    }
    if (Number.isFinite(hints.duration) && hints.duration >= 0 && hints.duration <= 86400) {
        kept.duration = Math.round(hints.duration * 1000) / 1000;
    }
    if (typeof hints.placeholder === 'string' && /^[!-~]{1,128}$/.test(hints.placeholder)) {
        kept.placeholder = hints.placeholder;
    }
    return kept;
}

/** One entry of the batch request's `attachments` for `file` (with optional size hints). */
export function attachmentFor(file, hints = {}, partSize) {
    const contentType = contentTypeOf(file);
    return {
        file_name: file.name || 'file',
        file_size: file.size,
        content_type: contentType,
        kind: hints.kind || kindOf(contentType),
        ...proposeParts(file.size, partSize),
        ...validHints(hints),
        ...itemText(hints),
    };
}

/** The item's own caption and alt text, when given as non-blank strings. */
function itemText(hints) {
    const kept = {};
    for (const [name, field] of [['caption', 'caption'], ['altText', 'alt_text']]) {
        if (typeof hints[name] === 'string' && hints[name].trim()) {
            kept[field] = hints[name].trim();
        }
    }
    return kept;
}

function withTimeout(promise, ms, fallback) {
    return Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(fallback), ms))]);
}

function placeholderFromSource(source, width, height) {
    const scale = Math.min(1, 100 / Math.max(width, height));
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const context = canvas.getContext('2d');
    context.drawImage(source, 0, 0, w, h);
    return placeholderOf(w, h, context.getImageData(0, 0, w, h).data);
}

async function describeImage(file) {
    const bitmap = await createImageBitmap(file);
    try {
        return { width: bitmap.width, height: bitmap.height,
            placeholder: placeholderFromSource(bitmap, bitmap.width, bitmap.height) };
    } finally {
        bitmap.close?.();
    }
}

function describeVideo(file, hints) {
    return new Promise((resolve) => {
        const video = document.createElement('video');
        const url = URL.createObjectURL(file);
        const done = () => {
            video.removeAttribute('src');
            video.load();
            URL.revokeObjectURL(url);
            resolve(hints);
        };
        video.muted = true;
        video.preload = 'metadata';
        video.onloadedmetadata = () => {
            Object.assign(hints, { width: video.videoWidth, height: video.videoHeight, duration: video.duration });
            video.currentTime = Math.min(0.1, (video.duration || 0) / 2);
        };
        video.onseeked = () => {
            try {
                hints.placeholder = placeholderFromSource(video, video.videoWidth, video.videoHeight);
            } catch {
                // a frame we cannot read leaves the cell without a placeholder
            }
            done();
        };
        video.onerror = done;
        video.src = url;
    });
}

/**
 * In a browser: the width, height, duration and placeholder of a picture or video, measured locally
 * so the receiver's grid has its shape at once. Gives up (answering what it has) after `timeoutMs`.
 */
export async function describeFile(file, { timeoutMs = 1500 } = {}) {
    const kind = kindOf(contentTypeOf(file));
    try {
        if (kind === 'image' && typeof createImageBitmap === 'function') {
            return validHints((await withTimeout(describeImage(file), timeoutMs, {})) || {});
        }
        if (kind === 'video' && typeof document !== 'undefined') {
            const hints = {};
            return validHints(await withTimeout(describeVideo(file, hints), timeoutMs, hints));
        }
    } catch {
        // an undecodable picture still uploads; the server measures it
    }
    return {};
}
