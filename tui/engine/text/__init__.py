"""The text stage: files to a corpus of clean, sentence-split articles.

In the order data flows: `loading` reads a folder (`pages` extracts saved web pages,
`casefile` reads `reconcile.toml`), `cleaning` drops page furniture with a reason for each
piece (`furniture` tells it by shape and place, `repetition` by repeating itself,
`boilerplate` and `lexicons` hold the word lists), `sentences` splits paragraphs, and
`textnorm` is the one text pipeline (normalising, tokens, stems) that pairing and facts share.
`preview` picks the articles the reader shows first in a large folder.
"""
