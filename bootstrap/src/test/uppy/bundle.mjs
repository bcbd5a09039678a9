// Bundles entry.mjs (Uppy from node_modules) into one ES module a page can import: uppy.mjs beside this file.
import { build } from 'esbuild';

await build({ entryPoints: ['entry.mjs'], bundle: true, format: 'esm', target: 'es2022', outfile: 'uppy.mjs',
    logLevel: 'warning' });
