// Test doubles for the client's surroundings: a hand-driven clock, a storage that answers XHR PUTs
// as the test says, the API behind fetch, and a WebSocket the test drives frame by frame.

/** Lets every pending promise callback and I/O-free task run. */
export function settle() {
    return new Promise((resolve) => setImmediate(resolve));
}

export async function settleAll(rounds = 20) {
    for (let i = 0; i < rounds; i++) {
        await settle();
    }
}

/** A clock and timers that only move when the test calls `advance`. */
export function fakeClock(start = 1_000_000) {
    let time = start;
    let nextId = 1;
    const tasks = new Map();
    const schedule = (fn, ms, every) => {
        const id = nextId++;
        tasks.set(id, { at: time + Math.max(0, ms || 0), fn, every });
        return id;
    };
    return {
        now: () => time,
        setTimeout: (fn, ms) => schedule(fn, ms, null),
        clearTimeout: (id) => tasks.delete(id),
        setInterval: (fn, ms) => schedule(fn, ms, Math.max(1, ms)),
        clearInterval: (id) => tasks.delete(id),
        pending: () => [...tasks.values()].map((task) => task.at - time),
        async advance(ms) {
            const target = time + ms;
            for (;;) {
                await settle();
                let first = null;
                for (const [id, task] of tasks) {
                    if (task.at <= target && (first === null || task.at < tasks.get(first).at)) {
                        first = id;
                    }
                }
                if (first === null) {
                    break;
                }
                const task = tasks.get(first);
                time = task.at;
                if (task.every) {
                    task.at += task.every;
                } else {
                    tasks.delete(first);
                }
                task.fn();
            }
            time = target;
            await settle();
        },
    };
}

/**
 * An XMLHttpRequest class whose PUTs `storage(request)` answers with `{ status, etag }`,
 * `{ network: true }` (connection failed) or a promise of either (to hold a request open).
 */
export function fakeXhrClass(storage) {
    const requests = [];
    let inFlight = 0;
    let maxInFlight = 0;
    class FakeXhr {
        constructor() {
            this.upload = {};
            this.requestHeaders = {};
            this.responseHeaders = {};
            this.status = 0;
            this.finished = false;
        }

        open(method, url) {
            this.method = method;
            this.url = url;
        }

        setRequestHeader(name, value) {
            this.requestHeaders[name] = value;
        }

        getResponseHeader(name) {
            return this.responseHeaders[name.toLowerCase()] ?? null;
        }

        abort() {
            if (!this.finished) {
                this.end();
                this.aborted = true;
                this.onabort?.();
            }
        }

        end() {
            this.finished = true;
            inFlight -= 1;
        }

        send(body) {
            const request = { method: this.method, url: this.url, headers: this.requestHeaders, body, xhr: this };
            requests.push(request);
            inFlight += 1;
            maxInFlight = Math.max(maxInFlight, inFlight);
            setImmediate(async () => {
                const outcome = await storage(request);
                if (this.finished) {
                    return;
                }
                if (outcome.network) {
                    this.end();
                    this.onerror?.();
                    return;
                }
                const size = body?.size ?? 0;
                this.upload.onprogress?.({ loaded: Math.floor(size / 2), total: size });
                this.upload.onprogress?.({ loaded: size, total: size });
                this.status = outcome.status ?? 200;
                if (outcome.etag) {
                    this.responseHeaders.etag = outcome.etag;
                }
                this.end();
                this.onload?.();
            });
        }
    }
    FakeXhr.requests = requests;
    FakeXhr.maxInFlight = () => maxInFlight;
    return FakeXhr;
}

/**
 * A fetch for the API: `routes['POST /api/v1/files/upload/'] = (body, request) => ({ status, json })`
 * (or a promise of it, or `{ network: true }`). Every call is logged in `fetch.calls`.
 */
export function fakeApi(routes) {
    const calls = [];
    async function fetch(url, init = {}) {
        const path = new URL(url).pathname + new URL(url).search;
        const key = `${init.method || 'GET'} ${new URL(url).pathname}`;
        const body = init.body ? JSON.parse(init.body) : undefined;
        const call = { key, path, body, headers: init.headers || {} };
        calls.push(call);
        const route = routes[key];
        if (!route) {
            return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
        }
        if (init.signal?.aborted) {
            throw Object.assign(new Error('aborted'), { name: 'AbortError' });
        }
        const outcome = await route(body, call);
        if (outcome.network) {
            throw new TypeError('fetch failed');
        }
        return json(outcome.status ?? 200, outcome.json);
    }
    fetch.calls = calls;
    fetch.callsTo = (key) => calls.filter((call) => call.key === key);
    return fetch;
}

export function json(status, value) {
    const problem = status >= 400;
    return new Response(status === 204 ? null : JSON.stringify(value ?? {}), {
        status,
        headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json' },
    });
}

/** A WebSocket the test drives: `FakeSocket.last().receive(frame)`, `.serverClose(code, reason)`. */
export function fakeSocketClass(now = () => 0) {
    const sockets = [];
    class FakeSocket {
        constructor(url) {
            this.url = url;
            this.sent = [];
            this.sentAt = [];
            this.readyState = 0;
            this.closedWith = null;
            sockets.push(this);
        }

        static last() {
            return sockets[sockets.length - 1];
        }

        send(text) {
            if (this.readyState !== 1) {
                throw new Error('not open');
            }
            this.sent.push(JSON.parse(text));
            this.sentAt.push(now());
        }

        close(code, reason) {
            this.closedWith = { code, reason };
            this.readyState = 3;
        }

        open() {
            this.readyState = 1;
            this.onopen?.({});
        }

        receive(frame) {
            this.onmessage?.({ data: JSON.stringify(frame) });
        }

        serverClose(code = 1006, reason = '') {
            this.readyState = 3;
            this.onclose?.({ code, reason });
        }
    }
    FakeSocket.sockets = sockets;
    return FakeSocket;
}

/** A file of `size` bytes whose byte at i is i % 251, so slices can be checked. */
export function fileOf(size, name = 'file.bin', type = 'application/octet-stream') {
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
        bytes[i] = i % 251;
    }
    return new File([bytes], name, { type });
}
