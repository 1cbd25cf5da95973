"""Claims: who asserts each sentence (attribution) and for which side (sides)."""
