"""What the browser loads: our scripts bundled by esbuild, and page-shell fixes."""
