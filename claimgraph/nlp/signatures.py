"""The signature of an embedded post ("— Ilse Marr (@imarr) May 2, 2016" below the post's words), shared by the HTML
reader (ingest/html.py: an embed's lines stay one block above it), the speakers (speakers/names.py: a display name in
lower case is the signer's whole name) and the statements a page introduces by its layout (reported/introduced.py:
the post is its signer's). One definition, so that the three agree on what a signature is; no spaCy here, so that
readers import it without loading a parser (as nlp/datelines.py)."""

from __future__ import annotations

import re

# The dashes that open a signature: Twitter's embed code writes "&mdash;"; some pages an en dash.
SIGNATURE_DASHES = ("—", "–")
_DASH_CLASS = "[" + "".join(SIGNATURE_DASHES) + "]"
# An account's handle in brackets, as the embed writes it after the display name (handles are at most 15 characters).
_HANDLE = r"\((?P<handle>@\w{1,15})\)"
# The handle right after a display name.
SIGNED_HANDLE = re.compile(r"[ \t]*" + _HANDLE)
# "— Ilse Marr (@imarr) May 2, 2016", "— Harbor Gazette (@hgazette) May 2, 2016": the dash, the author's name as the
# page shows it (or none; it holds no dash, bracket or line break), the handle and the date.
SIGNATURE = re.compile(
    r"(?P<dash>" + _DASH_CLASS + r")[ \t]?(?P<name>[^\n()<>" + "".join(SIGNATURE_DASHES) + r"]{0,60}?)[ \t]*"
    + _HANDLE + r"[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4}"
)
