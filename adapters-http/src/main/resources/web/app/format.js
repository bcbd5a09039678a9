// Small display helpers for the demo page. Sizes are formatSize's (mosaic-client.js), the same units the
// limits are told in, so "60 MB" on a chip and in its refusal agree.

export function formatDuration(seconds) {
    if (!Number.isFinite(seconds)) {
        return '';
    }
    const whole = Math.round(seconds);
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export function formatTime(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** Creates an element: `el('div', { className: 'x', dataset: { a: 1 } }, child, 'text')`. */
export function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) {
        if (value === undefined || value === null) {
            continue;
        }
        if (name === 'dataset') {
            Object.assign(node.dataset, value);
        } else if (name === 'style') {
            for (const [property, setting] of Object.entries(value)) {
                if (property.startsWith('--')) {
                    node.style.setProperty(property, setting);
                } else {
                    node.style[property] = setting;
                }
            }
        } else if (name.startsWith('on')) {
            node.addEventListener(name.slice(2), value);
        } else if (name in node) {
            node[name] = value;
        } else {
            node.setAttribute(name, value);
        }
    }
    node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
    return node;
}
