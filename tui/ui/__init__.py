"""The Textual reader: a thin shell over `tui.engine` results."""
