import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planParts, proposeParts, MIN_PART_SIZE } from '../../main/resources/web/mosaic-client.js';

const MIB = 1024 * 1024;

test('the guide\'s 15 MB video in 5 MiB parts is three parts, the last one short', () => {
    assert.deepEqual(planParts(15000000, 5242880), [
        { partNumber: 1, start: 0, end: 5242880, size: 5242880 },
        { partNumber: 2, start: 5242880, end: 10485760, size: 5242880 },
        { partNumber: 3, start: 10485760, end: 15000000, size: 4514240 },
    ]);
});

test('an exact multiple has no empty last part', () => {
    const parts = planParts(10 * MIB, 5 * MIB);

    assert.equal(parts.length, 2);
    assert.equal(parts[1].size, 5 * MIB);
});

test('a file smaller than a part is one part', () => {
    assert.deepEqual(planParts(1, 5 * MIB), [{ partNumber: 1, start: 0, end: 1, size: 1 }]);
});

test('parts cover the file exactly, in order, without gaps, for many sizes', () => {
    for (const [size, partSize] of [[7, 3], [1000, 1], [5 * MIB + 1, 5 * MIB], [123456789, 8 * MIB], [99, 100]]) {
        const parts = planParts(size, partSize);
        assert.equal(parts.length, Math.ceil(size / partSize));
        let expectedStart = 0;
        parts.forEach((part, index) => {
            assert.equal(part.partNumber, index + 1);
            assert.equal(part.start, expectedStart);
            assert.equal(part.size, part.end - part.start);
            assert.ok(part.size > 0 && part.size <= partSize);
            expectedStart = part.end;
        });
        assert.equal(expectedStart, size);
    }
});

test('nonsense sizes are refused', () => {
    for (const [size, partSize] of [[0, 5], [-1, 5], [10, 0], [1.5, 1], [10, NaN]]) {
        assert.throws(() => planParts(size, partSize), RangeError);
    }
});

test('a file up to 5 MiB goes direct; a bigger one is proposed in 5 MiB parts', () => {
    assert.equal(proposeParts(5 * MIB), null);
    assert.deepEqual(proposeParts(15000000), { client_part_size: MIN_PART_SIZE, client_num_parts: 3 });
});

test('a huge file gets parts big enough to stay within 10,000', () => {
    const proposal = proposeParts(100 * 1024 * MIB);

    assert.ok(proposal.client_num_parts <= 10000);
    assert.equal(proposal.client_part_size % MIB, 0);
    assert.ok(proposal.client_part_size * proposal.client_num_parts >= 100 * 1024 * MIB);
});
