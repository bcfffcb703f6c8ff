"""The PostgreSQL server fixtures of tests/store, for the service tests that run against both databases."""

from tests.store.conftest import fresh_postgres_url, postgres_url  # noqa: F401 - fixtures, used by name
