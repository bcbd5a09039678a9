import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachmentFor, contentTypeOf, kindOf } from '../../main/resources/web/mosaic-client.js';

const MIB = 1024 * 1024;
const described = (name, type, size = 10) => ({ name, type, size });

test('kinds follow what Mosaic decodes: SVG and unknown types are plain files', () => {
    assert.equal(kindOf('image/jpeg'), 'image');
    assert.equal(kindOf('image/heic'), 'image');
    assert.equal(kindOf('video/quicktime'), 'video');
    assert.equal(kindOf('image/svg+xml'), 'file');
    assert.equal(kindOf('application/pdf'), 'file');
});

test('content types are bare and lower case, guessed from the extension when the browser gives none', () => {
    assert.equal(contentTypeOf(described('a.txt', 'text/plain;charset=UTF-8')), 'text/plain');
    assert.equal(contentTypeOf(described('A.JPG', '')), 'image/jpeg');
    assert.equal(contentTypeOf(described('clip.mov', '')), 'video/quicktime');
    assert.equal(contentTypeOf(described('blob', '')), 'application/octet-stream');
});

test('a big video is described with a part proposal, a small one without', () => {
    assert.deepEqual(attachmentFor(described('party.mp4', 'video/mp4', 15000000)), {
        file_name: 'party.mp4', file_size: 15000000, content_type: 'video/mp4', kind: 'video',
        client_part_size: 5 * MIB, client_num_parts: 3 });
    assert.deepEqual(attachmentFor(described('beach.jpg', 'image/jpeg', 3050000)), {
        file_name: 'beach.jpg', file_size: 3050000, content_type: 'image/jpeg', kind: 'image' });
});

test('size hints are sent only when the server would accept them', () => {
    const hints = { width: 1600, height: 1200, duration: 12.3456, placeholder: 'HwgODZqAh4eBh4d4eHh4iI9wCPh4' };
    assert.deepEqual(attachmentFor(described('a.mp4', 'video/mp4'), hints),
        { file_name: 'a.mp4', file_size: 10, content_type: 'video/mp4', kind: 'video', width: 1600, height: 1200,
            duration: 12.346, placeholder: 'HwgODZqAh4eBh4d4eHh4iI9wCPh4' });
    assert.deepEqual(attachmentFor(described('a.mp4', 'video/mp4'),
        { width: 0, height: 1.5, duration: Infinity, placeholder: 'has spaces' }),
    { file_name: 'a.mp4', file_size: 10, content_type: 'video/mp4', kind: 'video' });
});
