"""The store: SQLite by default (a file in the working folder), PostgreSQL by URL; one schema, Alembic migrations."""

from claimgraph.store.sql import Store, database_url

DEFAULT_DB = "claimgraph.db"

__all__ = ["DEFAULT_DB", "Store", "database_url"]
