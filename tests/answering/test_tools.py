"""The calculation and statement tools the answer engine tries before retrieval."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.answering.tools import Citation, ToolAnswer, answer_with_tools, detect, sources
from bot.answering.tools import credit as credit_tool
from bot.answering.tools import lookback as lookback_tool
from bot.answering.tools.dates import find_periods
from bot.answering.tools.sources import find_heading, plain, section_text, sections
from bot.answering.tools.statements import TEMPLATES, Template
from bot.flows.credits import tally
from bot.flows.timeparse import find_times, parse_duration

TODAY = date(2026, 11, 30)


def ask(question: str) -> ToolAnswer:
    answer = answer_with_tools(question, TODAY)
    assert answer is not None, question
    if answer.tool != "statement":  # a statement is as long as its official wording
        assert words(answer.text) <= 110, answer.text
    assert_cites_existing_sections(answer)
    return answer


def words(text: str) -> int:
    return len(text.split())


def assert_cites_existing_sections(answer: ToolAnswer) -> None:
    assert answer.citations
    for citation in answer.citations:
        assert isinstance(citation, Citation)
        assert citation.heading in sections(citation.doc), citation
        assert section_text(citation).strip(), citation


# --- intent --------------------------------------------------------------------------------------------------
NOT_REQUESTS = [
    # The organisation's grant is commercial support, not a person's relationship; the "list" is the attendee list.
    (
        "so the company that gave us the unrestricted grant for our fall diabetes update is now asking for the "
        "attendee list with names and emails. since they funded it, can we just send it over?"
    ),
    "how is credit calculated for journal CME?",
    "what is the 24-month lookback?",
    "do breaks count toward credit?",
    "what must an accreditation statement include?",
    "who can certify cat 1?",
    "How many credits is a manuscript review worth?",
    "Is there a minimum of 15 minutes for AMA credit?",
    "Does the lookback count from the activity date or the disclosure date?",
    "Do we need a joint providership statement on save-the-date cards?",
    "What's the difference between the accreditation statement and the designation statement?",
    "Why does the designation statement say maximum?",
    "Is 60 minutes equal to one credit?",
    "How many ECMECs per day can an event get?",
    "How do I convert ECMECs to AMA credit?",
    "What changed in the designation statement in 2017?",
    "When did the lookback change from 12 to 24 months?",
    "Do I need to disclose a relationship with a non-profit foundation?",
    "Can a 10-minute presentation be certified?",
    "How many contact hours is a 90 minute nursing session?",
    "What is an enduring material?",
    "How should we estimate the time for an enduring material?",
    "Do parallel sessions count twice toward credit?",
    "What's the italics rule for the credit name?",
    "Who needs to disclose financial relationships?",
    "Is the Joint Accreditation statement required on certificates?",
    "Which statement do state-accredited providers use?",
    "How many credits can faculty claim for teaching?",
    "Is there a 12-month lookback for stock options?",
    "hello",
    "",
]
REQUESTS = [
    ("our workshop is 9-12:30 with a 30 min break, how many credits", "credit"),
    ("2 h 20 min with a 20 min break, how many credits?", "credit"),
    ("How many CME credits for a 90 minute webinar?", "credit"),
    ("1.5 hours of grand rounds, how much credit?", "credit"),
    ("day 1 6.5 h, day 2 4 h, 1 h lunch each day - total credits?", "credit"),
    ("Conference 8:00 to 17:00 with a 60-minute lunch and two 15-minute breaks. Credits?", "credit"),
    ("I presented a 45 minute talk at a certified meeting, how many credits can I claim?", "credit"),
    ("learners take about 45 minutes to complete our podcast; how many credits?", "credit"),
    ("I earned 12 ECMECs in Vienna, how many AMA credits is that?", "credit"),
    ("How many Cat 1 credits for a 3 hour course with a 20 minute coffee break?", "credit"),
    ("What credit can we designate for an hour and a half session?", "credit"),
    ("I taught residents for 3 hours this month, how many credits?", "credit"),
    ("give me the joint providership statement for Mercy Hospital and the State Medical Society", "statement"),
    ("designation statement for a 2.5 credit enduring material", "statement"),
    ("Write the accreditation statement for St. Luke's Hospital", "statement"),
    ("What's the IPCE statement for 3 credits?", "statement"),
    ("I need the joint accreditation statement for Baylor Health", "statement"),
    ("Can you draft the designation statement for our 90 minute webinar?", "statement"),
    ("what is the joint providership statement?", "statement"),
    ("speaker consulted for Pfizer until June 2022, activity planning starts Jan 2025, disclose?", "lookback"),
    ("a consulting relationship that ended in mid-2021, our planning starts in spring 2025: disclose?", "lookback"),
    ("She sold her Medtronic shares 3 years ago, does she have to disclose?", "lookback"),
    (
        "Planner had an advisory board role with Novartis ending March 2024; we collect disclosures in January "
        "2026. Is it within the lookback?",
        "lookback",
    ),
    ("Our faculty still consults for Lilly, must it be disclosed for the May 2027 course?", "lookback"),
]


@pytest.mark.parametrize("question", NOT_REQUESTS)
def test_questions_about_rules_go_to_the_normal_answer_path(question: str) -> None:
    assert detect(question, TODAY) is None
    assert answer_with_tools(question, TODAY) is None


@pytest.mark.parametrize(("question", "tool"), REQUESTS)
def test_requests_reach_their_tool_with_a_short_cited_answer(question: str, tool: str) -> None:
    assert detect(question, TODAY) == tool
    answer = ask(question)
    assert answer.tool == tool
    assert not re.search(r"\[\d+\]", answer.text)  # the engine adds the source markers
    assert words(answer.text) <= 110, answer.text
    assert_cites_existing_sections(answer)


def test_there_are_at_least_forty_intent_cases() -> None:
    assert len(NOT_REQUESTS) + len(REQUESTS) >= 40


# --- credit --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "lead", "working"),
    [
        ("2 h 20 min with a 20 min break, how many credits?", "2 AMA PRA Category 1 Credits™", "120 ÷ 60 = 2"),
        ("our workshop is 9-12:30 with a 30 min break, how many credits", "3 AMA PRA", "9:00-12:30 (210 min)"),
        ("How many credits for a 90 minute webinar?", "1.5 AMA PRA Category 1 Credits™", "90 ÷ 60 = 1.5"),
        # The knowledge base's own worked examples.
        ("75-minute grand rounds with a 10-minute break: credits?", "1 AMA PRA Category 1 Credit™", "65 min"),
        (
            "conference day 8:00 to 17:00 with a 60-minute lunch and two 15-minute breaks, credits?",
            "7.5 AMA PRA",
            "2 × 15 min breaks",
        ),
        ("2hrs 20 with lunch (45 min), how many credits?", "1.5 AMA PRA", "95 min of education"),
        ("three 45-minute talks and a 15-minute break: how many CME credits?", "2.25 AMA PRA", "3 × 45 min"),
    ],
)
def test_live_credit_leads_with_the_result_and_shows_the_arithmetic(question: str, lead: str, working: str) -> None:
    answer = ask(question)
    assert answer.text.startswith(lead)
    assert working in answer.text
    assert answer.citations[0].heading == find_heading(*credit_tool.LIVE[0:1], *credit_tool.LIVE[1])


def test_a_break_inside_a_stated_total_is_an_assumption_the_answer_states() -> None:
    answer = ask("2 h 20 min with a 20 min break, how many credits?")
    assert any("inside the 2 h 20 min" in a for a in answer.assumptions)
    separate = ask("three 45-minute talks and a 15-minute break: how many CME credits?")
    assert any("between the sessions" in a for a in separate.assumptions)


def test_multi_day_agenda_takes_the_lunch_out_of_each_day() -> None:
    answer = ask("day 1 6.5 h, day 2 4 h, 1 h lunch each day: how many credits?")
    assert answer.text.startswith("8.5 AMA PRA Category 1 Credits™")
    assert "6.5 h (390 min) minus 1 h lunch = 330 min" in answer.text
    assert "4 h (240 min) minus 1 h lunch = 180 min" in answer.text


def test_multi_day_counted_per_day() -> None:
    answer = ask("a 2-day course, 7 hours per day with a 1 h lunch each day, how many credits?")
    assert answer.text.startswith("12 AMA PRA")


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # "two 15 min breaks" far into a message: the count belongs to its own breaks, not to what comes before.
        (
            "our conference runs 3 days, 8am-5pm each day with an hour lunch and two 15 min breaks each day. "
            "how many credits max?",
            "22.5 AMA PRA",
        ),
        # Days named by the weekday, and "noon".
        (
            "our annual meeting: thursday 1pm-5pm (30 min break), friday 8am-5pm (1 hr lunch, 2 x 15 min breaks), "
            "saturday 8am-noon (15 min break). how many cat 1 credits total?",
            "14.75 AMA PRA",
        ),
        # A bare "1-3" right after a session's name is a time of day.
        (
            "morning has two parallel tracks from 9 to 12, each with a 15 min break, then lunch 12-1, then a "
            "plenary 1-3. credits?",
            "4.75 AMA PRA",
        ),
        # Bare ranges named by what follows them ("8-12 lectures"), days by the weekday.
        ("friday: 8-12 lectures, 12-1 lunch, 1-5 workshops. saturday: 8-12 lectures. credits?", "12 AMA PRA"),
        # A bare range beside "days" is the day's hours ("days 1-3" stays a day count); "can they get" is a yes.
        (
            "our conference is 2 days 8-4 with an hour lunch each day, can the physicians get cat 1 and how much?",
            "Yes, 14 AMA PRA",
        ),
        ("8-5 each day for 3 days, 1 hr lunch. credits?", "24 AMA PRA"),
        ("our session runs 2 hrs 50 min of actual instruction. do we designate 2.75 or round up to 3?", "2.75 AMA"),
        # "breakout sessions" are education, not a break.
        ("breakout sessions 2-3:30pm run in 4 rooms at once, plus plenary 3:45-5pm. credits?", "2.75 AMA PRA"),
    ],
)
def test_agendas_as_members_write_them(question: str, lead: str) -> None:
    assert ask(question).text.startswith(lead)


def test_under_fifteen_minutes_designates_nothing() -> None:
    answer = ask("How many credits for a 10 minute talk?")
    assert answer.text.startswith("No AMA PRA Category 1 Credit™ can be designated")


def test_teaching_at_a_live_activity_is_two_credits_per_hour_and_direct_credit() -> None:
    answer = ask("I presented a 45 minute talk at a certified meeting, how many credits can I claim?")
    assert answer.text.startswith("1.5 AMA PRA Category 1 Credits™")
    assert "2 credits per hour" in answer.text and "apply to the AMA" in answer.text
    assert "2 credits per hour" in section_text(answer.citations[0])


def test_teaching_residents_uses_the_teaching_route() -> None:
    answer = ask("I taught residents for 3 hours this month, how many credits?")
    assert answer.text.startswith("6 AMA PRA Category 1 Credits™")
    assert "LCME" in answer.text


def test_enduring_material_credit_follows_the_estimated_time() -> None:
    answer = ask("learners take about 45 minutes to complete our podcast; how many credits?")
    assert answer.text.startswith("0.75 AMA PRA Category 1 Credit™")
    assert {c.heading for c in answer.citations} >= {find_heading(credit_tool.ENDURING[0], *credit_tool.ENDURING[1])}


def test_ecmecs_convert_one_for_one_as_the_eaccme_page_states() -> None:
    answer = ask("I earned 12 ECMECs in Vienna, how many AMA credits is that?")
    assert answer.text.startswith("12 AMA PRA Category 1 Credits™")
    assert "applies to the AMA" in answer.text
    assert "one hour of participation = one credit" in section_text(answer.citations[0])


def test_every_credit_rule_keyword_still_finds_its_section() -> None:
    for doc, keywords in [*credit_tool.RULES.values(), *lookback_tool.RULES.values()]:
        assert find_heading(doc, *keywords), (doc, keywords)
    for template in TEMPLATES:
        assert find_heading(template.doc, *template.keywords), template.name


# --- durations as people write them --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "minutes"),
    [("2 h 20 min", 140), ("2hrs 20", 140), ("90 minutes", 90), ("1.5 hours", 90), ("an hour and a half", 90),
     ("2 hours and 20 minutes", 140), ("half an hour", 30), ("two hours", 120), ("1½ h", 90)],
)  # fmt: skip
def test_parse_duration_reads_spelled_out_times(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


def test_find_times_marks_breaks_and_counts() -> None:
    found = find_times("2hrs 20 with two 15-minute breaks and lunch (45 min), plus a 20 min break")
    assert [(m.total, m.is_break) for m in found] == [(140, False), (30, True), (45, True), (20, True)]
    assert tally(found).minutes == 140 - 30 - 45 - 20


def test_find_times_reads_clock_ranges_but_not_number_ranges() -> None:
    ranges = [m.clock for m in find_times("from 9 to 5, or 9am-12:30pm, for grades 9-12 and 1-2 hours") if m.clock]
    assert ranges == [(9 * 60, 17 * 60), (9 * 60, 12 * 60 + 30)]


# --- statements ----------------------------------------------------------------------------------------------
def statement_lines(answer: ToolAnswer) -> list[str]:
    lines = answer.text.splitlines()
    return [lines[i + 1] for i, line in enumerate(lines[:-1]) if line.endswith("statement:") or "statement (" in line]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_every_template_is_the_knowledge_wording_verbatim(template: Template) -> None:
    section = plain(section_text(template.citation()))
    assert plain(template.fill()) in section
    for fixed in re.split(r"\{\w+\}", template.text):
        assert plain(fixed) in section, fixed


def test_joint_providership_statement_fills_both_names() -> None:
    answer = ask("give me the joint providership statement for Mercy Hospital and the State Medical Society")
    (statement,) = statement_lines(answer)
    assert "through the joint providership of Mercy Hospital and the State Medical Society." in statement
    assert "The Mercy Hospital is accredited by the ACCME" in statement
    assert any("Mercy Hospital is the accredited provider" in a for a in answer.assumptions)


def test_joint_statement_follows_who_the_question_says_is_accredited() -> None:
    answer = ask("joint statement: the Heart Society (nonaccredited) with Mercy Hospital, the accredited provider")
    (statement,) = statement_lines(answer)
    assert "joint providership of Mercy Hospital and the Heart Society." in statement


def test_designation_statement_for_a_format_and_amount() -> None:
    answer = ask("designation statement for a 2.5 credit enduring material")
    (statement,) = statement_lines(answer)
    assert statement == (
        "The [name of accredited CME provider] designates this enduring material for a maximum of 2.5 AMA PRA "
        "Category 1 Credits™. Physicians should claim only the credit commensurate with the extent of their "
        "participation in the activity."
    )
    assert "[name of accredited CME provider]" in answer.text.splitlines()[-1]  # told what to replace


def test_designation_statement_calculates_the_credit_from_times() -> None:
    answer = ask("Can you draft the designation statement for Mercy Hospital's 90 minute webinar with a 15 min break?")
    (statement,) = statement_lines(answer)
    assert "designates this live activity for a maximum of 1.25 AMA PRA Category 1 Credits™." in statement
    one = ask("designation statement for a 1 credit live activity")
    assert "a maximum of 1 AMA PRA Category 1 Credit™." in statement_lines(one)[0]


def test_direct_statement_is_flagged_as_the_knowledge_flags_it() -> None:
    answer = ask("Write the accreditation statement for St. Luke's Hospital")
    (statement,) = statement_lines(answer)
    assert statement.startswith("The St. Luke's Hospital is accredited by the Accreditation Council for Continuing")
    assert "check" in answer.text.lower()


def test_joint_accreditation_statement_is_marked_unconfirmed() -> None:
    answer = ask("I need the joint accreditation statement for Baylor Health")
    assert "In support of improving patient care, Baylor Health is jointly accredited" in answer.text
    assert "Unconfirmed" in answer.text


def test_ipce_statement_fills_the_number() -> None:
    answer = ask("What's the IPCE statement for 3 credits?")
    assert "learners will receive 3 Interprofessional Continuing Education (IPCE) credits for learning" in answer.text


def test_unfilled_placeholders_stay_bracketed() -> None:
    answer = ask("what is the joint providership statement?")
    (statement,) = statement_lines(answer)
    assert "[name of accredited provider] and [name of nonaccredited provider]" in statement


def test_state_accreditor_wording() -> None:
    answer = ask("We are accredited by the California Medical Association: joint providership statement for Sutter "
                 "Health and the Heart Society")  # fmt: skip
    assert "policies of the California Medical Association (CMA) through the joint providership" in answer.text
    assert "accredited by the ACCME" not in answer.text


def test_there_is_no_co_provided_statement() -> None:
    answer = ask("co-provided statement for Mercy Hospital and Stanford Medicine")
    assert "no co-provided statement" in answer.text


# --- lookback ------------------------------------------------------------------------------------------------
def test_relationship_ended_before_the_window_need_not_be_disclosed() -> None:
    answer = ask("a consulting relationship that ended in mid-2021, our planning starts in spring 2025: disclose?")
    assert answer.text.startswith("No, it need not be disclosed")
    assert "March-May 2023" in answer.text  # the window's opening shown
    assert any("planning start" in a for a in answer.assumptions)
    assert "24 months" in section_text(answer.citations[0])


def test_window_counts_from_collection_not_from_the_activity() -> None:
    answer = ask("speaker consulted for Pfizer until June 2022, activity planning starts Jan 2025, disclose?")
    assert answer.text.startswith("No")
    assert "January 2023" in answer.text
    inside = ask("Planner was on a Novartis advisory board until March 2024; we collect disclosures in January 2026. "
                 "Is it within the lookback?")  # fmt: skip
    assert inside.text.startswith("Yes, it must be disclosed")
    assert "January 2024" in inside.text


def test_span_across_the_boundary_gives_the_cut_off() -> None:
    answer = ask("He consulted for Amgen until 2023 and we collect his disclosure on 15 June 2025. Disclose?")
    assert answer.text.startswith("It depends")
    assert "15 June 2023" in answer.text


def test_no_collection_date_assumes_today_and_says_so() -> None:
    answer = ask("She sold her Medtronic shares 3 years ago, does she have to disclose?")
    assert answer.text.startswith("No")
    assert any("30 November 2026" in a for a in answer.assumptions)


def test_activity_date_only_does_not_set_the_window() -> None:
    answer = ask("He left the Pfizer speakers bureau in January 2023; the conference is in October 2025. Disclose?")
    assert answer.text.startswith("It depends on when you collect the disclosure")
    assert "31 January 2025" in answer.text
    ongoing = ask("Our faculty still consults for Lilly, must it be disclosed for the May 2027 course?")
    assert ongoing.text.startswith("Yes")


@pytest.mark.parametrize(
    ("phrase", "first", "last"),
    [
        ("mid-2021", date(2021, 6, 1), date(2021, 7, 31)),
        ("spring 2025", date(2025, 3, 1), date(2025, 5, 31)),
        ("March 2024", date(2024, 3, 1), date(2024, 3, 31)),
        ("3 years ago", date(2023, 11, 30), date(2023, 11, 30)),
        ("15 June 2025", date(2025, 6, 15), date(2025, 6, 15)),
        ("late 2023", date(2023, 9, 1), date(2023, 12, 31)),
        ("last year", date(2025, 1, 1), date(2025, 12, 31)),
        ("Q2 2023", date(2023, 4, 1), date(2023, 6, 30)),
    ],
)
def test_date_phrases_are_read_as_spans(phrase: str, first: date, last: date) -> None:
    (period,) = find_periods(phrase, TODAY)
    assert (period.first, period.last) == (first, last)


# --- harder wordings -----------------------------------------------------------------------------------------
def test_a_stated_credit_amount_gets_a_yes_or_no() -> None:
    assert ask("Is it OK to designate 1.5 credits for a 75 minute session?").text.startswith("No, not 1.5 but 1.25 AMA")
    assert ask("Can we designate 2 credits for a 2-hour workshop?").text.startswith("Yes, 2 AMA")
    assert ask("journal club runs 50 minutes. how do we designate that?").text.startswith("0.75 AMA")


def test_time_said_to_be_included_is_not_added_again() -> None:
    answer = ask("Our webinar is 60 minutes including 15 minutes Q&A. Credits?")
    assert answer.text.startswith("1 AMA PRA Category 1 Credit™")


def test_clock_range_breaks_and_non_educational_remarks_come_out() -> None:
    day = ask("Our meeting runs from 8:30 am to 4:30 pm with lunch 12-1 and two 15 minute breaks. How many credits?")
    assert day.text.startswith("6.5 AMA")
    assert "12:00-13:00 lunch" in day.text
    remarks = ask("We have a 90-minute session; 10 minutes is welcome remarks. Credits?")
    assert remarks.text.startswith("1.25 AMA") and "80 min of education" in remarks.text


def test_a_break_named_without_a_length_is_flagged_not_guessed() -> None:
    answer = ask("How many credits for a 4 hour course with lunch?")
    assert answer.text.startswith("4 AMA")
    assert any("lunch" in a and "no length" in a for a in answer.assumptions)


def test_identical_days_are_multiplied() -> None:
    answer = ask("We have a 3-day congress with 6 hours of sessions each day, how many credits?")
    assert answer.text.startswith("18 AMA") and "3 days × 6 hours" in answer.text
    assert ask("How many hours of credit for 2 days of 7 hours?").text.startswith("14 AMA")


def test_asking_for_the_statements_gives_accreditation_and_designation() -> None:
    answer = ask("Please give me the statements for our 3 hour workshop jointly provided by Mercy Hospital and the "
                 "Heart Society")  # fmt: skip
    statements = statement_lines(answer)
    assert len(statements) == 2
    assert "joint providership of Mercy Hospital and the Heart Society" in statements[0]
    assert "The Mercy Hospital designates this live activity for a maximum of 3 AMA PRA" in statements[1]


def test_quoted_text_is_not_read_as_the_request() -> None:
    question = "Is our accreditation statement correct: 'Mercy Hospital is accredited by the ACCME to provide CME'?"
    assert answer_with_tools(question, TODAY) is None


def test_the_time_now_is_not_mistaken_for_an_ongoing_relationship() -> None:
    assert ask("A relationship ended in 2020. Does it need to be disclosed now?").text.startswith("No")
    grant = ask("Our speaker received a research grant from Pfizer in 2024; the talk is in 2026. Disclose?")
    assert not grant.text.startswith("Yes")  # a grant "from Pfizer" is not "from 2024 onwards"


def test_a_tool_stands_down_when_the_knowledge_no_longer_states_its_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "knowledge"
    shutil.copytree(sources.KNOWLEDGE_DIR, copy)
    page = copy / credit_tool.CREDIT_DOC
    page.write_text(page.read_text(encoding="utf-8").replace("2 credits per hour", "a rate to be confirmed"))
    monkeypatch.setattr(sources, "KNOWLEDGE_DIR", copy)
    assert answer_with_tools("I presented a 45 minute talk, how many credits can I claim?", TODAY) is None
    assert ask("How many credits for a 90 minute webinar?").text.startswith("1.5 AMA")


def test_day_named_after_its_times() -> None:
    answer = ask(
        "Our conference runs 8:00-17:00 on day 1 and 8:00-12:00 on day 2, with an hour lunch on day 1. Credits?"
    )
    assert answer.text.startswith("12 AMA")
    assert "Day 1: 8:00-17:00 (540 min) minus 1 hour lunch = 480 min; Day 2: 8:00-12:00 (240 min)" in answer.text


def test_the_providers_we_is_not_a_faculty_member_asking_for_teaching_credit() -> None:
    assert ask("Can we give 0.5 credits for a 30 min session?").text.startswith("Yes, 0.5 AMA")
    assert ask("We present a 2-hour workshop, how many credits?").text.startswith("2 AMA PRA Category 1 Credits™, the")
    assert "for presenting" in ask("I gave a 30 minute talk at grand rounds, what credit can I claim?").text
    teaching = ask("faculty presents a 1 hr original talk at our cat 1 conference. how many credits can she get for "
                   "teaching?")  # fmt: skip
    assert teaching.text.startswith("2 AMA PRA Category 1 Credits™ for presenting")
    lunch_and_learn = ask("40 min lunch-and-learn (no food during the talk part lol) - designate how much?")
    assert lunch_and_learn.text.startswith("0.75 AMA") and not any("lunch" in a for a in lunch_and_learn.assumptions)
    meeting = ask("6 hour conference with a 30 min business meeting and a 1 hr lunch, how many credits?")
    assert meeting.text.startswith("4.5 AMA") and "minus 30 min business meeting" in meeting.text
    session = ask("our speaker gives a 45 min talk at grand rounds, how many credits can we designate for the session?")
    assert session.text.startswith("0.75 AMA PRA Category 1 Credit")


def test_time_said_to_be_a_non_cme_part_of_the_activity_comes_out() -> None:
    # What the time is comes after filler words ("20 min of it is a department business update").
    update = ask("90 min grand rounds, how many credits what if 20 min of it is a department business update?")
    assert update.text.startswith("1.25 AMA") and "minus 20 min business update = 70 min" in update.text
    theater = ask("4 hr symposium, 30 min of it is a non-accredited product theater. credits?")
    assert theater.text.startswith("3.5 AMA") and "minus 30 min non-CME segment" in theater.text
    assert ask("a 2 hour course, 30 min of it is the panel discussion, how many credits").text.startswith("2 AMA")


def test_a_joined_follow_up_replaces_the_earlier_figures() -> None:
    # The engine searches a follow-up together with the question before it.
    longer = ask("how many credits for a 2 hour workshop with a 20 min break? what about 3 hours?")
    assert longer.text.startswith("2.75 AMA") and "3 hours (180 min) minus 20 min break" in longer.text
    other_break = ask("how many credits for a 2 hour workshop with a 20 min break? and with a 30 min break instead?")
    assert other_break.text.startswith("1.5 AMA")
    # "and a 100 min one?" replaces the earlier session; it is not a second session to add.
    assert ask("how many credits for a 50 min session? and a 100 min one?").text.startswith("1.75 AMA")
    # The follow-up's kind of statement wins over the earlier question's.
    direct = ask("need the jointly provided accreditation statement pls. and if it's just us, directly provided?")
    assert "directly provided" in direct.text and "joint providership of" not in direct.text
    later_end = ask("speaker consulted for Pfizer until June 2022, planning starts Jan 2025, disclose? what if it "
                    "ended in March 2023?")  # fmt: skip
    assert later_end.text.startswith("Yes")


def test_a_follow_up_figure_or_added_day_changes_the_calculation_as_asked() -> None:
    # "and 35 min?" replaces the 50 minutes; it is not a second session.
    assert ask("a session is 50 min, what credit? and 35 min?").text.startswith("0.5 AMA")
    # The claim checked is the follow-up's, not the earlier "= 1 credit".
    assert ask("60 min talk = 1 credit right? what if its only 40 minutes").text.startswith("0.75 AMA")
    # "= how many credits" asks; it is not a rule stated beside the time.
    assert ask("do parallel sessions count separately? so 4 tracks from 2-4pm = how many credits?").text.startswith(
        "2 AMA"
    )
    two_days = ask("one-day course 8-4:30, 1 hr lunch, two 15 min breaks. AMA credits? and if we add a second "
                   "identical day?")  # fmt: skip
    assert two_days.text.startswith("14 AMA") and "2 days ×" in two_days.text
    assert any("new sessions" in a for a in two_days.assumptions)
    # A lunch in the follow-up replaces the lunch; the two breaks stay.
    lunch = ask("our 1-day course is 8-4:30 with 30 min lunch and two 15 min breaks, how many AMA cat 1 credits? what "
                "if we cut lunch to 15 min but keep the end time?")  # fmt: skip
    assert lunch.text.startswith("7.75 AMA") and "2 × 15 min breaks and 15 min lunch" in lunch.text
    # A day the follow-up adds comes after the earlier days; it does not replace them.
    third = ask("2 day course 6h educational each day, max credits? and if we add a 3rd half-day with 3h?")
    assert third.text.startswith("15 AMA") and "Day 3: 3h" in third.text
    # A day the follow-up names is changed in place.
    shorter = ask("our 3 day meeting has 6.5 hrs of education per day, single track. total max credits? and if day 3 "
                  "is only a half day with 3.25 hrs?")  # fmt: skip
    assert shorter.text.startswith("16.25 AMA") and "Day 3: 3.25 hrs" in shorter.text
    # "so a 20 min talk would be?" asks for the number; the earlier "to get 0.25 credit?" is not its claim.
    talk = ask("how long do I have to be in a session to get 0.25 credit? so a 20 min talk would be?")
    assert talk.text.startswith("0.25 AMA") and "20 min" in talk.text


def test_a_session_with_no_break_and_one_physicians_attendance() -> None:
    # "no break" is not a break; "what do we designate" asks for the number, not whether.
    assert ask("one session runs 1 hr 40 min no break. what do we designate").text.startswith("1.75 AMA")
    partial = ask("doc attended 2.5 hrs of our 6 credit course then got called back to the OR. what can she claim")
    assert partial.text.startswith("No, not 6 but 2.5 AMA") and "claimed for the time attended" in partial.text


def test_which_of_two_amounts_another_part_of_the_day_and_one_learners_absence() -> None:
    # "0.75 or 1 credit?" asks which: the number answers it, with no "No, not 1".
    assert ask("talk is 50 minutes. 0.75 or 1 credit?").text.startswith("0.75 AMA")
    assert ask("does a 4-session evening series (1 hr each, sequential) = 4 credits or 1?").text.startswith("4 AMA")
    # The afternoon is added to the morning, not put in its place.
    day = ask("morning plenary 8-10, what's the credit? what if the afternoon has 2 parallel tracks 1-2:30?")
    assert day.text.startswith("3.5 AMA")
    for question in (
        "2 things: is 60 min still = 1 credit for live, and can we do quarter credits?",
        "conference gave 17 ECMECs but i skipped a day. can i still claim all 17",
        "left the 6 hr course after lunch (was there ~3 hrs). can i still claim all 6 since thats on the certificate?",
        "is there a $ minimum below which a speaker doesnt have to disclose. she got like $200 from a speakers bureau "
        "thing in 2025",
        # A joined follow-up the tool cannot read is left to the normal path rather than refused.
        "how many AMA credits for 8-12 with a 30 min break? and if we add a 30 min non-accredited sponsor talk at 12 "
        "in the same room?",
    ):
        assert answer_with_tools(question, TODAY) is None, question


def test_rounds_one_after_another_count_and_rooms_at_once_do_not() -> None:
    rounds = ask("virtual conf: 3h plenary, then 3 rounds of 1-hr breakouts with 4 rooms running at the same time. "
                 "max credits to designate?")  # fmt: skip
    assert rounds.text.startswith("6 AMA")
    assert ask("3 sessions of 90 min running concurrently, how many credits").text.startswith("1.5 AMA")
    # "each" gives the tracks' length here, not a rule ("a credit each 15 minutes"); the tracks count once.
    tracks = ask("afternoon: 4 concurrent tracks, each 2.5 hours. total credits for the day with a 3 hr plenary?")
    assert tracks.text.startswith("5.5 AMA")
    # "6 hrs of credit" is the colleague's claim, not a sixth hour of sessions.
    claim = ask("3 parallel breakout tracks from 1-3pm, attendees pick one. my colleague wants to count 6 hrs of "
                "credit for that block. is that right?")  # fmt: skip
    assert claim.text.startswith("No, not 6 but 2 AMA")


def test_words_saying_the_breaks_are_already_out_do_not_make_a_time_a_break() -> None:
    answer = ask("3-day meeting: day 1 6.5 hrs content, day 2 7 hrs, day 3 half day 3.25 hrs (breaks already "
                 "removed). designation max?")  # fmt: skip
    assert answer.text.startswith("16.75 AMA")
    # The words saying the breaks are out can run past the time they follow.
    days = ask("3-day conf: day1 6h, day2 6.5h, day3 3h educational time (breaks already excluded). total credits?")
    assert days.text.startswith("15.5 AMA") and "Day 3: 3h" in days.text


def test_sessions_run_some_at_a_time_count_once_a_round() -> None:
    # 20 one-hour sessions, 4 at a time: five rounds; "each day 4 parallel tracks" is a count, not day 4.
    rounds = ask("conference with 20 sessions of 1 hour, but 4 run simultaneously at any time. how many credits max?")
    assert rounds.text.startswith("5 AMA")
    assert ask("12 one-hour sessions in 3 parallel rooms. how many credits?").text.startswith("4 AMA")
    assert ask("the meeting is 2 days, each day 4 parallel tracks of 6 hours. max credits?").text.startswith("12 AMA")


def test_a_bare_total_faculty_teaching_and_whether_someone_must_take_a_course() -> None:
    assert ask("3 day conf: each day 8-5 with 1h lunch and two 30min breaks. total").text.startswith("21 AMA")
    assert ask("faculty teaching 1 hr at our live course - how much cat 1?").text.startswith("2 AMA")
    assert ask("how many credits for a 1hr talk at our live course - for learners? and for the faculty who taught "
               "it?").text.startswith("2 AMA")  # fmt: skip
    # Whether someone must take a course is not a calculation of its credit.
    assert answer_with_tools("california requires how many CME hours per cycle? ok and the one-time 12 hr pain mgmt "
                             "piece - do pathologists have to do it too?", TODAY) is None  # fmt: skip


def test_a_day_count_in_words_and_a_length_after_each_day() -> None:
    # "two-day" counts the days; "each day 7.5 hrs" is each day's length, not a day numbered 7.
    assert ask("two-day course, each day 7.5 hrs of education after breaks. max credits?").text.startswith("15 AMA")


def test_ecmecs_for_a_time_follow_the_eaccme_rate_in_half_hours() -> None:
    assert ask("EACCME: how many ECMECs for a 90 min session?").text.startswith("1.5 ECMECs (European CME credits)")
    workshop = ask("how many european cme credits for a 3 hour workshop with a 30 min coffee break")
    assert workshop.text.startswith("2.5 ECMECs") and "150 min" in workshop.text
    short = ask("our 40 min eaccme webinar, how many ecmecs?")
    assert short.text.startswith("0.5 ECMEC ") and any("full half hours" in a for a in short.assumptions)
    # Not a request for credit, and AMA credit stays AMA credit.
    assert detect("is a 90 min session eligible for EACCME accreditation?") is None
    assert ask("convert 6 ECMECs to AMA credit").text.startswith("6 AMA PRA Category 1 Credits")


def test_relative_dates_in_slack_shorthand_and_forms_wording_reach_the_lookback() -> None:
    today = date(2026, 11, 30)
    within = answer_with_tools("our speaker's consulting w/ pfizer ended 18 months ago, does it still go on the form?",
                               today)  # fmt: skip
    assert within is not None and within.text.startswith("Yes, it must be disclosed")
    outside = answer_with_tools("our speaker's consulting w/ pfizer ended 18 months ago, does it still go on the "
                                "form? what if it ended 3 yrs ago?", today)  # fmt: skip
    assert outside is not None and outside.text.startswith("No, it need not be disclosed")


def test_a_statement_of_an_accreditor_without_a_template_is_not_answered_with_the_accme_one() -> None:
    assert detect("what's the EACCME accreditation statement wording once we're approved?") is None
    assert detect("what's the accreditation statement wording for our jointly provided course?") == "statement"


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # "1h40" is 100 minutes; the planned 2h after "instead of" and the 20-minute shortfall are not what ran.
        (
            "our activity ran 20 minutes short - 1h40 instead of 2h. we already designated 2 credits. what do we do?",
            "No, not 2 but 1.75 AMA PRA",
        ),
        # The provider asking on the faculty member's behalf is the teaching route.
        (
            "faculty gave a 1 hr original talk at our certified live course. how much cat 1 can we award her for "
            "teaching",
            "2 AMA PRA Category 1 Credits™ for presenting",
        ),
        ("US doc got 12 ECMECs in vienna. can she convert to AMA cat 1?", "Yes, 12 AMA PRA"),
        # "do we count both?" asks whether parallel tracks add up: no "Yes" before the count.
        ("2 concurrent breakout tracks 1:00-3:00. do we count both toward the max credit?", "2 AMA PRA"),
    ],
)
def test_shortfalls_plans_and_who_asks(question: str, lead: str) -> None:
    assert ask(question).text.startswith(lead)


@pytest.mark.parametrize(
    "question",
    [
        "doc googled around for an hour on a clinical q, not an IPOC activity. cat 1 or cat 2?",
        "does the spouse's pharma consulting need to go on the disclosure now?",
        # Whether a time counts at all is a rule question, not arithmetic.
        "poster hall: 2 hrs of unstructured poster viewing, no presenters scheduled. does it count toward credit?",
        # A certifying board is not an ineligible company.
        "is Dr. Patel at our partner university still on the ABIM board? need to know for our advisory list",
    ],
)
def test_which_kind_of_credit_and_whose_relationship_are_not_calculations(question: str) -> None:
    assert detect(question) is None
