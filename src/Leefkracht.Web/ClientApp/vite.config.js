import { defineConfig } from 'vite';

/**
 * Adds `<link rel="modulepreload">` (and the stylesheet) of the map page's chunk and the chunks it imports (Leaflet) to
 * index.html: the browser fetches them beside the entry script instead of after it has run, for the map is the page
 * most visits open first (docs/benchmarks.md, "Map: highlight, public zoom animation, requests at once"). The other
 * pages still load their code on demand.
 * @returns {import('vite').Plugin}
 */
function preloadMapPage() {
  return {
    name: 'preload-map-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle ?? {};
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const page = chunks.find((c) => c.facadeModuleId?.endsWith('/src/pages/map.js'));
        if (!page) throw new Error('preload-map-page: no chunk of src/pages/map.js in the bundle');
        const entry = chunks.find((c) => c.isEntry);
        const shared = new Set(entry ? [entry.fileName, ...entry.imports] : []);
        const files = [page.fileName, ...page.imports].filter((f) => !shared.has(f));
        const entryCss = new Set(entry?.viteMetadata?.importedCss ?? []);
        const styles = new Set([page, ...chunks.filter((c) => page.imports.includes(c.fileName))].flatMap((c) => [...(c.viteMetadata?.importedCss ?? [])]).filter((f) => !entryCss.has(f)));
        // Styles as a preload, not a stylesheet: a stylesheet in the head would hold back the shell of every page.
        return [
          ...files.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` }, injectTo: /** @type {const} */ ('head') })),
          ...[...styles].map((f) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${f}` }, injectTo: /** @type {const} */ ('head') })),
        ];
      },
    },
  };
}

// The bundle is served by Leefkracht.Web from the build output (dashboard/); file names carry a content hash.
export default defineConfig({
  plugins: [preloadMapPage()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
});
