/**
 * tldts's own minified ES module: the same API as `tldts`. Our bundler would inline the list's
 * 69 kB label string once per use when it bundles tldts's unminified modules (three copies,
 * +117 kB gzip for the options page); the package's minified build keeps it once (+50 kB).
 */
declare module 'tldts/dist/index.esm.min.js' {
  export * from 'tldts';
}
