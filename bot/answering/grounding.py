"""Is a written answer grounded in its sources? Every number (dates, durations, credit amounts, standard and
criterion numbers) and every quoted wording must appear in a cited passage or card.

Used on LLM answers before they are posted (the bot falls back to the extractive answer when one is not grounded)
and on answer cards by their validation test: one definition of "the sources say so" for both."""

from __future__ import annotations

import re

_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15", "twenty": "20", "thirty": "30",
    "sixty": "60",
}  # fmt: skip
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)*)")
_QUOTED = re.compile(r"[\"“]([^\"”]{12,})[\"”]")
_CITATION = re.compile(r"\[\d+\]")


def normalised(text: str) -> str:
    text = text.replace("™", "").replace("®", "").replace("’", "'").replace("‘", "'")
    text = text.replace("–", "-").replace("—", "-").replace("“", '"').replace("”", '"')
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.lower().split())


def _canonical(number: str) -> str:
    number = number.rstrip(".,").replace(",", "")
    if "." in number:
        number = number.rstrip("0").rstrip(".")
    return number


def numbers_in(text: str, words: bool = False) -> set[str]:
    """Numbers in a text, canonical ("2.0" and "2" are one number); with words, "seven" counts as 7 too."""
    found = {_canonical(m.group(1)) for m in _NUMBER.finditer(_CITATION.sub(" ", text))}
    if words:
        found |= {_NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _NUMBER_WORDS}
    return {n for n in found if n}


def quotes_in(text: str) -> list[str]:
    return [" ".join(q.split()) for q in _QUOTED.findall(text)]


def ungrounded(text: str, evidence: list[str]) -> list[str]:
    """What in `text` no evidence text supports; an empty list means grounded."""
    joined = normalised("\n".join(evidence))
    known = numbers_in(joined, words=True)
    problems = [f"the number {n} is in no cited source" for n in sorted(numbers_in(text)) if n not in known]
    problems += [
        f"the quoted wording {q[:60]!r} is in no cited source" for q in quotes_in(text) if normalised(q) not in joined
    ]
    return problems
