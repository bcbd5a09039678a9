// What the status region says: one sentence per change a person cares about, never a repaint.
import { failureSentence } from '../mosaic-client.js';

const READY = { image: 'is ready', video: 'is ready to play', file: 'is ready to download' };
const SHOWN = new Set(['processing', 'thumbnail_ready', 'transcoding']);
const ENDED = new Set(['failed', 'cancelled', 'expired']);

export const CONNECTION_SENTENCES = {
    open: 'Connected: updates arrive live',
    reconnecting: 'Connection lost; reconnecting',
    offline: 'Offline: waiting for the network',
    closed: 'Offline',
};

function count(n, one, many) {
    return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

function newAlbum(message, me) {
    const n = message.assets.length;
    if (message.sender_id === me) {
        return n === 0 ? null : `Sending ${count(n, 'file', 'files')}`;
    }
    return n === 0 ? `User ${message.sender_id} sent a message`
        : `User ${message.sender_id} sent ${count(n, 'file', 'files')}`;
}

/** Why an asset of this page's user ended: the page's own reason, the server's code, or its stage. */
export function endedCode(asset, localFailures) {
    return localFailures?.get(asset.asset_id) ?? (asset.stage === 'failed' ? asset.error : asset.stage);
}

function assetChange(before, after, mine, localFailures) {
    if (before.stage === after.stage) {
        return null;
    }
    const name = after.file_name;
    if (after.stage === 'ready') {
        return { text: `${name} ${READY[after.kind] || READY.file}` };
    }
    if (ENDED.has(after.stage)) {
        if (!mine) {
            return { text: `${name} was not sent` };
        }
        const code = endedCode(after, localFailures);
        return { text: failureSentence(code, name), failure: code !== 'cancelled', assetId: after.asset_id };
    }
    if (mine && before.stage === 'uploading' && SHOWN.has(after.stage)) {
        return { text: `${name} uploaded` };
    }
    return null;
}

/**
 * What `after` (the message list now) has to say compared with `before`, for the user `me`: `{ text, failure? }`
 * per change; `failure` marks what went wrong with the user's own file. `localFailures` maps asset ids to the
 * reason this page's upload failed. Stages that did not change, and progress, say nothing.
 */
export function announcements(before, after, me, localFailures = new Map()) {
    const known = new Map(before.map((message) => [message.message_id, message]));
    const sentences = [];
    for (const message of after) {
        const previous = known.get(message.message_id);
        if (!previous) {
            const sentence = newAlbum(message, me);
            if (sentence) {
                sentences.push({ text: sentence });
            }
            continue;
        }
        if (previous === message) {
            continue;
        }
        const mine = message.sender_id === me;
        const assets = new Map(previous.assets.map((asset) => [asset.asset_id, asset]));
        for (const asset of message.assets) {
            const old = assets.get(asset.asset_id);
            const sentence = old && assetChange(old, asset, mine, localFailures);
            if (sentence) {
                sentences.push(sentence);
            }
        }
    }
    return sentences;
}

/**
 * A polite status region that says each sentence once: new sentences are added (screen readers read
 * additions), old ones are trimmed silently, and the same sentence twice in a row within `quietMs` is dropped.
 */
export function createAnnouncer(region, { keep = 4, quietMs = 1500, now = () => Date.now() } = {}) {
    let last = { text: null, at: -Infinity };
    return {
        say(text) {
            if (!text || (text === last.text && now() - last.at < quietMs)) {
                return;
            }
            last = { text, at: now() };
            const line = region.ownerDocument.createElement('p');
            line.textContent = text;
            region.append(line);
            while (region.children.length > keep) {
                region.firstElementChild.remove();
            }
        },
    };
}
