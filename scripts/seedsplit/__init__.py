"""Split a flat dump of interview answers into topic pages (see scripts/split_seed.py)."""
