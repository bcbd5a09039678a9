// Choosing files (picker or drag and drop), a caption, and the send button.
import { MAX_ITEMS, kindOf, contentTypeOf } from '../mosaic-client.js';
import { el, formatBytes } from './format.js';

/**
 * `onSend({ files, text })` is called with the chosen files; it answers a promise, and the composer
 * stays busy until it settles. `canSend()` says whether a peer is chosen.
 */
export function createComposer({ form, pendingList, fileInput, caption, sendButton, dropZone, dropTarget,
    onSend, canSend, notify }) {
    let pending = [];
    let busy = false;

    function refresh() {
        sendButton.disabled = busy || pending.length === 0 || !canSend();
        sendButton.textContent = busy ? 'Sending…' : 'Send';
        pendingList.replaceChildren(...pending.map((entry, index) => el('div',
            { className: 'chip', dataset: { testid: 'pending-file' } },
            entry.preview ? el('img', { src: entry.preview, alt: '' }) : el('span', { className: 'chip-kind' },
                kindOf(contentTypeOf(entry.file))),
            el('span', { className: 'chip-name', title: entry.file.name }, entry.file.name),
            el('span', { className: 'chip-size' }, formatBytes(entry.file.size)),
            el('button', { type: 'button', className: 'chip-remove', 'aria-label': `Remove ${entry.file.name}`,
                onclick: () => remove(index) }, '×'))));
        pendingList.hidden = pending.length === 0;
    }

    function remove(index) {
        const [entry] = pending.splice(index, 1);
        if (entry?.preview) {
            URL.revokeObjectURL(entry.preview);
        }
        refresh();
    }

    function add(files) {
        for (const file of files) {
            if (pending.length >= MAX_ITEMS) {
                notify(`An album holds at most ${MAX_ITEMS} items.`);
                break;
            }
            const preview = kindOf(contentTypeOf(file)) === 'image' ? URL.createObjectURL(file) : null;
            pending.push({ file, preview });
        }
        refresh();
    }

    fileInput.addEventListener('change', () => {
        add([...fileInput.files]);
        fileInput.value = '';
    });

    let dragDepth = 0;
    dropTarget.addEventListener('dragenter', (event) => {
        if ([...(event.dataTransfer?.types || [])].includes('Files')) {
            dragDepth += 1;
            dropZone.hidden = false;
        }
    });
    dropTarget.addEventListener('dragleave', () => {
        dragDepth = Math.max(0, dragDepth - 1);
        dropZone.hidden = dragDepth === 0;
    });
    dropTarget.addEventListener('dragover', (event) => event.preventDefault());
    dropTarget.addEventListener('drop', (event) => {
        event.preventDefault();
        dragDepth = 0;
        dropZone.hidden = true;
        add([...(event.dataTransfer?.files || [])]);
    });

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        if (sendButton.disabled) {
            return;
        }
        busy = true;
        refresh();
        const chosen = pending;
        try {
            await onSend({ files: chosen.map((entry) => entry.file), text: caption.value.trim() });
            pending = [];
            caption.value = '';
            chosen.forEach((entry) => entry.preview && URL.revokeObjectURL(entry.preview));
        } catch (error) {
            notify(error.detail || error.message);
        } finally {
            busy = false;
            refresh();
        }
    });

    refresh();
    return { add, refresh };
}
