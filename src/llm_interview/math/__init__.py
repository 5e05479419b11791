"""Formulas rendered at build time: KaTeX to MathML, so no page ships a math typesetting script."""
