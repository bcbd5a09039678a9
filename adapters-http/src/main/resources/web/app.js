// Mosaic's demo chat: sign in, pick a peer, drop files, send; both sides watch the album fill in live.
// Everything an app needs comes from mosaic-client.js; this file only wires it to the page.
import { createMosaicClient, devToken, describeFile, failureSentence, reduce, refusalSentence, withMessages }
    from './mosaic-client.js';
import { renderConversation } from './app/album.js';
import { createComposer } from './app/composer.js';
import { announcements, CONNECTION_SENTENCES, createAnnouncer } from './app/announce.js';

const $ = (id) => document.getElementById(id);
const SESSION_KEY = 'mosaic.demo.session';
const PEER_KEY = 'mosaic.demo.peer';
const STATUS_TEXT = { offline: 'offline', connecting: 'connecting…', open: 'live', reconnecting: 'reconnecting…',
    unauthorized: 'signed out', closed: 'offline' };

const state = {
    token: null,
    me: null,
    peer: Number(sessionStorage.getItem(PEER_KEY)) || null,
    messages: [],
    client: null,
    stream: null,
    localPreviews: new Map(),
    /** Why this page's own uploads failed (the server only hears "cancelled" for those). */
    localFailures: new Map(),
    /** Assets whose failure the user was told of: once is enough, whichever way it was heard first. */
    toldFailures: new Set(),
    limits: null,
    version: 0,
    opened: false,
    connection: null,
};
const announcer = createAnnouncer($('announcer'));
const fetching = new Set();
let renderQueued = false;

/** Shows `text` in the toast until it is dismissed (the last three stay), and says it once in the status region. */
function notify(text, kind = 'error') {
    const toast = $('toast');
    const lines = toast.hidden ? [] : [...$('toast-text').children].map((line) => line.textContent);
    $('toast-text').replaceChildren(...[...lines, text].slice(-3).map((line) => Object.assign(
        document.createElement('span'), { textContent: line, className: 'toast-line' })));
    toast.dataset.kind = kind;
    toast.hidden = false;
    announcer.say(text);
}

function dismissNotice() {
    $('toast').hidden = true;
    $('toast-text').replaceChildren();
    ($('chat').hidden ? $('user-id') : $('caption')).focus();
}

function visibleMessages() {
    if (state.me === null || state.peer === null) {
        return [];
    }
    return state.messages.filter((m) => (m.sender_id === state.me && m.receiver_id === state.peer)
        || (m.sender_id === state.peer && m.receiver_id === state.me));
}

function render() {
    renderQueued = false;
    renderConversation($('messages'), visibleMessages(), {
        me: state.me,
        version: state.version,
        localUrl: (assetId) => state.localPreviews.get(assetId),
        isUploading: (assetId) => Boolean(state.client?.isUploading(assetId)),
        localFailure: (assetId) => state.localFailures.get(assetId),
        onCancel: cancel,
        onRetry: pickReplacement,
    });
    $('empty').hidden = visibleMessages().length > 0 || state.peer === null;
}

function scheduleRender() {
    if (!renderQueued) {
        renderQueued = true;
        requestAnimationFrame(render);
    }
}

function dispatch(event, { quiet = false } = {}) {
    const before = state.messages;
    state.messages = reduce(state.messages, event);
    if (!quiet && state.messages !== before) {
        announceChanges(before, state.messages);
    }
    scheduleRender();
}

function tellFailure(assetId, text) {
    if (!state.toldFailures.has(assetId)) {
        state.toldFailures.add(assetId);
        notify(text);
    }
}

function announceChanges(before, after) {
    const seen = (list) => list.filter((m) => m.sender_id === state.peer || m.receiver_id === state.peer);
    for (const said of announcements(seen(before), seen(after), state.me, state.localFailures)) {
        if (said.failure) {
            tellFailure(said.assetId, said.text);
        } else {
            announcer.say(said.text);
        }
    }
}

