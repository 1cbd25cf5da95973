"""The headless engine: loading, cleaning, pairing, attribution, facts, notes.

Nothing under `tui.engine` may import Textual (an import contract enforces it); the reader
in `tui.ui` is a thin shell over these results.
"""
