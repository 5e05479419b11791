"""Defence in depth for the built site: the Content-Security-Policy every page carries."""
