// At most one progress report per interval per asset: the first at once, the latest of the rest at
// the end of the interval (so the last value seen is never lost while the upload goes on).

export function createProgressThrottle({ send, intervalMs = 1000, timers = globalThis, now = Date.now }) {
    const assets = new Map();

    function flush(assetId) {
        const state = assets.get(assetId);
        if (!state) {
            return;
        }
        state.timer = null;
        if (state.pending !== null && state.pending !== state.lastSent) {
            state.lastSent = state.pending;
            state.sentAt = now();
            send(assetId, state.pending);
        }
        state.pending = null;
    }

    return {
        /** Offers the asset's current progress (0–100). */
        report(assetId, progress) {
            let state = assets.get(assetId);
            if (!state) {
                state = { sentAt: -Infinity, lastSent: null, pending: null, timer: null };
                assets.set(assetId, state);
            }
            if (progress === state.lastSent && state.timer === null) {
                return;
            }
            const elapsed = now() - state.sentAt;
            if (elapsed >= intervalMs && state.timer === null) {
                state.lastSent = progress;
                state.sentAt = now();
                send(assetId, progress);
                return;
            }
            state.pending = progress;
            if (state.timer === null) {
                state.timer = timers.setTimeout(() => flush(assetId), intervalMs - elapsed);
            }
        },
        /** The asset's upload ended: nothing more is sent for it. */
        finish(assetId) {
            const state = assets.get(assetId);
            if (state?.timer != null) {
                timers.clearTimeout(state.timer);
            }
            assets.delete(assetId);
        },
    };
}
