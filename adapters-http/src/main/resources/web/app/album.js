// The conversation: one bubble per album, its grid laid out by layoutFor, cells kept across renders so
// a playing video or a loaded photo is never rebuilt.
import { layoutFor, placeholderAspect } from '../mosaic-client.js';
import { el, formatTime } from './format.js';
import { paintCell } from './cells.js';

function layoutKey(layout) {
    return layout.rows.map((row) => `${row.aspect.toFixed(3)}:`
        + row.cells.map((cell) => `${cell.index}/${cell.width.toFixed(3)}`).join(',')).join('|');
}

function cellFor(album, assetId) {
    return album.cells.get(assetId) || album.cells.set(assetId, el('div', { className: 'cell' })).get(assetId);
}

/** What shapes a cell: its dimensions, else its placeholder's shape; a file card is square. */
function shapeOf(asset) {
    if (asset.kind === 'file') {
        return 1;
    }
    return asset.width && asset.height ? asset : placeholderAspect(asset.placeholder) ?? 1;
}

function paintAlbum(grid, message, context) {
    const layout = layoutFor(message.assets.map(shapeOf));
    const key = layoutKey(layout);
    grid.cells ??= new Map();
    if (grid.dataset.layout !== key) {
        grid.dataset.layout = key;
        grid.dataset.count = String(message.assets.length);
        grid.replaceChildren(...layout.rows.map((row) => el('div', { className: 'row',
            style: { aspectRatio: String(row.aspect) } }, ...row.cells.map((cell) => {
            const node = cellFor(grid, message.assets[cell.index].asset_id);
            node.style.flexGrow = String(cell.width);
            return node;
        }))));
    }
    const cellContext = { ...context, mine: message.sender_id === context.me };
    for (const asset of message.assets) {
        paintCell(cellFor(grid, asset.asset_id), asset, cellContext);
    }
}

function bubbleFor(message) {
    const grid = el('div', { className: 'album', dataset: { testid: 'album' } });
    const caption = el('p', { className: 'caption', dataset: { testid: 'message-caption' } });
    const time = el('time', { className: 'time' });
    const item = el('li', { className: 'message', dataset: { testid: 'message', messageId: String(message.message_id) } },
        el('div', { className: 'bubble' }, grid, caption, time));
    item.parts = { grid, caption, time };
    return item;
}

function setText(node, text) {
    if (node.textContent !== text) {
        node.textContent = text;
    }
}

function paintMessage(item, message, context) {
    if (item.painted === message && item.paintedContext === context.version) {
        return;
    }
    item.painted = message;
    item.paintedContext = context.version;
    item.classList.toggle('mine', message.sender_id === context.me);
    item.dataset.complete = String(Boolean(message.complete));
    const { grid, caption, time } = item.parts;
    // caption and time only change with their own text: a repaint of the grid leaves them alone
    setText(caption, message.text || '');
    caption.hidden = !message.text;
    setText(time, formatTime(message.created_at));
    if (time.dateTime !== (message.created_at || '')) {
        time.dateTime = message.created_at || '';
    }
    grid.hidden = message.assets.length === 0;
    if (message.assets.length > 0) {
        paintAlbum(grid, message, context);
    }
}

/** Brings `list` in line with `messages` (oldest first), reusing the elements already there. */
export function renderConversation(list, messages, context) {
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    const existing = new Map([...list.children].map((item) => [item.dataset.messageId, item]));
    let previous = null;
    for (const message of messages) {
        const id = String(message.message_id);
        let item = existing.get(id);
        existing.delete(id);
        if (!item) {
            item = bubbleFor(message);
        }
        paintMessage(item, message, context);
        const expectedPosition = previous ? previous.nextSibling : list.firstChild;
        if (item !== expectedPosition) {
            list.insertBefore(item, expectedPosition);
        }
        previous = item;
    }
    for (const stale of existing.values()) {
        stale.remove();
    }
    if (nearBottom) {
        list.scrollTop = list.scrollHeight;
    }
}
