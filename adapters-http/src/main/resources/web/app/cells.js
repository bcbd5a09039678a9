// One grid cell per asset: upload progress, then "Processing…", then the photo, the video poster with
// its play button, or a file card — as the guide's UX table describes. A cell is rebuilt only when what it
// shows changes; progress moves in place, so a focused control keeps its focus.
import { failureReason, formatSize, placeholderToDataUrl } from '../mosaic-client.js';
import { el, formatDuration } from './format.js';
import { altText, cancelName, cellName, convertingName, openName, playName, retryName, uploadingName }
    from './names.js';

const ENDED = { failed: 'Failed', cancelled: 'Cancelled', expired: 'Not sent' };
const SVG = 'http://www.w3.org/2000/svg';

function progressBar(progress, name) {
    return el('div', { className: 'ring', role: 'progressbar', 'aria-label': name, 'aria-valuemin': '0',
        'aria-valuemax': '100', 'aria-valuenow': String(progress), style: { '--p': String(progress) },
        dataset: { testid: 'progress' } }, el('span', { 'aria-hidden': 'true' }, `${progress}%`));
}

function spinner(text) {
    return el('div', { className: 'busy', dataset: { testid: 'processing' } }, el('div', { className: 'spinner' }),
        el('span', {}, text));
}

function badge(text, testid, props = {}) {
    return el('span', { className: 'badge', dataset: { testid }, ...props }, text);
}

/** A stop square, the usual "cancel this transfer" sign (a cross reads as "remove"). */
function stopIcon() {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const square = document.createElementNS(SVG, 'rect');
    Object.entries({ x: '7', y: '7', width: '10', height: '10', rx: '1.5', fill: 'currentColor' })
        .forEach(([name, value]) => square.setAttribute(name, value));
    svg.append(square);
    return svg;
}

function fileCard(asset, showDownload) {
    return el('div', { className: 'file-card', dataset: { testid: 'file-card' } },
        el('div', { className: 'file-icon', 'aria-hidden': 'true' }, (asset.file_name.split('.').pop() || 'file')
            .slice(0, 4).toUpperCase()),
        el('div', { className: 'file-name', title: asset.file_name }, asset.file_name),
        el('div', { className: 'file-size' }, formatSize(asset.file_size)),
        showDownload && asset.download_url
            ? el('a', { className: 'download', href: asset.download_url, download: asset.file_name,
                dataset: { testid: 'download' } }, 'Download', el('span', { className: 'sr-only' }, ` ${asset.file_name}`))
            : null);
}

/** The lowest-resolution picture known for the cell: thumbnail, local preview, or the blurred placeholder. */
function backdropOf(asset, localUrl) {
    if (asset.thumbnail_url && asset.kind !== 'file') {
        return { url: asset.thumbnail_url, blurred: false };
    }
    if (localUrl) {
        return { url: localUrl, blurred: false };
    }
    const placeholder = placeholderToDataUrl(asset.placeholder);
    return placeholder ? { url: placeholder, blurred: true } : null;
}

function playVideo(cell, asset) {
    const video = el('video', { className: 'media', controls: true, playsInline: true, autoplay: true,
        preload: 'auto', poster: asset.thumbnail_url || '', src: asset.playback_url || asset.download_url,
        tabIndex: 0, 'aria-label': asset.file_name, dataset: { testid: 'video' } });
    cell.querySelector('.media')?.remove();
    cell.querySelector('.overlay')?.replaceChildren();
    cell.prepend(video);
    cell.dataset.playing = 'true';
    // the play button is gone: the video itself takes focus, so the next Tab reaches its controls
    video.focus();
    video.play?.().catch(() => {});
}

function mediaOf(asset) {
    if (asset.kind === 'file' || !asset.url) {
        return null;
    }
    const image = el('img', { className: 'media', src: asset.url, alt: altText(asset), decoding: 'async',
        dataset: { testid: asset.kind === 'video' ? 'poster' : 'photo' } });
    if (asset.kind === 'image' && asset.stage === 'ready') {
        // the link is named by the picture; the sender's own alt text stays on the picture itself too
        image.alt = asset.alt_text?.trim() || '';
        return el('a', { className: 'media', href: asset.preview_url || asset.url, target: '_blank', rel: 'noopener',
            'aria-label': openName(asset), dataset: { testid: 'open-photo' } }, image);
    }
    if (asset.kind === 'video') {
        // the play button names the video; the poster says nothing more
        image.alt = '';
    }
    return image;
}

/** Why the cell ended; its sender may put another file in it (a retry). */
function endedNote(asset, mine, localFailure, onRetry) {
    const code = localFailure ?? (asset.stage === 'failed' ? asset.error : asset.stage);
    const reason = mine && code !== 'cancelled' ? failureReason(code, asset.file_name) : null;
    const title = !mine ? 'Not sent' : localFailure ? 'Failed' : ENDED[asset.stage];
    return el('div', { className: 'ended', dataset: { testid: asset.stage } },
        el('span', {}, title),
        el('small', { className: 'ended-name' }, asset.file_name),
        reason ? el('small', { dataset: { testid: 'reason' } }, reason) : null,
        mine && onRetry ? el('button', { type: 'button', className: 'retry', 'aria-label': retryName(asset),
            title: retryName(asset), dataset: { testid: 'retry' }, onclick: () => onRetry(asset.asset_id) }, 'Retry')
            : null);
}