/** An update for an album this page has not seen (older than the page loaded): fetch it whole. */
async function fetchMissing(messageId) {
    if (fetching.has(messageId) || state.messages.some((m) => m.message_id === messageId)) {
        return;
    }
    fetching.add(messageId);
    try {
        dispatch({ type: 'chat_message', data: await state.client.getMessage(messageId) }, { quiet: true });
    } catch {
        // not ours to see, or gone: nothing to draw
    } finally {
        fetching.delete(messageId);
    }
}

function onEvent(event) {
    dispatch(event);
    if (event.type === 'chat_message_update' && !state.messages.some((m) => m.message_id === event.data.message_id)) {
        fetchMissing(event.data.message_id);
    }
}

async function loadConversation() {
    if (!state.client || state.peer === null) {
        return;
    }
    try {
        const page = await state.client.listConversation(state.peer, { limit: 50 });
        state.messages = withMessages(state.messages, page.messages || page);
        scheduleRender();
    } catch (error) {
        notify(`Could not load the conversation: ${error.detail || error.message}`);
    }
}

function showConnection(stateName) {
    const pill = $('status');
    pill.hidden = false;
    pill.dataset.state = stateName;
    pill.textContent = STATUS_TEXT[stateName] || stateName;
    const changed = state.connection !== stateName;
    // the first "connecting" is no news; every later change is
    if (changed && (state.connection !== null || stateName !== 'connecting') && CONNECTION_SENTENCES[stateName]) {
        announcer.say(CONNECTION_SENTENCES[stateName]);
    }
    state.connection = stateName;
}

function onStatus(status) {
    if (status.state !== 'open' && typeof navigator !== 'undefined' && navigator.onLine === false) {
        showConnection('offline');
    } else {
        showConnection(status.state);
    }
    if (status.state === 'open') {
        state.me = status.userId;
        $('me').textContent = `you are user ${status.userId}`;
        if (!state.opened || status.resync) {
            state.opened = true;
            loadConversation();
        }
        scheduleRender();
    } else if (status.state === 'unauthorized') {
        signOut();
        notice(`The server refused this token (${status.reason || 'unauthorized'}). Sign in again.`);
    }
}

async function cancel(assetId) {
    try {
        await state.client.cancel(assetId);
    } catch (error) {
        notify(`Could not cancel: ${error.detail || error.message}`);
    }
}

/** Retry: a file dialog for the cell, then its replacement goes up as the album's files did. */
function pickReplacement(assetId) {
    const input = $('retry-input');
    input.value = '';
    input.onchange = () => {
        if (input.files.length > 0) {
            replace(assetId, input.files[0]);
        }
    };
    input.click();
}

async function replace(assetId, file) {
    const hints = await describeFile(file, { timeoutMs: 1500 });
    let replaced;
    try {
        replaced = await state.client.replace(assetId, { file, ...hints }, uploadHooks());
    } catch (error) {
        notify(refusalSentence(error, [file.name]));
        return;
    }
    state.localFailures.delete(assetId);
    state.toldFailures.delete(assetId);
    if (replaced.upload.kind === 'image') {
        state.localPreviews.set(assetId, URL.createObjectURL(file));
    }
    state.version += 1;
    scheduleRender();
}

function messageOfAsset(assetId) {
    return state.messages.find((m) => m.assets.some((a) => a.asset_id === assetId));
}

async function send({ files, text }) {
    const hints = await Promise.all(files.map((file) => describeFile(file, { timeoutMs: 1500 })));
    let sent;
    try {
        sent = await sendAlbum(files, hints, text);
    } catch (error) {
        error.sentence = refusalSentence(error, files.map((file) => file.name));
        throw error;
    }
    sent.uploads.forEach((upload, index) => {
        if (upload.kind === 'image') {
            state.localPreviews.set(upload.asset_id, URL.createObjectURL(files[index]));
        }
    });
    state.version += 1;
    dispatch({ type: 'chat_message', data: sent.message });
}

