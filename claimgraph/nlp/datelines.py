"""The dateline patterns. `DATELINE`, a date and a publisher ("Jan. 24, 2017 (EIRNS)—"), is shared by the text reader
(ingest/text.py: the publisher and date it names) and the line-break boundary step (nlp/boundaries.py: the first
sentence of the body starts after it). `PLACE_DATELINE`, a place and maybe an agency ("WASHINGTON (AP) —"), by the
attribution rules: it is no source (attribution/found.py) and no part of a content (reported/common.py). No spaCy
here, so that readers import it without loading a parser."""

from __future__ import annotations

import re

# "Jan. 24, 2017 (EIRNS)—", "March 3, 2021 (Harbor Wire) --", "PORT ELLIS, Oct. 2 (Tidewater Daily) -"
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'-]+,\s+)?(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)"
    r"\s*\((?P<pub>[^)\n]{2,60})\)\s*(?:—|–|--|-)\s*"
)

# A dateline opening a paragraph: "WASHINGTON (AP) —", "LONDON (Reuters) -", "Port Ellis (AFP) –", "MYRTLE
# COVE, S.C. —": a place in capitals, or any place with an agency in brackets, then a dash.
PLACE_DATELINE = re.compile(r"(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?"
                            r"(?: ?\([^)\n]{1,40}\))?"
                            r"|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*,?(?: [A-Z][\w.]*)? ?\([^)\n]{1,40}\))"
                            r"[ \t]*[—–-]+[ \t]*")
