// The event socket: authenticates with its first frame, resumes from the last sequence seen after
// any drop, never hands the same sequenced event over twice, and pings to notice dead connections.
import { backoffDelay } from './retry.js';

export const WS_PATH = '/api/v1/ws';
const POLICY_VIOLATION = 1008;
const EVENT_TYPES = new Set(['chat_message', 'chat_message_update', 'chat_message_complete']);

/** The socket URL for an http(s) base URL, or for the page's own origin when the base is empty. */
export function socketUrl(baseUrl, location = globalThis.location) {
    const base = (baseUrl || '').replace(/\/+$/, '');
    if (/^wss?:\/\//i.test(base)) {
        return base + WS_PATH;
    }
    if (/^https?:\/\//i.test(base)) {
        return base.replace(/^http/i, 'ws') + WS_PATH;
    }
    const scheme = location?.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location?.host}${base}${WS_PATH}`;
}

/**
 * Opens the socket and keeps it open. `onEvent(frame)` gets each `chat_message*` frame once;
 * `onStatus({ state, ... })` reports `connecting`, `open` (after `ready`; `resync: true` when the
 * server's history is behind what this client saw, so the app should reload), `reconnecting`
 * (`delayMs`, `attempt`), `unauthorized` and `closed`; `onFrame(frame)` gets every other frame.
 */
export function openEventStream(options) {
    const {
        url, token, WebSocket: Socket, timers = globalThis, onEvent, onStatus, onFrame,
        pingMs = 25000, pongTimeoutMs = 10000, backoffMs = 500, maxBackoffMs = 10000, random = Math.random,
        canRefreshToken = false, scope = globalThis,
    } = options;
    let lastSeq = options.since ?? null;
    let socket = null;
    let ready = false;
    let stopped = false;
    let attempt = 0;
    let reconnectTimer = null;
    let pingTimer = null;
    let pongTimer = null;

    const status = (state, details = {}) => onStatus?.({ state, lastSeq, ...details });

    function stopTimers() {
        timers.clearInterval(pingTimer);
        timers.clearTimeout(pongTimer);
        pingTimer = null;
        pongTimer = null;
    }

    function send(frame) {
        if (socket && socket.readyState === 1) {
            socket.send(JSON.stringify(frame));
            return true;
        }
        return false;
    }

    function ping() {
        if (send({ type: 'ping' }) && pongTimer === null) {
            pongTimer = timers.setTimeout(() => drop('pong_timeout'), pongTimeoutMs);
        }
    }

    function startPinging() {
        stopTimers();
        pingTimer = timers.setInterval(ping, pingMs);
    }

    function received(frame) {
        timers.clearTimeout(pongTimer);
        pongTimer = null;
        if (frame.type === 'ready') {
            const resync = lastSeq !== null && typeof frame.last_seq === 'number' && frame.last_seq < lastSeq;
            if (lastSeq === null || resync) {
                lastSeq = frame.last_seq ?? 0;
            }
            ready = true;
            attempt = 0;
            startPinging();
            status('open', { userId: frame.user_id, serverLastSeq: frame.last_seq, resync });
            return;
        }
        if (typeof frame.seq === 'number') {
            if (lastSeq !== null && frame.seq <= lastSeq) {
                return;
            }
            lastSeq = frame.seq;
        }
        if (EVENT_TYPES.has(frame.type)) {
            onEvent?.(frame);
        } else {
            onFrame?.(frame);
        }
    }

    async function connect() {
        reconnectTimer = null;
        if (stopped) {
            return;
        }
        status(attempt === 0 ? 'connecting' : 'reconnecting', { attempt });
        let credential;
        try {
            credential = await token();
        } catch (error) {
            scheduleReconnect(error?.message || 'token_unavailable');
            return;
        }
        if (stopped) {
            return;
        }
        const current = new Socket(url);
        socket = current;
        ready = false;
        current.onopen = () => {
            if (socket !== current) {
                return;
            }
            const auth = { type: 'auth', token: credential };
            if (lastSeq !== null) {
                auth.since = lastSeq;
            }
            current.send(JSON.stringify(auth));
        };
        current.onmessage = (message) => {
            if (socket !== current) {
                return;
            }
            let frame;
            try {
                frame = JSON.parse(message.data);
            } catch {
                return;
            }
            if (frame && typeof frame.type === 'string') {
                received(frame);
            }
        };
        current.onerror = () => {};
        current.onclose = (closing) => {
            if (socket !== current) {
                return;
            }
            socket = null;
            stopTimers();
            if (stopped) {
                status('closed');
            } else if (closing.code === POLICY_VIOLATION && closing.reason !== 'auth_timeout' && !canRefreshToken) {
                stopped = true;
                status('unauthorized', { reason: closing.reason });
            } else {
                scheduleReconnect(closing.reason || `closed_${closing.code}`);
            }
        };
    }

    function scheduleReconnect(reason, delayMs) {
        if (stopped || reconnectTimer !== null) {
            return;
        }
        const wait = delayMs ?? backoffDelay(attempt, { backoffMs, maxDelayMs: maxBackoffMs, random });
        attempt += 1;
        status('reconnecting', { attempt, delayMs: wait, reason });
        reconnectTimer = timers.setTimeout(connect, wait);
    }

    /** Forgets the current socket (even one that never closes cleanly) and connects anew. */
    function drop(reason, delayMs) {
        const current = socket;
        socket = null;
        ready = false;
        stopTimers();
        if (current) {
            try {
                current.close(4000, reason);
            } catch {
                // already closing
            }
        }
        scheduleReconnect(reason, delayMs);
    }

    // Back online: a socket that looks open may have died meanwhile, so check it now; a closed one
    // reconnects at once instead of waiting out its backoff.
    const onOnline = () => {
        if (stopped) {
            return;
        }
        if (ready) {
            ping();
        } else {
            timers.clearTimeout(reconnectTimer);
            reconnectTimer = null;
            drop('online', 0);
        }
    };
    scope.addEventListener?.('online', onOnline);
    connect();

    return {
        /** Sends a frame when the socket is authenticated; answers whether it was sent. */
        send(frame) {
            return ready ? send(frame) : false;
        },
        isOpen: () => ready,
        get lastSeq() {
            return lastSeq;
        },
        /** Drops the socket and reconnects at once, resuming from the last sequence seen. */
        reconnect() {
            if (!stopped) {
                timers.clearTimeout(reconnectTimer);
                reconnectTimer = null;
                drop('client_reconnect', 0);
            }
        },
        close() {
            stopped = true;
            timers.clearTimeout(reconnectTimer);
            scope.removeEventListener?.('online', onOnline);
            const current = socket;
            socket = null;
            ready = false;
            stopTimers();
            current?.close(1000, 'client_closed');
            status('closed');
        },
    };
}
