import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutFor } from '../../main/resources/web/mosaic-client.js';

const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≉ ${expected}`);

test('every count from 1 to 10 places each item once, in order, in rows that fill the width', () => {
    for (let count = 1; count <= 10; count++) {
        const layout = layoutFor(count);
        const indices = layout.rows.flatMap((row) => row.cells.map((cell) => cell.index));

        assert.deepEqual(indices, Array.from({ length: count }, (_, i) => i), `count ${count}`);
        for (const row of layout.rows) {
            close(row.cells.reduce((sum, cell) => sum + cell.width, 0), 1);
            assert.ok(row.cells.length <= 4, `count ${count}: at most four cells a row`);
            assert.ok(row.aspect > 0);
        }
        close(1 / layout.aspect, layout.rows.reduce((sum, row) => sum + 1 / row.aspect, 0));
    }
});

test('the row shapes are the Telegram-like ones for square items', () => {
    const shapes = Array.from({ length: 10 }, (_, i) => layoutFor(i + 1).rows.map((row) => row.cells.length));

    assert.deepEqual(shapes, [[1], [2], [3], [2, 2], [2, 3], [3, 3], [2, 2, 3], [2, 3, 3], [3, 3, 3], [3, 3, 4]]);
});

test('a wide first picture gets a row of its own over the others', () => {
    assert.deepEqual(layoutFor([{ width: 1600, height: 900 }, 1, 1]).rows.map((row) => row.cells.length), [1, 2]);
    assert.deepEqual(layoutFor([{ width: 1600, height: 900 }, 1, 1, 1]).rows.map((row) => row.cells.length), [1, 3]);
});

test('two wide pictures are stacked, a wide and a tall one share a row', () => {
    assert.deepEqual(layoutFor([2, 2]).rows.map((row) => row.cells.length), [1, 1]);
    assert.deepEqual(layoutFor([2, 0.5]).rows.map((row) => row.cells.length), [2]);
});

test('cells in a row are as wide as their aspect ratios (within limits)', () => {
    const [row] = layoutFor([{ width: 1200, height: 1000 }, { width: 1000, height: 1000 }]).rows;

    close(row.cells[0].width / row.cells[1].width, 1.2);
    assert.ok(layoutFor([{ width: 100, height: 10000 }, 1]).rows[0].cells[0].width > 0.3,
        'an extreme picture is clamped, never a sliver');
});

test('a single picture keeps its shape within limits; unknown dimensions are square', () => {
    close(layoutFor([{ width: 1600, height: 1200 }]).aspect, 4 / 3);
    close(layoutFor([{ width: 100, height: 1000 }]).aspect, 0.6);
    close(layoutFor([{ width: null, height: 1000 }]).aspect, 1);
    close(layoutFor(1).aspect, 1);
});

test('an album of 0 or 11 items is refused', () => {
    assert.throws(() => layoutFor(0), RangeError);
    assert.throws(() => layoutFor(11), RangeError);
});
