// What a page needs to resume its uploads after a reload: per album, the message id and, per file, the
// asset id, upload id and a fingerprint of the file, kept in the browser's storage (localStorage) until the
// file settles. After a reload the user picks the same files again: the fingerprints say which is which.

export const DEFAULT_RESUME_KEY = 'mosaic.resume';

/** Name, size, type and last change: what tells the same file picked again from another. */
export function fingerprintOf(file) {
    return { name: file?.name ?? '', size: file?.size ?? 0, type: file?.type ?? '',
        lastModified: file?.lastModified ?? 0 };
}

export function sameFile(fingerprint, file) {
    const other = fingerprintOf(file);
    return fingerprint.name === other.name && fingerprint.size === other.size
        && fingerprint.lastModified === other.lastModified && (fingerprint.type || '') === (other.type || '');
}

function browserStorage() {
    try {
        return globalThis.localStorage ?? null;
    } catch {
        return null; // storage disabled (a sandboxed frame, a privacy setting): nothing is kept
    }
}

/**
 * `storage` is a Storage (`getItem`/`setItem`/`removeItem`); `null` keeps nothing. Albums are kept under
 * `key` as `{ [messageId]: { message_id, receiver_id, saved_at, files: [{ asset_id, object_key, mode,
 * upload_id?, part_size?, num_parts?, fingerprint }] } }`.
 */
export function createResumeStore({ storage = browserStorage(), key = DEFAULT_RESUME_KEY, now = Date.now } = {}) {
    function read() {
        if (!storage) {
            return {};
        }
        try {
            const parsed = JSON.parse(storage.getItem(key) || '{}');
            return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
        } catch {
            return {};
        }
    }

    function write(albums) {
        if (!storage) {
            return;
        }
        try {
            if (Object.keys(albums).length === 0) {
                storage.removeItem(key);
            } else {
                storage.setItem(key, JSON.stringify(albums));
            }
        } catch {
            // storage full or gone: resuming is a convenience, the upload goes on
        }
    }

    return {
        /** Keeps an album just created: `uploads` are the batch's instructions, `files` the picked files. */
        save(messageId, receiverId, uploads, files) {
            const albums = read();
            albums[messageId] = {
                message_id: messageId,
                receiver_id: receiverId,
                saved_at: new Date(now()).toISOString(),
                files: uploads.map((upload, index) => ({
                    asset_id: upload.asset_id, object_key: upload.object_key, mode: upload.mode,
                    upload_id: upload.upload_id, part_size: upload.part_size, num_parts: upload.num_parts,
                    fingerprint: fingerprintOf(files[index]),
                })),
            };
            write(albums);
        },
        /** The file settled (completed, failed or cancelled): nothing left to resume for it. */
        settle(messageId, assetId) {
            const albums = read();
            const album = albums[messageId];
            if (!album) {
                return;
            }
            album.files = album.files.filter((file) => file.asset_id !== assetId);
            if (album.files.length === 0) {
                delete albums[messageId];
            }
            write(albums);
        },
        forget(messageId) {
            const albums = read();
            delete albums[messageId];
            write(albums);
        },
        find(messageId) {
            return read()[messageId] ?? null;
        },
        list() {
            return Object.values(read()).filter((album) => Array.isArray(album?.files) && album.files.length > 0);
        },
    };
}

/** Pairs the kept files of an album with the files picked again: `{ matched: [{ entry, file }], missing }`. */
export function matchFiles(album, files) {
    const left = [...files];
    const matched = [];
    const missing = [];
    for (const entry of album.files) {
        const index = left.findIndex((file) => sameFile(entry.fingerprint, file));
        if (index < 0) {
            missing.push(entry);
        } else {
            matched.push({ entry, file: left[index] });
            left.splice(index, 1);
        }
    }
    return { matched, missing };
}
