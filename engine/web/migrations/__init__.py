"""Alembic migrations of the web store, shipped in the package and applied by `chitieu serve` at start-up."""
