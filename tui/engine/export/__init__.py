"""The exports: what the engine found, written out.

`jsondoc` streams the JSON document (schema `reconcile.export/4`), `report` the Markdown
and HTML reports, `w3c` the notes as W3C Web Annotations; `worddiff` marks the words two
versions do not share (for `--diffs` and the reader's panes).
"""
