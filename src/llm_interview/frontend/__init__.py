"""What the browser loads: our scripts bundled by esbuild, KaTeX, and page-shell fixes."""
