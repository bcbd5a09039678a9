// Choosing files (picker or drag and drop), a caption, and the send button. Files are checked against the
// server's limits as they are picked: one that cannot go says why on its chip, and the rest can still be sent.
import { DEFAULT_LIMITS, checkFile, contentTypeOf, formatSize, kindOf } from '../mosaic-client.js';
import { el } from './format.js';

/**
 * `onSend({ files, text })` is called with the chosen files that can go; it answers a promise, and the composer
 * stays busy until it settles. `canSend()` says whether a peer is chosen; `limits()` answers the server's limits
 * (or null before they are known); `announce(text)` tells the status region; `hint` says why Send is off.
 */
export function createComposer({ form, pendingList, fileInput, caption, sendButton, dropZone, dropTarget, hint,
    onSend, canSend, notify, announce = () => {}, limits = () => null }) {
    let pending = [];
    let busy = false;

    const sendable = () => pending.filter((entry) => !entry.problem);

    function hintText() {
        if (busy) {
            return '';
        }
        if (!canSend()) {
            return 'Choose who to chat with above, then pick files to send.';
        }
        if (sendable().length === 0) {
            return pending.length === 0 ? 'Choose files or drop them here to send them as one album.'
                : 'None of the chosen files can be sent.';
        }
        return '';
    }

    function chip(entry, index) {
        const name = entry.file.name;
        return el('div', { className: entry.problem ? 'chip refused' : 'chip',
            dataset: { testid: 'pending-file', refused: String(Boolean(entry.problem)) } },
        entry.preview ? el('img', { src: entry.preview, alt: '' }) : el('span', { className: 'chip-kind',
            'aria-hidden': 'true' }, kindOf(contentTypeOf(entry.file))),
        el('span', { className: 'chip-name', title: name }, name),
        el('span', { className: 'chip-size' }, formatSize(entry.file.size)),
        el('button', { type: 'button', className: 'chip-remove', 'aria-label': `Remove ${name}`, title: `Remove ${name}`,
            onclick: () => remove(index) }, '×'),
        entry.problem ? el('span', { className: 'chip-problem', dataset: { testid: 'chip-problem' } },
            entry.problem.sentence) : null);
    }

    function refresh() {
        sendButton.disabled = busy || sendable().length === 0 || !canSend();
        sendButton.textContent = busy ? 'Sending…' : 'Send';
        pendingList.replaceChildren(...pending.map(chip));
        pendingList.hidden = pending.length === 0;
        if (hint) {
            const text = hintText();
            if (hint.textContent !== text) {
                hint.textContent = text;
            }
            hint.hidden = !text;
        }
    }

    function remove(index) {
        const [entry] = pending.splice(index, 1);
        if (entry?.preview) {
            URL.revokeObjectURL(entry.preview);
        }
        refresh();
        // the chip and its button are gone: keep focus in the composer
        (pendingList.querySelectorAll('.chip-remove')[Math.min(index, pending.length - 1)] || fileInput).focus();
    }

    function add(files) {
        const current = limits() || DEFAULT_LIMITS;
        const refused = [];
        for (const file of files) {
            if (sendable().length >= current.max_attachments) {
                notify(`An album holds at most ${current.max_attachments} files; the others were left out.`);
                break;
            }
            const problem = checkFile(file, current);
            const preview = !problem && kindOf(contentTypeOf(file)) === 'image' ? URL.createObjectURL(file) : null;
            pending.push({ file, preview, problem });
            if (problem) {
                refused.push(problem.sentence);
            }
        }
        refresh();
        const accepted = files.length - refused.length;
        announce([accepted > 0 ? `${accepted} ${accepted === 1 ? 'file' : 'files'} ready to send` : null, ...refused]
            .filter(Boolean).join('. '));
    }

    /** Checks the chosen files again, once the server's limits are known. */
    function recheck() {
        const current = limits() || DEFAULT_LIMITS;
        pending = pending.map((entry) => ({ ...entry, problem: checkFile(entry.file, current) }));
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
            await onSend({ files: sendable().map((entry) => entry.file), text: caption.value.trim() });
            pending = [];
            caption.value = '';
            chosen.forEach((entry) => entry.preview && URL.revokeObjectURL(entry.preview));
        } catch (error) {
            notify(error.sentence || error.detail || error.message);
        } finally {
            busy = false;
            refresh();
            // the Send button was disabled under the focus: give it to the caption, ready for the next album
            caption.focus();
        }
    });

    refresh();
    return { add, refresh, recheck };
}
