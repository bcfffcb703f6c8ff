"""Running the store's alembic migrations up to a given revision, to build a database as an older version left it."""

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from claimgraph.store.sql import MIGRATIONS


def upgrade_to(engine: sa.Engine, revision: str) -> None:
    """Migrate the database behind `engine` up to `revision` (e.g. "0004") and no further."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