function sendAlbum(files, hints, text) {
    return state.client.sendAlbum({
        receiverId: state.peer,
        text,
        files: files.map((file, index) => ({ file, ...hints[index] })),
        ...uploadHooks(),
    });
}

/** What the page does as a file goes up, for an album's files and a replaced cell's alike. */
function uploadHooks() {
    return {
        onProgress: (assetId, bytes, total) => {
            const message = messageOfAsset(assetId);
            if (message) {
                dispatch({ type: 'chat_message_update', data: { message_id: message.message_id, asset_id: assetId,
                    stage: 'uploading', progress: Math.floor((bytes * 100) / total) } });
            }
        },
        onFileComplete: () => {
            state.version += 1;
            scheduleRender();
        },
        onFileError: (assetId, error) => {
            if (error.code !== 'cancelled') {
                // the server hears "cancelled"; the tile and the sentence keep the real reason
                state.localFailures.set(assetId, error.code);
                state.client.cancel(assetId).catch(() => {
                    const name = messageOfAsset(assetId)?.assets.find((a) => a.asset_id === assetId)?.file_name;
                    tellFailure(assetId, failureSentence(error.code, name));
                });
            }
            state.version += 1;
            scheduleRender();
        },
    };
}

/** An album this browser was sending when the page went away: offer to resume it with the same files. */
function showResumable() {
    const albums = state.client?.interruptedAlbums().filter((album) => album.receiver_id === state.peer) ?? [];
    const album = albums[0];
    $('resume').hidden = !album;
    $('resume-button').disabled = true;
    $('resume-input').value = '';
    if (album) {
        const names = album.files.map((file) => `“${file.fingerprint.name}”`).join(', ');
        $('resume').dataset.messageId = String(album.message_id);
        $('resume-text').textContent = `Sending ${names} was interrupted. Pick the same `
            + `${album.files.length === 1 ? 'file' : 'files'} again to resume where it stopped.`;
    }
}

async function resume() {
    const messageId = Number($('resume').dataset.messageId);
    const files = [...$('resume-input').files];
    $('resume-button').disabled = true;
    $('resume').hidden = true;
    try {
        const resumed = await state.client.resumeAlbum({ messageId, files, ...uploadHooks() });
        // what was not picked, or did not finish, is offered again once these files settled
        resumed.done.then(showResumable);
        if (resumed.missing.length > 0) {
            notify(`${resumed.missing.length === 1 ? 'One file was' : `${resumed.missing.length} files were`} not among `
                + 'those picked: pick them to resume them too.', 'info');
        } else {
            announcer.say('Resuming the album.');
        }
        state.version += 1;
        scheduleRender();
    } catch (error) {
        notify(`Could not resume: ${error.detail || error.message}`);
        showResumable();
    }
}

async function discardResumable() {
    const messageId = Number($('resume').dataset.messageId);
    const album = state.client.interruptedAlbums().find((found) => found.message_id === messageId);
    state.client.forgetAlbum(messageId);
    showResumable();
    for (const file of album?.files ?? []) {
        await state.client.cancel(file.asset_id).catch(() => {});
    }
}

/** The token's user, to keep each user's interrupted uploads apart in this browser. */
function userOf(token) {
    try {
        return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub;
    } catch {
        return 'unknown';
    }
}

function notice(text) {
    const box = $('sign-in-notice');
    box.textContent = text;
    box.hidden = !text;
}

function start(token) {
    state.token = token;
    sessionStorage.setItem(SESSION_KEY, token);
    state.client = createMosaicClient({ token, resumeKey: `mosaic.demo.resume.${userOf(token)}` });
    state.stream = state.client.connectEvents({ onEvent, onStatus });
    $('sign-in').hidden = true;
    $('chat').hidden = false;
    $('sign-out').hidden = false;
    $('peer-id').value = state.peer ?? '';
    showPeer();
    composer.refresh();
    showResumable();
    state.client.limits().then((limits) => {
        state.limits = limits;
        composer.recheck();
    }, () => {
        // the server checks the batch anyway; the defaults stand in meanwhile
    });
    // focus follows the page: to the chat's title, or to the field that picks whom to chat with
    (state.peer === null ? $('peer-id') : $('chat-title')).focus();
}

