// The guide's "UI Reducer Logic" as a pure function over a list of messages (oldest first). Messages and
// assets are never mutated: whatever changed is a new object, whatever did not keeps its identity.
//
// An asset only moves forward through its stages (uploading → processing → thumbnail_ready →
// transcoding → ready, or a terminal failure), so a late or repeated event never takes a cell back.
// Sequenced events also carry `seq`; an asset or message ignores one it has already seen.

export const STAGES = ['uploading', 'processing', 'thumbnail_ready', 'transcoding', 'ready', 'failed', 'cancelled',
    'expired'];
const RANK = { uploading: 0, processing: 1, thumbnail_ready: 2, transcoding: 3, ready: 4, failed: 4, cancelled: 4,
    expired: 4 };
const TERMINAL = new Set(['ready', 'failed', 'cancelled', 'expired']);

export function isTerminal(stage) {
    return TERMINAL.has(stage);
}

/**
 * Whether an asset at stage `from` may take stage `to` (the same stage refreshes fields). A settled cell
 * goes back to `uploading` only when its sender replaced its file, which an event says (`replaced`).
 */
export function canMove(from, to, replaced = false) {
    if (from === undefined || from === to) {
        return true;
    }
    if (replaced && TERMINAL.has(from) && to === 'uploading') {
        return true;
    }
    if (!(to in RANK) || TERMINAL.has(from)) {
        return false;
    }
    return RANK[to] >= RANK[from];
}

/**
 * The display fields the guide names: `url` is what the cell shows (the photo: preview, else
 * thumbnail; a video's poster; a file's download link) and `loading` stays true until there is
 * something to show or the asset has settled.
 */
export function displayed(asset) {
    const poster = asset.thumbnail_url ?? null;
    let url;
    if (asset.kind === 'file') {
        url = asset.stage === 'ready' ? asset.download_url ?? null : null;
    } else if (asset.kind === 'video') {
        url = poster ?? asset.preview_url ?? null;
    } else {
        url = asset.preview_url ?? poster;
    }
    const settled = isTerminal(asset.stage);
    const showable = url !== null && (asset.stage === 'thumbnail_ready' || asset.stage === 'transcoding');
    return { ...asset, url, loading: !(settled || showable) };
}

function defined(fields) {
    const kept = {};
    for (const [name, value] of Object.entries(fields)) {
        if (value !== undefined && value !== null) {
            kept[name] = value;
        }
    }
    return kept;
}

function isStale(known, seq) {
    return seq != null && known != null && seq <= known;
}

/**
 * The asset after `fields` (an AssetView, whole or partial), or the same asset when they are stale. An event
 * (it has a `seq`) that moves a settled cell back to `uploading` is a new file: nothing of the old one stays.
 */
function mergedAsset(asset, fields, seq) {
    const to = fields.stage ?? asset.stage;
    const replaced = seq != null && isTerminal(asset.stage) && to === 'uploading';
    if (isStale(asset.seq, seq) || !canMove(asset.stage, to, replaced)) {
        return asset;
    }
    if (replaced) {
        return newAsset(fields, seq);
    }
    return displayed({ ...asset, ...defined(fields), seq: seq ?? asset.seq });
}

function newAsset(view, seq) {
    return displayed({ ...defined(view), seq: seq ?? undefined });
}

function byMessageId(messages, id) {
    return messages.findIndex((message) => message.message_id === id);
}

function replacedAt(list, index, item) {
    const copy = list.slice();
    copy[index] = item;
    return copy;
}

function maxSeq(a, b) {
    if (a == null) {
        return b ?? undefined;
    }
    return b == null ? a : Math.max(a, b);
}

function insertedInOrder(messages, message) {
    const at = messages.findIndex((other) => other.message_id > message.message_id);
    const copy = messages.slice();
    copy.splice(at === -1 ? copy.length : at, 0, message);
    return copy;
}

/** `chat_message` and `chat_message_complete`: insert, or merge into the message already shown. */
function withMessage(messages, view, seq) {
    const index = byMessageId(messages, view.message_id);
    const assets = (view.assets || []).map((asset) => newAsset(asset, seq));
    if (index === -1) {
        return insertedInOrder(messages, { ...defined(view), assets, seq: seq ?? undefined });
    }
    const known = messages[index];
    if (isStale(known.seq, seq)) {
        return messages;
    }
    const mergedAssets = assets.map((incoming) => {
        const existing = known.assets.find((asset) => asset.asset_id === incoming.asset_id);
        return existing ? mergedAsset(existing, incoming, seq) : incoming;
    });
    return replacedAt(messages, index, {
        ...known,
        ...defined(view),
        complete: Boolean(known.complete || view.complete),
        assets: mergedAssets,
        seq: maxSeq(known.seq, seq),
    });
}

/** `chat_message_update`: find the message, then the asset, and merge the asset's new fields. */
function withAssetUpdate(messages, update, seq) {
    const index = byMessageId(messages, update.message_id);
    if (index === -1) {
        return messages;
    }
    const message = messages[index];
    const assetIndex = message.assets.findIndex((asset) => asset.asset_id === update.asset_id);
    if (assetIndex === -1) {
        return messages;
    }
    const asset = message.assets[assetIndex];
    const next = mergedAsset(asset, update, seq);
    if (next === asset) {
        return messages;
    }
    return replacedAt(messages, index, {
        ...message,
        assets: replacedAt(message.assets, assetIndex, next),
        seq: maxSeq(message.seq, seq),
    });
}

/**
 * Applies one socket frame (`{ type, seq?, data }`) to the message list; unknown types, unknown
 * messages and stale events answer the same list.
 */
export function reduce(messages, event) {
    if (!event || typeof event.data !== 'object' || event.data === null) {
        return messages;
    }
    switch (event.type) {
        case 'chat_message':
        case 'chat_message_complete':
            return withMessage(messages, event.data, event.seq);
        case 'chat_message_update':
            return withAssetUpdate(messages, event.data, event.seq);
        default:
            return messages;
    }
}

/** Folds a page of MessageViews (any order, e.g. a conversation page) into the list. */
export function withMessages(messages, views) {
    return views.reduce((list, view) => reduce(list, { type: 'chat_message', data: view }), messages);
}
