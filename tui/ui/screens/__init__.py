"""Reader screens: disputes (default), compare, source, help, search, and the dialogs (notes, sides, rename)."""
