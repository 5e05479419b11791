"""Editorial layer: corrections (勘误), related questions, glossary and tooltips."""
