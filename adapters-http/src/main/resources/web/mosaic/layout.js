// Telegram-like album grids for 1–10 items: rows of cells, each cell as wide as its picture's aspect
// ratio allows, every row filling the album's width.

export const MAX_ITEMS = 10;
const ROWS_BY_COUNT = {
    1: [1], 2: [2], 3: [1, 2], 4: [1, 3], 5: [2, 3], 6: [3, 3], 7: [2, 2, 3], 8: [2, 3, 3], 9: [3, 3, 3], 10: [3, 3, 4],
};
const SINGLE = { min: 0.6, max: 2.0 };
const SHARED = { min: 0.66, max: 1.5 };
const ROW = { min: 0.75, max: 4.0 };
const WIDE = 1.2;

const clamp = (value, { min, max }) => Math.min(max, Math.max(min, value));

/** The aspect ratio (width / height) of an item: a number, `{ width, height }`, or 1 when unknown. */
export function aspectOf(item) {
    if (typeof item === 'number') {
        return Number.isFinite(item) && item > 0 ? item : 1;
    }
    const width = Number(item?.width);
    const height = Number(item?.height);
    return width > 0 && height > 0 ? width / height : 1;
}

function rowSizes(aspects) {
    const count = aspects.length;
    const wide = (index) => aspects[index] >= WIDE;
    if (count === 2 && wide(0) && wide(1)) {
        return [1, 1];
    }
    if (count === 3 && !wide(0)) {
        return [3];
    }
    if (count === 4 && !wide(0)) {
        return [2, 2];
    }
    return ROWS_BY_COUNT[count];
}

/**
 * `layoutFor(countOrItems)`: items are aspect ratios or `{ width, height }` (a count means all
 * unknown). Answers `{ aspect, rows: [{ aspect, cells: [{ index, width }] }] }` where each cell's
 * `width` is its share of the row (a row's shares sum to 1) and each `aspect` is width / height, so
 * a row of width W is W / aspect tall.
 */
export function layoutFor(countOrItems) {
    const items = typeof countOrItems === 'number' ? Array.from({ length: countOrItems }, () => 1) : countOrItems;
    const count = items.length;
    if (!Number.isInteger(count) || count < 1 || count > MAX_ITEMS) {
        throw new RangeError(`an album has 1 to ${MAX_ITEMS} items, not ${count}`);
    }
    const aspects = items.map(aspectOf);
    const rows = [];
    let next = 0;
    for (const size of rowSizes(aspects)) {
        const indices = Array.from({ length: size }, (_, i) => next + i);
        next += size;
        const cellAspects = indices.map((index) => clamp(aspects[index], size === 1 ? SINGLE : SHARED));
        const sum = cellAspects.reduce((total, aspect) => total + aspect, 0);
        rows.push({
            aspect: size === 1 ? cellAspects[0] : clamp(sum, ROW),
            cells: indices.map((index, i) => ({ index, width: cellAspects[i] / sum })),
        });
    }
    const height = rows.reduce((total, row) => total + 1 / row.aspect, 0);
    return { aspect: 1 / height, rows };
}
