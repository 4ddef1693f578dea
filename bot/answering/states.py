"""US states named in a question and in the passages quoted for it.

Licensure rules are state by state: quoting California's 50 hours to a member who asked about Texas answers a
question nobody asked, with a number that is wrong for them. The extractive path uses this to decline instead.
"""

from __future__ import annotations

import re

_STATES = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
    "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
)  # fmt: skip
# Postal codes that are not also words or titles members type ("OK", "IN", "OR", "ME", "MD", "PA" are left out),
# matched in capitals only.
_CODES = {
    "TX": "Texas", "CA": "California", "FL": "Florida", "NY": "New York", "NJ": "New Jersey", "OH": "Ohio",
    "GA": "Georgia", "NC": "North Carolina", "VA": "Virginia", "WA": "Washington", "AZ": "Arizona",
    "TN": "Tennessee", "MI": "Michigan", "MN": "Minnesota", "WI": "Wisconsin", "KY": "Kentucky",
    "SC": "South Carolina", "CT": "Connecticut", "UT": "Utah", "NV": "Nevada", "NM": "New Mexico",
    "WV": "West Virginia", "NH": "New Hampshire", "RI": "Rhode Island", "VT": "Vermont", "WY": "Wyoming",
    "AK": "Alaska", "IA": "Iowa", "KS": "Kansas", "AR": "Arkansas", "SD": "South Dakota", "ND": "North Dakota",
}  # fmt: skip
# "West Virginia" must not also read as "Virginia", nor "Washington, DC" as the state: longest names first, and a
# name counts once where it stands.
_NAMES = re.compile(
    r"\b(" + "|".join(sorted(_STATES, key=len, reverse=True)) + r")\b(?!,?\s*D\.?C\.?\b)", re.IGNORECASE
)
_CODE = re.compile(r"\b(" + "|".join(_CODES) + r")\b")


def states_named(text: str) -> set[str]:
    """The states a text names, by name (any case) or by an unambiguous postal code (capitals)."""
    named = {match.group(1).title() for match in _NAMES.finditer(text)}
    named |= {_CODES[match.group(1)] for match in _CODE.finditer(text)}
    return named


def other_state_only(question: str, passages: list[str]) -> str | None:
    """The state the question asks about when the passages name other states and never that one, else None."""
    asked = states_named(question)
    if len(asked) != 1:
        return None
    quoted = set().union(*(states_named(text) for text in passages)) if passages else set()
    (state,) = asked
    return state if quoted and state not in quoted else None
