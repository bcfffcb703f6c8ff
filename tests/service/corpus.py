"""A generated corpus of fictional wire stories: enough articles for a subprocess to be killed in the middle of
its work, with statements that recur across articles so that claims group them."""

from __future__ import annotations

import random
from pathlib import Path

SPEAKERS = [("Mara Vell", "the mayor of Eskerby"), ("Tomas Reyes", "a spokesman for the Harbor Authority"),
            ("Ines Duarte", "the chair of the Tidewater Council"), ("Jonas Pell", "a ferry captain")]
CLAIMS = ["the Eskerby ferry will resume service in May",
          "the north pier is safe for passengers",
          "the harbor dredging will cost four million crowns",
          "the bridge tolls will not rise this year"]
TOWNS = ["Eskerby", "Lundholm", "Tidewater", "Marrow Point", "Kelby", "Ostrand"]
WORDS = ("quay tide gull rope hull keel mast net pier lamp salt reef buoy dock crane barge wharf cargo storm "
         "fog lantern harbour tower market bakery school chapel mill orchard meadow ridge valley creek").split()


def filler(i: int) -> str:
    """Sentences of their own for each story, so that near-duplicate detection keeps the stories apart."""
    rng = random.Random(i)
    return "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "." for _ in range(4))


def story(i: int) -> str:
    name, role = SPEAKERS[i % len(SPEAKERS)]
    other, other_role = SPEAKERS[(i + 1) % len(SPEAKERS)]
    claim, denied = CLAIMS[i % len(CLAIMS)], CLAIMS[(i + 2) % len(CLAIMS)]
    town = TOWNS[i % len(TOWNS)]
    return (f"Harbor news from {town}, report number {i}\n\n"
            f"{name}, {role}, said on Tuesday that {claim}.\n\n"
            f"\"We have checked every figure twice,\" {name} told reporters in {town} after meeting {i}.\n\n"
            f"{other}, {other_role}, denied that {denied}.\n\n"
            f"According to {other}, the council will publish its own figures for {town} next week.\n\n"
            f"Residents of {town} gathered at the quay for the {i}th time this season.\n\n{filler(i)}\n")


def write_corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"story-{i:03d}.txt").write_text(story(i), encoding="utf-8")
    return folder
