"""The page model: reading pages, front matter, layout, questions, ids and typography rules."""
