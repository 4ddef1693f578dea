from __future__ import annotations

from decimal import Decimal

import pytest

from bot.flows.credits import calculate, credits_for_minutes
from bot.flows.timeparse import InputError, parse_agenda, parse_duration

BREAKS = ["break", "lunch", "coffee", "exhibit"]


@pytest.mark.parametrize(
    ("minutes", "credits"),
    [(60, "1"), (90, "1.5"), (65, "1"), (67, "1"), (68, "1.25"), (74, "1.25"), (14, "0"), (15, "0.25"), (450, "7.5")],
)
def test_quarter_credit_steps_round_to_the_nearest_quarter_hour(minutes: int, credits: str) -> None:
    assert credits_for_minutes(minutes) == Decimal(credits)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("90", 90),
        ("90 min", 90),
        ("1h30", 90),
        ("1 h 30 min", 90),
        ("1:30", 90),
        ("1.5h", 90),
        ("2 hours", 120),
        ("９０", 90),
        ("0", 0),
    ],
)
def test_durations_as_people_type_them(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "can't read"),
        ("-30", "negative"),
        ("25h", "longer than a day"),
        ("1500", "longer than a day"),
        ("1h75", "below 60"),
        ("", "Enter a duration"),
        ("🙂", "can't read"),
    ],
)
def test_bad_durations_get_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_duration(text)


def test_grand_rounds_example_from_the_knowledge_base() -> None:
    # 75-minute grand rounds with a 10-minute break: 65 minutes -> 1.0 credit (not 1.25).
    result = calculate(estimated="75 min", breaks="10")
    assert (result.minutes, result.display) == (65, "1.0")


def test_conference_day_agenda_excludes_lunch_and_breaks() -> None:
    agenda = "\n".join(
        [
            "08:00-10:00 Morning plenary",
            "10:00-10:15 Coffee break",
            "10:15-12:30 Workshops",
            "12:30-13:30 Lunch and exhibits",
            "13:30-15:00 Cases",
            "15:00-15:15 Break",
            "15:15-17:00 Panel",
        ]
    )
    result = calculate(agenda=agenda, non_educational=BREAKS)
    assert result.minutes == 7 * 60 + 30
    assert result.display == "7.5"
    assert [s.educational for s in result.sessions] == [True, False, True, False, True, False, True]


def test_parallel_sessions_count_once_and_breaks_inside_sessions_come_out() -> None:
    agenda = "9:00-10:00 Track A\n9:00-10:00 Track B\n10:00-11:30 Plenary\n10:30-10:45 Break"
    assert calculate(agenda=agenda, non_educational=BREAKS).minutes == 60 + 75


def test_agenda_accepts_am_pm_and_dashes() -> None:
    sessions = parse_agenda("• 1:00 pm – 2:15 pm Keynote", BREAKS)
    assert (sessions[0].start, sessions[0].end, sessions[0].title) == (13 * 60, 14 * 60 + 15, "Keynote")


@pytest.mark.parametrize(
    ("agenda", "message"),
    [
        ("10:00-09:00 Backwards", "ends before it starts"),
        ("morning session", "can't find a time range"),
        ("25:00-26:00 Night", "not a time of day"),
        ("08:00-09:00 OK\nabc", "Line 2"),
    ],
)
def test_bad_agendas_name_the_line(agenda: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_agenda(agenda, BREAKS)


def test_breaks_cannot_swallow_all_the_time() -> None:
    with pytest.raises(InputError, match="no educational time"):
        calculate(estimated="30", breaks="30")
    with pytest.raises(InputError, match="agenda or an estimated time"):
        calculate()
