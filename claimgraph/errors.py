"""Errors with a clear message naming the input; one module so that messages stay consistent."""


class ClaimgraphError(Exception):
    """Base of every error claimgraph raises on purpose."""


class InputError(ClaimgraphError):
    """One input (file, URL, record) could not be read; the rest of the batch goes on."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelError(ClaimgraphError):
    """A language pipeline or a trained model could not be loaded."""


class StoreError(ClaimgraphError):
    """The database could not be opened or written (locked, gone, not a database)."""


class ExtractionTimeout(ClaimgraphError):
    """One article's extraction ran past its deadline (`--article-timeout`); the batch goes on without it."""
