// Cutting a file into S3 multipart parts.

export const MIB = 1024 * 1024;
/** S3's smallest part (except the last) and Mosaic's default multipart threshold. */
export const MIN_PART_SIZE = 5 * MIB;
export const MAX_PARTS = 10000;

/**
 * The parts of a file of `fileSize` bytes cut every `partSize` bytes: `[{ partNumber, start, end, size }]`,
 * numbered from 1; `end` is exclusive, so `file.slice(start, end)` is the part's body.
 */
export function planParts(fileSize, partSize) {
    if (!Number.isSafeInteger(fileSize) || fileSize <= 0) {
        throw new RangeError(`fileSize must be a positive integer, not ${fileSize}`);
    }
    if (!Number.isSafeInteger(partSize) || partSize <= 0) {
        throw new RangeError(`partSize must be a positive integer, not ${partSize}`);
    }
    const count = Math.ceil(fileSize / partSize);
    const parts = new Array(count);
    for (let index = 0; index < count; index++) {
        const start = index * partSize;
        const end = Math.min(fileSize, start + partSize);
        parts[index] = { partNumber: index + 1, start, end, size: end - start };
    }
    return parts;
}

/**
 * What the client proposes for a file (`client_part_size`, `client_num_parts`), or null when the file
 * is small enough to go direct. Parts stay at least `preferredPartSize` and never exceed 10,000.
 */
export function proposeParts(fileSize, preferredPartSize = MIN_PART_SIZE, threshold = MIN_PART_SIZE) {
    if (fileSize <= threshold) {
        return null;
    }
    const fitting = Math.ceil(Math.ceil(fileSize / MAX_PARTS) / MIB) * MIB;
    const partSize = Math.max(MIN_PART_SIZE, preferredPartSize, fitting);
    return { client_part_size: partSize, client_num_parts: Math.ceil(fileSize / partSize) };
}
