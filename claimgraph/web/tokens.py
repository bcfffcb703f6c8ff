"""API tokens: `cg_<id>_<secret>`. Only a SHA-256 of the secret is stored; checks compare in constant time.

Plain Python (no web framework), so that `claimgraph token create` needs none of the `[web]` extra.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from claimgraph.store import corrections as stored
from claimgraph.store.sql import Store

_FORMAT = re.compile(r"^cg_([0-9a-f]{12})_([A-Za-z0-9_-]{20,128})$")


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str) -> str:
    """A new token for `name`; the only time its secret is seen (store it like a password)."""
    token_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    stored.add_token(store, token_id, name, _digest(secret))
    return f"cg_{token_id}_{secret}"


def verify_token(store: Store, token: str | None) -> str | None:
    """The token's name when it is valid and not revoked, else None."""
    match = _FORMAT.match((token or "").strip())
    if not match:
        return None
    record = stored.token_record(store, match.group(1))
    if record is None:
        return None
    if hmac.compare_digest(_digest(match.group(2)), record["secret_hash"]):
        return record["name"]
    return None
