// A placeholder (Base64 ThumbHash) as a picture any <img> or CSS background can show: a tiny PNG in a
// data URL, made without a canvas so it works anywhere.
import { rgbaToThumbHash, thumbHashToApproximateAspectRatio, thumbHashToRGBA } from './thumbhash.js';

export function base64ToBytes(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
        bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
}

export function bytesToBase64(bytes) {
    let binary = '';
    for (const byte of bytes) {
        binary += String.fromCharCode(byte);
    }
    return btoa(binary);
}

/** The Base64 placeholder of a picture of at most 100×100 RGBA pixels (what `placeholder` carries). */
export function placeholderOf(width, height, rgba) {
    return bytesToBase64(rgbaToThumbHash(width, height, rgba));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) {
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return c >>> 0;
});

function crc32(bytes) {
    let c = 0xffffffff;
    for (const byte of bytes) {
        c = CRC_TABLE[(c ^ byte) & 255] ^ (c >>> 8);
    }
    return (c ^ 0xffffffff) >>> 0;
}

function u32(value) {
    return [(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
}

function chunk(type, data) {
    const typed = [...type].map((char) => char.charCodeAt(0)).concat(data);
    return [...u32(data.length), ...typed, ...u32(crc32(typed))];
}

/** A zlib stream of stored (uncompressed) deflate blocks: tiny pictures need nothing better. */
function zlibStored(raw) {
    const out = [0x78, 0x01];
    for (let at = 0; at < raw.length || at === 0; at += 65535) {
        const block = raw.slice(at, at + 65535);
        const last = at + 65535 >= raw.length ? 1 : 0;
        out.push(last, block.length & 255, block.length >> 8, ~block.length & 255, (~block.length >> 8) & 255);
        out.push(...block);
        if (last) {
            break;
        }
    }
    let a = 1;
    let b = 0;
    for (const byte of raw) {
        a = (a + byte) % 65521;
        b = (b + a) % 65521;
    }
    return out.concat(u32(((b << 16) | a) >>> 0));
}

/** An RGBA picture as a PNG data URL. */
export function rgbaToPngDataUrl(width, height, rgba) {
    const raw = [];
    for (let y = 0; y < height; y++) {
        raw.push(0);
        for (let i = y * width * 4; i < (y + 1) * width * 4; i++) {
            raw.push(rgba[i]);
        }
    }
    const header = [...u32(width), ...u32(height), 8, 6, 0, 0, 0];
    const png = [137, 80, 78, 71, 13, 10, 26, 10, ...chunk('IHDR', header), ...chunk('IDAT', zlibStored(raw)),
        ...chunk('IEND', [])];
    return `data:image/png;base64,${bytesToBase64(png)}`;
}

/** The aspect ratio (width / height) a placeholder was made from, roughly; null when there is none. */
export function placeholderAspect(placeholder) {
    try {
        const ratio = thumbHashToApproximateAspectRatio(base64ToBytes(placeholder));
        return Number.isFinite(ratio) && ratio > 0 ? ratio : null;
    } catch {
        return null;
    }
}

const cache = new Map();

/** The placeholder as a data URL, or null when it is absent or not a ThumbHash. */
export function placeholderToDataUrl(placeholder) {
    if (typeof placeholder !== 'string' || placeholder.length < 8) {
        return null;
    }
    if (!cache.has(placeholder)) {
        let url = null;
        try {
            const { w, h, rgba } = thumbHashToRGBA(base64ToBytes(placeholder));
            url = rgbaToPngDataUrl(w, h, rgba);
        } catch {
            url = null;
        }
        if (cache.size > 500) {
            cache.clear();
        }
        cache.set(placeholder, url);
    }
    return cache.get(placeholder);
}
