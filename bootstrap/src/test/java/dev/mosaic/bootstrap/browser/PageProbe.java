package dev.mosaic.bootstrap.browser;

/**
 * What the tests watch from inside a page, installed before the page's own scripts run: every socket frame,
 * every upload request and how it ended, each cell's stage as it changes, and what the status region announces. It can also keep the page's next
 * sockets from connecting, as a dropped network would.
 */
final class PageProbe {

    static final String SCRIPT = """
            (() => {
                const probe = window.__probe = { frames: [], requests: [], stages: [], announced: [], repaints: 0,
                    socketsBlocked: false };
                const NativeSocket = window.WebSocket;
                window.WebSocket = class extends NativeSocket {
                    constructor(url, protocols) {
                        super(probe.socketsBlocked ? 'ws://127.0.0.1:9/' : url, protocols);
                        this.addEventListener('message', (message) => {
                            try {
                                probe.frames.push(JSON.parse(message.data));
                            } catch (ignored) {
                                probe.frames.push({ unreadable: String(message.data) });
                            }
                        });
                    }
                };
                const open = XMLHttpRequest.prototype.open;
                XMLHttpRequest.prototype.open = function (method, url, ...rest) {
                    this.probed = { method, url: String(url) };
                    return open.call(this, method, url, ...rest);
                };
                const send = XMLHttpRequest.prototype.send;
                XMLHttpRequest.prototype.send = function (body) {
                    const started = performance.now();
                    this.addEventListener('loadend', () => probe.requests.push({ ...this.probed, status: this.status,
                        started, ended: performance.now() }));
                    return send.call(this, body);
                };
                const seen = new Map();
                const scan = () => {
                    const cells = document.querySelectorAll('[data-testid="cell"]');
                    const at = performance.now();
                    for (const cell of cells) {
                        if (seen.get(cell.dataset.assetId) !== cell.dataset.stage) {
                            seen.set(cell.dataset.assetId, cell.dataset.stage);
                            probe.stages.push({ at, asset: Number(cell.dataset.assetId), kind: cell.dataset.kind,
                                stage: cell.dataset.stage, cells: cells.length });
                        }
                    }
                };
                new MutationObserver(scan).observe(document, { subtree: true, childList: true, attributes: true,
                    attributeFilter: ['data-stage'] });
                // what the status region says: each line added to it is one announcement
                new MutationObserver((mutations) => {
                    for (const mutation of mutations) {
                        if (mutation.target.getAttribute?.('role') === 'status') {
                            mutation.addedNodes.forEach((node) => probe.announced.push(node.textContent));
                        }
                    }
                }).observe(document, { subtree: true, childList: true });
                // a caption or time rewritten after its bubble was drawn: what a screen reader would hear again
                probe.repaints = 0;
                new MutationObserver((mutations) => {
                    for (const mutation of mutations) {
                        const node = mutation.target.nodeType === Node.TEXT_NODE ? mutation.target.parentElement
                            : mutation.target;
                        if (node?.closest?.('.caption, .time')) {
                            probe.repaints += 1;
                        }
                    }
                }).observe(document, { subtree: true, childList: true, characterData: true });
            })();
            """;

    private PageProbe() {
    }
}
