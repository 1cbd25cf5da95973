"""Reader screens: disputes (default), compare, source, help, search."""
