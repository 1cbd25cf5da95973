"""reconcile: a terminal reader for comparing competing accounts of one event.

The package root stays import-light on purpose: the CLI's export path and the
engine must not pay for Textual.
"""

__version__ = "0.1.0"
