"""The PDF edition (issue 12): print the built site's print page to A4 with Chromium, and read the
result back (text, fonts, outline, page sizes) for the smoke test and the benchmark."""
