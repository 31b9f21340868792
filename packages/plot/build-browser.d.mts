/** Builds `dist/browser/dashboard.js` and `dashboard.css` (or into `outDir`); resolves to the output directory. */
export function buildBrowserBundle(options?: { outDir?: string; minify?: boolean }): Promise<string>;