function overlayOf(cell, asset, { cancellable, onCancel, onRetry, mine, localFailure }) {
    const parts = [];
    if (localFailure && asset.stage === 'uploading') {
        // failed here, and the server has not heard yet
        parts.push(endedNote(asset, mine, localFailure, null));
    } else if (asset.stage === 'uploading') {
        if (asset.kind === 'file') {
            parts.push(fileCard(asset, false));
        }
        parts.push(progressBar(asset.progress ?? 0, uploadingName(asset)));
        if (cancellable) {
            parts.push(el('button', { type: 'button', className: 'cancel', title: cancelName(asset),
                'aria-label': cancelName(asset), dataset: { testid: 'cancel' }, onclick: () => onCancel(asset.asset_id) },
            stopIcon()));
        }
    } else if (asset.stage === 'processing') {
        if (asset.kind === 'file') {
            parts.push(fileCard(asset, false));
        }
        parts.push(spinner('Processing…'));
    } else if (asset.stage === 'thumbnail_ready' || asset.stage === 'transcoding') {
        if (asset.kind === 'video') {
            parts.push(asset.stage === 'transcoding'
                ? badge(`Converting ${asset.progress ?? 0}%`, 'processing', { role: 'progressbar',
                    'aria-label': convertingName(asset), 'aria-valuemin': '0', 'aria-valuemax': '100',
                    'aria-valuenow': String(asset.progress ?? 0) })
                : badge('Processing…', 'processing'));
        } else if (asset.kind === 'file' || !asset.url) {
            parts.push(spinner('Processing…'));
        }
    } else if (asset.stage === 'ready') {
        if (asset.kind === 'video' && (asset.playback_url || asset.download_url)) {
            parts.push(el('button', { type: 'button', className: 'play', title: playName(asset),
                'aria-label': playName(asset), dataset: { testid: 'play' }, onclick: () => playVideo(cell, asset) }));
            if (asset.duration) {
                parts.push(badge(formatDuration(asset.duration), 'duration'));
            }
        } else if (asset.kind === 'file' || !asset.url) {
            parts.push(fileCard(asset, true));
        }
    } else if (ENDED[asset.stage]) {
        parts.push(endedNote(asset, mine, localFailure, onRetry));
    }
    return parts;
}

/** What the overlay shows apart from progress: when this changes, the overlay is rebuilt. */
function overlayShape(asset, cancellable, mine, localFailure) {
    return [asset.stage, asset.kind, cancellable, mine, localFailure ?? '', Boolean(asset.url), asset.download_url ?? '',
        asset.alt_text ?? '',
        asset.playback_url ?? '', asset.duration ?? '', asset.error ?? '', asset.file_name].join('|');
}

/** Moves the progress shown in `overlay` to the asset's, in place. */
function updateProgress(overlay, asset) {
    const progress = String(asset.progress ?? 0);
    const ring = overlay.querySelector('.ring');
    if (ring) {
        ring.style.setProperty('--p', progress);
        ring.setAttribute('aria-valuenow', progress);
        ring.firstElementChild.textContent = `${progress}%`;
    }
    const converting = overlay.querySelector('[role=progressbar].badge');
    if (converting) {
        converting.setAttribute('aria-valuenow', progress);
        converting.textContent = `Converting ${progress}%`;
    }
}

/** Draws `asset` into `cell`, leaving a playing video alone. */
export function paintCell(cell, asset, context) {
    const localUrl = context.localUrl(asset.asset_id);
    const cancellable = context.isUploading(asset.asset_id);
    const mine = Boolean(context.mine);
    const localFailure = context.localFailure?.(asset.asset_id);
    const previous = cell.painted;
    if (previous && previous.asset === asset && previous.localUrl === localUrl && previous.cancellable === cancellable
        && previous.mine === mine && previous.localFailure === localFailure) {
        return;
    }
    cell.painted = { asset, localUrl, cancellable, mine, localFailure };
    Object.assign(cell.dataset, { testid: 'cell', assetId: String(asset.asset_id), stage: asset.stage,
        kind: asset.kind, loading: String(asset.loading) });
    // the cell is named by the item's alt text (else its kind and name), and shows the item's own caption
    cell.setAttribute('role', 'group');
    cell.setAttribute('aria-label', cellName(asset));
    paintItemCaption(cell, asset.caption);
    const backdrop = backdropOf(asset, localUrl);
    const safeUrl = backdrop?.url.replace(/["\\\n]/g, encodeURIComponent);
    cell.style.setProperty('--backdrop', backdrop ? `url("${safeUrl}")` : 'none');
    cell.classList.toggle('blurred', Boolean(backdrop?.blurred));
    if (cell.dataset.playing === 'true' && asset.stage === 'ready') {
        return;
    }
    const media = mediaOf(asset);
    const current = cell.querySelector('.media');
    const currentSrc = current?.querySelector?.('img')?.src ?? current?.src;
    if (!media) {
        current?.remove();
    } else if (!current || currentSrc !== (media.querySelector?.('img')?.src ?? media.src)
        || current.tagName !== media.tagName) {
        current ? current.replaceWith(media) : cell.prepend(media);
    }
    let overlay = cell.querySelector('.overlay');
    if (!overlay) {
        overlay = el('div', { className: 'overlay' });
        cell.append(overlay);
    }
    const shape = overlayShape(asset, cancellable, mine, localFailure);
    if (overlay.shape === shape) {
        updateProgress(overlay, asset);
        return;
    }
    overlay.shape = shape;
    overlay.replaceChildren(...overlayOf(cell, asset, { cancellable, onCancel: context.onCancel,
        onRetry: context.onRetry, mine, localFailure }));
}

function paintItemCaption(cell, caption) {
    let node = cell.querySelector('.item-caption');
    if (!caption) {
        node?.remove();
        return;
    }
    if (!node) {
        node = el('p', { className: 'item-caption', dataset: { testid: 'item-caption' } });
        cell.append(node);
    }
    if (node.textContent !== caption) {
        node.textContent = caption;
    }
}
