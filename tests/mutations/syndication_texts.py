"""Fictional stories for the syndication threshold tests (made-up towns, people and outlets)."""

# A statement both stories quote in full: the passage two different stories share.
STATEMENT = (
    "\"The Quorrin river crossing has been closed for inspection after engineers found cracks in two of its "
    "supporting piers,\" the Veldoria harbour board said in a statement on Monday. \"Ferries will run every hour "
    "between the north quay and Pemberly Cross until the inspection is complete, and tickets will be free for "
    "residents who show a travel card.\""
)

STORY_A = (
    "Traffic backed up for three kilometres on the coast road on Monday morning as drivers discovered that the "
    "bridge was shut. " + STATEMENT + " The board's chairman, Tova Brenn, told the Veldoria Courier that the cracks "
    "were found during a routine survey and that nobody had been hurt."
)

STORY_B = (
    "Fishermen in Pemberly Cross say the extra ferries will crowd a harbour that is already too small for the "
    "autumn fleet. " + STATEMENT + " Ilan Moss, who has skippered a trawler from the harbour for thirty years, said "
    "the hourly crossings would leave his crew waiting at the mouth of the bay every evening."
)

# STORY_A as another site runs it: a byline, two small wording changes, a footer.
LIGHT_COPY_A = (
    "By Lio Marrant, Coastline Wire\n\n"
    + STORY_A.replace("for three kilometres", "for three full kilometres")
    .replace("that nobody had been hurt", "that no one had been hurt")
    + "\n\nMore stories from the Coastline Wire on our website."
)
