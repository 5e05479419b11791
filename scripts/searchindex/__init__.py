"""The site's search index: what each question contributes, read from its rendered page."""
