"""Reader widgets: each renders engine results as plain Text."""
