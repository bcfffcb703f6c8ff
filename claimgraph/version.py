"""Versions: of the package, and of the extractor whose output stored results carry."""

__version__ = "0.1.0"
# Bump when extraction output can change (rules, lexicon, the shipped tagger): stored attributions carry it, and
# `claimgraph reextract` redoes articles extracted by another version.
# 0.6.0 (issue 9 round 9, issue 12): signed quotations, "praise for", contents cut before a trailing "according to";
# the tagger gate speechfirm; each attribution's predicates recorded (rows of 0.5.0 and before have none: linking
# parses them, `reextract` records them).
# 0.7.0 (issue 9 round 11, issue 12): six writer's-voice shapes refused, "as reported by X", "According to X:" over
# the paragraph below, non-person sources as speakers, names keep inner capitals; what a fragment predicates.
# 0.7.1 (issue 9): an embedded post of several lines is one statement (the HTML reader keeps its lines together), a
# lower-case signer is named whole; no role from a signature's date or hashtag or a courtesy title, a body's kind
# beside a name makes it that body; two inputs that raised (a source or a subject of punctuation alone) read.
# 0.7.2 (issue 9): contents read on unseen news: a trailing frame ("…, the Courier reports.") reports the sentence
# before it, no dangling and/but/or, a dateline or the source's own words not in a content, phone calls and plans
# with nothing said refused; recall on PolNeAR (nominal "the defense has been that …", verdicts on a name); roles,
# affiliations, names and types as a reader would give them (the outlet list, role words, caption labels); a
# quotation in single marks (British copy) is a direct quote.
# 0.7.3 (issue 9): quotations nobody was given as saying (single marks read by the quote steps, a quotation after a
# reported statement or before "X continued," goes on with its speaker, a noun frame "her reaction:"); evidentials in
# relative clauses without the relative word, assaults and death tolls no side or claim; an "according to" phrase
# that opens a conjunct reports that conjunct; names, types, roles and affiliations (owners' possessives, groups'
# fighters, "the King", sources "close to" a body, a family's spokesperson, no place as an affiliation).
# 0.7.4 (issue 9): quotations after a colon that ends a reported clause, after "read"/"begin", a second quoted
# predicate, a quotation going on past label lines; "X quoted Y as saying" gives Y (X as via); an infinitive hung on
# a thing has no thing as its speaker; a listener, an occasion ("during …") and "how excited X seems" out of
# contents; the tagger's indirect additions on a rule find's cue must open their clause; an organisation list
# (armed groups, international bodies), kinship words no role, "they" an outlet, titles inside a body's name; "al-"
# kept in a name, an unnamed member's body as affiliation, no praise in a role; a second verb of thinking and a list
# of bare verbs kept in a content.
# 0.7.5: a writer's note line is prose; a short title's stop and a quoted name end no cue search; a statement issued
# above a quotation is its frame; photo captions are no transcript; contents run over a list of clauses and keep a
# trailing apposition; owned pledges, "reported by X" passives and "voiced" found; pronouns, "the WHO", "the abbess"
# resolved where one antecedent fits, an expletive "it" no source; places typed organization; a title's "of" and a
# role's modifiers kept; a conjunction no source, a mention cut at a hyphen or a short title made whole.
# 0.7.6: "it seems/appears that …" reports its clause (no source); an owned "call for X" and "called for V-ing" are
# demands; "expressed concern." is a statement; a trailing participle ends a content past a closing quotation mark,
# and so does a summing-up phrase read as one more object; all-caps labels are a transcript only where most end as
# talk, a fact check's verdicts are the writer's; a quotation right after "saying"/"adding"/"stated" is that cue's;
# a programme's name in marks ends no cue search; one list of place words; a user name after "user"/"Redditor",
# "those of X, which said", "it" for an unnamed body that just spoke, "another" one more of the kind just quoted;
# a name in apposition after a description is the speaker, a clip or thing named as subject ("Video shows") an
# anonymous description; a caption's one-word label no speaker line; "according to" contents stop at a participle.
# 0.7.7: speech acts with a phrase for content ("apologized for X", "laid out her plan", "echoed the criticism"); a
# that-clause keeps its "that" in every find; what seems so or is expected passes the statement bounds; the six
# older finds keep a closing quotation mark; "the company" / "the paper" the one body of that kind just named; an
# honorific's gender before the first-name list; "the congressman" the representative named earlier; "the statement",
# "the letter", "the report" the one author named with that document, else an anonymous description.
# 0.7.8: a participle aside after the cue ("said, citing X, that …") opens no content, an "according to" content
# drops its paragraph's dateline, a quotation closed twice (straight, then curly) is one quotation, a participle
# between dashes is an aside; joined modifiers stay in a speaker ("current and former officials"), a pronoun joined
# to names is the pronoun, "is believed to" with nobody named is nobody's; a role a description gives is kept on the
# person, compound titles whole, "the Ohio senator" the holder tied to Ohio; documents' authors behind an agent, an
# outlet's report, no author for a look-alike; a possessor's family or rep is not the possessor, he/she never a
# one-word name nothing shows to be a person; the tagger gate speechmarks (quoted additions that are no quotation
# refused).
EXTRACTOR_VERSION = "0.7.8"
