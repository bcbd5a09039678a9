// What a batch request accepts (GET /api/v1/limits), and checking picked files against it so a person
// hears about a file that cannot go before pressing send, while the rest of the album still can.
import { contentTypeOf, kindOf } from './files.js';

const MIB = 1024 * 1024;
export const LIMITS_PATH = '/api/v1/limits';

/** The server's defaults, for a client that could not read its limits: the server checks again anyway. */
export const DEFAULT_LIMITS = Object.freeze({
    max_attachments: 10,
    max_text_length: 4096,
    kinds: {
        image: { max_bytes: 50 * MIB, accepted_types: ['image/avif', 'image/gif', 'image/heic', 'image/heif',
            'image/jpeg', 'image/png', 'image/webp'] },
        video: { max_bytes: 4096 * MIB, accepted_types: ['video/*'] },
        file: { max_bytes: 2048 * MIB, accepted_types: ['*/*'] },
    },
    multipart: { threshold: 5 * MIB, default_part_size: 8 * MIB, min_part_size: 5 * MIB, max_part_size: 5120 * MIB,
        max_parts: 10000 },
});

/** A kind as a person says it, one and many. */
export const KIND_NOUNS = {
    image: ['photo', 'photos'],
    video: ['video', 'videos'],
    file: ['file', 'files'],
};

/** Sizes as people read them (1024-based, as file managers show them): `50 MB`, `1.5 GB`, `900 bytes`. */
export function formatSize(bytes) {
    if (!Number.isFinite(bytes) || bytes < 0) {
        return '';
    }
    if (bytes < 1024) {
        return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
    }
    const units = ['KB', 'MB', 'GB', 'TB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
    }
    const rounded = value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
    return `${rounded} ${units[unit]}`;
}

/** Whether `type` falls in one of the media ranges (`image/jpeg`, `video/*`, `*` + `/*`). */
export function accepts(ranges, type) {
    return (ranges || []).some((range) => range === '*/*' || range === type
        || (range.endsWith('/*') && type.startsWith(range.slice(0, -1))));
}

/**
 * Why `file` cannot be sent under `limits`, as `{ code, sentence }` a person understands
 * ("photo.jpg is 60 MB; photos can be up to 50 MB"), or null when it can.
 */
export function checkFile(file, limits = DEFAULT_LIMITS) {
    const name = file.name || 'This file';
    const type = contentTypeOf(file);
    const kind = kindOf(type);
    const kindLimits = limits?.kinds?.[kind] ?? DEFAULT_LIMITS.kinds[kind];
    const [one, many] = KIND_NOUNS[kind];
    if (!(file.size > 0)) {
        return { code: 'file_size_invalid', sentence: `${name} is empty; there is nothing to send` };
    }
    if (!accepts(kindLimits.accepted_types, type)) {
        return { code: 'content_type_invalid', sentence: `${name} is a ${type} ${one}; ${many} can be `
            + `${kindLimits.accepted_types.map((range) => range.split('/')[1].toUpperCase()).join(', ')}` };
    }
    if (file.size > kindLimits.max_bytes) {
        const size = formatSize(file.size);
        const limit = formatSize(kindLimits.max_bytes);
        return { code: 'file_too_large', sentence: size === limit
            ? `${name} is just over the ${limit} limit for ${many}`
            : `${name} is ${size}; ${many} can be up to ${limit}` };
    }
    return null;
}
