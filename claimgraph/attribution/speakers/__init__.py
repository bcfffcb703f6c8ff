"""Speakers inside one article: from a source mention to an identity with type, role and affiliation.

"White House press secretary Sean Spicer" gives the person Sean Spicer, role "press secretary", affiliation
"White House"; later "Spicer" and "He" resolve to him, "the ministry" to the Russian Defense Ministry named
earlier, "the statement" to the one author named with it ("the ministry said in a statement"), "other officials" to
an anonymous source.
Across articles the store merges identities on the normalised full name, whatever its type
(`claimgraph.speaker_merge`), never on a surname alone.

The modules, each deciding one thing:
- article.py   `resolve_speakers`: every Found of one Doc to its identity, in text order
- resolver.py  `SpeakerResolver`: one mention to an identity, by the steps below tried in order
- memory.py    `ArticleMemory`: who the article has named so far, and the lookups the steps make in it
- anaphora.py  pronouns, relatives ("who", "which"), quantifiers ("some", "others"), a post's lower-case signer
- descriptions.py  a mention without a name ("the mayor", "the ministry", "the abbess") to one named, or anonymous
- documents.py "the statement", "the letter", "the report" to the one author the article names with it
- persons.py   a name to a person with role and affiliation, or to a body; an affiliation that names a body
- mentions.py  which words of a mention name the speaker (`core_tokens`), which mentions name nobody
- nearby.py    what the sentences just before a mention offer (a group just described, names "he" skips)
- names.py     outlets (`outlet_names`), company suffixes, first names' gender, names in capitals, handles, signers
- roles.py     roles and titles before or beside a name (a name split from its title), portfolios, abbreviations
- implied.py   sources a reader reads where the rules found none ("was quoted as saying", fragments)
- writer.py    the writer's own voice (`WRITER`): "I"/"we" outside quotes, "This suggests …", "is expected to"
- byline.py    `with_byline`: the writer's statements to the byline's one person
"""

from claimgraph.attribution.speakers.article import resolve_speakers
from claimgraph.attribution.speakers.byline import with_byline
from claimgraph.attribution.speakers.mentions import core_tokens
from claimgraph.attribution.speakers.names import outlet_names
from claimgraph.attribution.speakers.resolver import SpeakerResolver

__all__ = ["SpeakerResolver", "core_tokens", "outlet_names", "resolve_speakers", "with_byline"]
