"""The dateline pattern, shared by the text reader (ingest/text.py: the publisher and date it names) and the
line-break boundary step (nlp/boundaries.py: the first sentence of the body starts after it). No spaCy here, so
that readers import it without loading a parser."""

from __future__ import annotations

import re

# "Jan. 24, 2017 (EIRNS)—", "March 3, 2021 (Harbor Wire) --", "PORT ELLIS, Oct. 2 (Tidewater Daily) -"
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'-]+,\s+)?(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)"
    r"\s*\((?P<pub>[^)\n]{2,60})\)\s*(?:—|–|--|-)\s*"
)
