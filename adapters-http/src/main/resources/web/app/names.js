// What each control and picture is called, for people who hear the page rather than see it.
import { KIND_NOUNS } from '../mosaic-client.js';

const capitalised = (word) => word.charAt(0).toUpperCase() + word.slice(1);

/** The picture's text: the item's own alt text when it has one, else its kind and name ("Photo beach.jpg"). */
export function altText(asset) {
    if (typeof asset.alt_text === 'string' && asset.alt_text.trim()) {
        return asset.alt_text.trim();
    }
    const [noun] = KIND_NOUNS[asset.kind] || KIND_NOUNS.file;
    return `${capitalised(noun)} ${asset.file_name || ''}`.trim();
}

export const playName = (asset) => `Play ${asset.file_name}`;
export const retryName = (asset) => `Retry ${asset.file_name}: pick another file`;
/** A cell's name: the item's alt text, else its kind and name, with its caption after it. */
export const cellName = (asset) => (asset.caption ? `${altText(asset)}: ${asset.caption}` : altText(asset));
export const cancelName = (asset) => `Cancel the upload of ${asset.file_name}`;
export const uploadingName = (asset) => `Uploading ${asset.file_name}`;
export const convertingName = (asset) => `Converting ${asset.file_name}`;
export const openName = (asset) => `${altText(asset)}, full size (opens in a new tab)`;
