// One grid cell per asset: upload progress, then "Processing…", then the photo, the video poster with
// its play button, or a file card — as the guide's UX table describes.
import { placeholderToDataUrl } from '../mosaic-client.js';
import { el, formatBytes, formatDuration } from './format.js';

const ENDED = { failed: 'Failed', cancelled: 'Cancelled', expired: 'Expired' };

function progressRing(progress, label) {
    return el('div', { className: 'ring', style: { '--p': String(progress) }, dataset: { testid: 'progress' } },
        el('span', {}, label ?? `${progress}%`));
}

function spinner(text) {
    return el('div', { className: 'busy', dataset: { testid: 'processing' } }, el('div', { className: 'spinner' }),
        el('span', {}, text));
}

function badge(text, testid) {
    return el('span', { className: 'badge', dataset: { testid } }, text);
}

function fileCard(asset, showDownload) {
    return el('div', { className: 'file-card', dataset: { testid: 'file-card' } },
        el('div', { className: 'file-icon', 'aria-hidden': 'true' }, (asset.file_name.split('.').pop() || 'file')
            .slice(0, 4).toUpperCase()),
        el('div', { className: 'file-name', title: asset.file_name }, asset.file_name),
        el('div', { className: 'file-size' }, formatBytes(asset.file_size)),
        showDownload && asset.download_url
            ? el('a', { className: 'download', href: asset.download_url, download: asset.file_name,
                dataset: { testid: 'download' } }, 'Download')
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
        dataset: { testid: 'video' } });
    cell.querySelector('.media')?.remove();
    cell.querySelector('.overlay')?.replaceChildren();
    cell.prepend(video);
    cell.dataset.playing = 'true';
    video.play?.().catch(() => {});
}

function mediaOf(asset) {
    if (asset.kind === 'file' || !asset.url) {
        return null;
    }
    const image = el('img', { className: 'media', src: asset.url, alt: asset.file_name, decoding: 'async',
        dataset: { testid: asset.kind === 'video' ? 'poster' : 'photo' } });
    if (asset.kind === 'image' && asset.stage === 'ready') {
        return el('a', { className: 'media', href: asset.preview_url || asset.url, target: '_blank', rel: 'noopener',
            title: asset.file_name }, image);
    }
    return image;
}

function overlayOf(cell, asset, { cancellable, onCancel }) {
    const parts = [];
    if (asset.stage === 'uploading') {
        if (asset.kind === 'file') {
            parts.push(fileCard(asset, false));
        }
        parts.push(progressRing(asset.progress ?? 0));
        if (cancellable) {
            parts.push(el('button', { type: 'button', className: 'cancel', title: 'Cancel upload', 'aria-label': 'Cancel upload',
                dataset: { testid: 'cancel' }, onclick: () => onCancel(asset.asset_id) }, '×'));
        }
    } else if (asset.stage === 'processing') {
        if (asset.kind === 'file') {
            parts.push(fileCard(asset, false));
        }
        parts.push(spinner('Processing…'));
    } else if (asset.stage === 'thumbnail_ready' || asset.stage === 'transcoding') {
        if (asset.kind === 'video') {
            parts.push(asset.stage === 'transcoding'
                ? badge(`Converting ${asset.progress ?? 0}%`, 'processing')
                : badge('Processing…', 'processing'));
        } else if (asset.kind === 'file' || !asset.url) {
            parts.push(spinner('Processing…'));
        }
    } else if (asset.stage === 'ready') {
        if (asset.kind === 'video' && (asset.playback_url || asset.download_url)) {
            parts.push(el('button', { type: 'button', className: 'play', title: 'Play', 'aria-label': 'Play video',
                dataset: { testid: 'play' }, onclick: () => playVideo(cell, asset) }));
            if (asset.duration) {
                parts.push(badge(formatDuration(asset.duration), 'duration'));
            }
        } else if (asset.kind === 'file' || !asset.url) {
            parts.push(fileCard(asset, true));
        }
    } else if (ENDED[asset.stage]) {
        parts.push(el('div', { className: 'ended', dataset: { testid: asset.stage } }, ENDED[asset.stage],
            asset.error ? el('small', {}, asset.error) : null));
    }
    return parts;
}

/** Draws `asset` into `cell`, leaving a playing video alone. */
export function paintCell(cell, asset, context) {
    const localUrl = context.localUrl(asset.asset_id);
    const cancellable = context.isUploading(asset.asset_id);
    const previous = cell.painted;
    if (previous && previous.asset === asset && previous.localUrl === localUrl && previous.cancellable === cancellable) {
        return;
    }
    cell.painted = { asset, localUrl, cancellable };
    Object.assign(cell.dataset, { testid: 'cell', assetId: String(asset.asset_id), stage: asset.stage,
        kind: asset.kind, loading: String(asset.loading) });
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
    overlay.replaceChildren(...overlayOf(cell, asset, { cancellable, onCancel: context.onCancel }));
}
