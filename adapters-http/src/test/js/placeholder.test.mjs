import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { placeholderOf, placeholderToDataUrl } from '../../main/resources/web/mosaic-client.js';
import { base64ToBytes } from '../../main/resources/web/mosaic/placeholder.js';
import { thumbHashToRGBA } from '../../main/resources/web/mosaic/thumbhash.js';

function picture(width, height, pixel) {
    const rgba = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
            rgba.set(pixel(x, y), (y * width + x) * 4);
        }
    }
    return rgba;
}

// The same pixels as the media adapter's ThumbHashTest, whose vectors come from the reference encoder
// (Java, in single precision): the header must match exactly, each 4-bit term within one step.
const gradient = (w, h) => picture(w, h, (x, y) => [Math.trunc((x * 255) / (w - 1)), Math.trunc((y * 255) / (h - 1)),
    Math.trunc(((x + y) * 255) / (w + h - 2)), 255]);
const faded = (w, h) => picture(w, h, (x, y) => [200, (x * 4) % 256, (y * 2) % 256, Math.trunc((x * 255) / (w - 1))]);

function assertCloseToServer(ours, theirs) {
    const a = base64ToBytes(ours);
    const b = base64ToBytes(theirs);
    assert.equal(a.length, b.length);
    const headerLength = (b[2] & 0x80) ? 6 : 5;
    assert.deepEqual([...a.slice(0, headerLength)], [...b.slice(0, headerLength)]);
    for (let i = headerLength; i < a.length; i++) {
        assert.ok(Math.abs((a[i] & 15) - (b[i] & 15)) <= 1 && Math.abs((a[i] >> 4) - (b[i] >> 4)) <= 1, `byte ${i}`);
    }
}

test('placeholders agree with the server\'s on an opaque gradient and a fading portrait', () => {
    assertCloseToServer(placeholderOf(100, 75, gradient(100, 75)), 'HwgODZqAh4eBh4d4eHh4iI9wCPh4');
    assertCloseToServer(placeholderOf(60, 90, faded(60, 90)), '5VqGIwg30bCHeIikT/dyiICHeHiIeHc=');
});

test('a placeholder decodes back to its colour and shape', () => {
    const red = placeholderOf(90, 30, picture(90, 30, () => [220, 30, 30, 255]));
    const { w, h, rgba } = thumbHashToRGBA(base64ToBytes(red));

    assert.ok(w > h, 'landscape stays landscape');
    const middle = ((h >> 1) * w + (w >> 1)) * 4;
    assert.ok(Math.abs(rgba[middle] - 220) < 16 && rgba[middle + 1] < 50 && rgba[middle + 2] < 50);
    assert.equal(rgba[middle + 3], 255);
});

test('a placeholder becomes a PNG data URL whose pixels are the decoded ones', () => {
    const placeholder = placeholderOf(60, 90, faded(60, 90));
    const url = placeholderToDataUrl(placeholder);
    assert.match(url, /^data:image\/png;base64,/);

    const png = Buffer.from(url.split(',')[1], 'base64');
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const idatLength = png.readUInt32BE(33);
    assert.equal(png.toString('latin1', 37, 41), 'IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    const decoded = thumbHashToRGBA(base64ToBytes(placeholder));
    assert.deepEqual([width, height], [decoded.w, decoded.h]);
    assert.equal(raw.length, height * (width * 4 + 1));
    assert.deepEqual([...raw.subarray(1, 1 + width * 4)], [...decoded.rgba.subarray(0, width * 4)]);
});

test('a missing or broken placeholder gives no picture', () => {
    assert.equal(placeholderToDataUrl(undefined), null);
    assert.equal(placeholderToDataUrl('short'), null);
    assert.equal(placeholderToDataUrl('not base64 at all!!'), null);
});
