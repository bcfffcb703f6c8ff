"""Write claimgraph/data/first_names.tsv, the first-name lexicon of speaker typing, from Faker's person providers.

Run once when the lexicon should change (`pip install faker`, then `python scripts/make_first_names.py`); the
package ships the file, so neither Faker nor this script is needed at run time. Faker is MIT-licensed; the
file keeps only names in Latin script and, for each, the gender where Faker lists the name for one only.
"""
from __future__ import annotations

import importlib
import re
from pathlib import Path

from faker.config import AVAILABLE_LOCALES

OUT = Path(__file__).resolve().parent.parent / "claimgraph" / "data" / "first_names.tsv"
NAME_WORD = re.compile(r"^[A-Z][a-zà-öø-ÿ'’-]+$")   # the shape speaker_types.NAME_WORD accepts
LISTS = {"first_names": "", "first_names_male": "m", "first_names_female": "f", "first_names_nonbinary": ""}


def main() -> None:
    genders: dict[str, set[str]] = {}
    providers = sorted({locale for locale in AVAILABLE_LOCALES})
    for locale in providers:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ModuleNotFoundError:
            continue
        for attribute, gender in LISTS.items():
            names = getattr(provider, attribute, ())
            if not isinstance(names, (tuple, list, dict)):   # some locales derive a list in a property
                continue
            for name in names:                                 # a tuple, or a dict of name -> weight
                if isinstance(name, str) and NAME_WORD.match(name):
                    genders.setdefault(name, set()).add(gender)
    rows = []
    for name in sorted(genders):
        known = genders[name] - {""}
        rows.append(f"{name}\t{next(iter(known)) if len(known) == 1 else ''}")
    OUT.write_text("# first name<TAB>m|f|(either): from Faker's person providers (MIT licence), "
                   "scripts/make_first_names.py\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} names")


if __name__ == "__main__":
    main()