function showPeer() {
    $('chat-title').textContent = state.peer === null ? 'Choose who to chat with' : `Chat with user ${state.peer}`;
    $('pick-peer').hidden = state.peer !== null;
    document.title = state.peer === null ? 'Mosaic · albums' : `Chat with user ${state.peer} · Mosaic`;
}

function signOut() {
    state.stream?.close();
    Object.assign(state, { token: null, me: null, client: null, stream: null, messages: [], opened: false,
        connection: null });
    sessionStorage.removeItem(SESSION_KEY);
    $('sign-in').hidden = false;
    $('chat').hidden = true;
    $('sign-out').hidden = true;
    $('resume').hidden = true;
    $('me').textContent = '';
    $('status').hidden = true;
    $('status').dataset.state = 'signed-out';
    render();
    $('user-id').focus();
}

async function devSignIn(userId) {
    notice('');
    try {
        start(await devToken({ userId }));
    } catch (error) {
        if (error.code === 'dev_sign_in_off') {
            notice('Development sign-in is off on this server (a JWT secret or JWKS is configured). '
                + 'Paste a token below instead.');
            $('token-details').open = true;
        } else {
            notice(`Sign-in failed: ${error.detail || error.message}`);
        }
    }
}

function choosePeer(peer) {
    state.peer = peer;
    sessionStorage.setItem(PEER_KEY, String(peer));
    showPeer();
    showResumable();
    composer.refresh();
    scheduleRender();
    loadConversation();
    $('chat-title').focus();
}

const composer = createComposer({
    form: $('composer'), pendingList: $('pending'), fileInput: $('file-input'), caption: $('caption'),
    sendButton: $('send'), dropZone: $('drop'), dropTarget: $('chat'), hint: $('composer-hint'), onSend: send,
    canSend: () => Boolean(state.client && state.peer), notify, announce: (text) => announcer.say(text),
    limits: () => state.limits,
});

$('dev-form').addEventListener('submit', (event) => {
    event.preventDefault();
    devSignIn(Number(new FormData(event.target).get('user')));
});
$('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = String(new FormData(event.target).get('token')).trim();
    if (token) {
        notice('');
        start(token);
    }
});
$('peer-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const peer = Number(new FormData(event.target).get('peer'));
    if (Number.isInteger(peer) && peer > 0) {
        choosePeer(peer);
    }
});
$('sign-out').addEventListener('click', signOut);
$('resume-input').addEventListener('change', () => {
    $('resume-button').disabled = $('resume-input').files.length === 0;
});
$('resume-button').addEventListener('click', resume);
$('resume-discard').addEventListener('click', discardResumable);
$('toast-close').addEventListener('click', dismissNotice);
document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !$('toast').hidden) {
        dismissNotice();
    }
});
// the browser knows first when the network goes: say so at once, not after the socket times out
window.addEventListener('offline', () => {
    if (state.client) {
        showConnection('offline');
    }
});
window.addEventListener('online', () => {
    if (state.client && state.connection !== 'open') {
        // a socket that outlived the outage is checked by the stream (a ping); a closed one reconnects now
        showConnection(state.stream?.isOpen() ? 'open' : 'reconnecting');
    }
});

// For browser tests and the curious: the page's state and client.
window.mosaicDemo = {
    get state() {
        return state;
    },
    reconnect: () => state.stream?.reconnect(),
};

const params = new URLSearchParams(location.search);
if (params.has('peer')) {
    state.peer = Number(params.get('peer')) || null;
    sessionStorage.setItem(PEER_KEY, String(state.peer ?? ''));
}
if (params.has('user')) {
    devSignIn(Number(params.get('user')));
} else if (sessionStorage.getItem(SESSION_KEY)) {
    start(sessionStorage.getItem(SESSION_KEY));
}
