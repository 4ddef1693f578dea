"""Rendering and thread reading without Slack: limits, escaping, sources, and turns from a thread."""

from __future__ import annotations

from bot.answering.models import Answer, Source
from bot.slack.blocks.answer import FEEDBACK_HELPFUL, SHARE, answer_messages
from bot.slack.text import split_text, strip_mentions
from bot.slack.threads import turns_from_replies


def _source(n: int, **fields: str) -> Source:
    values = {"title": f"Standard {n}", "heading": f"Section {n}", "url": f"https://accme.org/s{n}"}
    values.update(fields)
    return Source(authority="ACCME", text="...", score=1.0, effective_date="2022-01-01", **values)


def _sections(blocks: list[dict]) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section"]


def test_a_huge_answer_is_split_within_slack_limits_without_losing_text() -> None:
    paragraph = "Faculty disclose all financial relationships from the past 24 months. " * 40
    text = "\n\n".join([paragraph] * 60)  # ~170,000 characters: more than 50 sections' worth
    messages = answer_messages(Answer(question="q", answer=text, abstained=False, sources=[_source(1)]), 7)
    assert len(messages) >= 2
    for message in messages:
        assert len(message.blocks) <= 50
        assert len(message.text) <= 3000
        assert all(len(s) <= 3000 for s in _sections(message.blocks))
    # Sources, context and buttons come once, at the very end.
    assert [b["type"] for b in messages[-1].blocks][-3:] == ["divider", "context", "actions"]
    assert all(b["type"] != "actions" for m in messages[:-1] for b in m.blocks)
    body = "".join(s for m in messages for s in _sections(m.blocks) if not s.startswith("*1. "))
    assert body.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def test_sources_are_numbered_linked_and_dated_and_text_is_escaped() -> None:
    answer = Answer(
        question="q",
        answer="Use **mitigation** when <conflicts> & relationships exist.",
        abstained=False,
        sources=[_source(1), _source(2, url="", heading="Standard 2")],
        mode="llm",
        model="gpt-test",
        note="The language model did not answer in time.",
    )
    [message] = answer_messages(answer, 3, share=True)
    sections = _sections(message.blocks)
    assert sections[0] == "Use *mitigation* when &lt;conflicts&gt; &amp; relationships exist."
    assert sections[1] == (
        "*1. <https://accme.org/s1|Standard 1>* — Section 1\nACCME · authority page · effective 2022-01-01"
    )
    # No link, no repeated heading.
    assert sections[2] == "*2. Standard 2*\nACCME · authority page · effective 2022-01-01"
    [context] = [b for b in message.blocks if b["type"] == "context" and len(b["elements"]) == 2]
    assert context["elements"][0]["text"] == "Written by gpt-test from the cited sources only"
    assert "did not answer in time" in context["elements"][1]["text"]
    [actions] = [b for b in message.blocks if b["type"] == "actions"]
    assert [e["value"] for e in actions["elements"]] == ["3", "3", "3"]
    assert {e["action_id"] for e in actions["elements"]} >= {FEEDBACK_HELPFUL, SHARE}


def test_a_declined_answer_says_why() -> None:
    answer = Answer(question="q", answer="I don't know.", abstained=True, mode="abstained", reason="outside CME topics")
    [message] = answer_messages(answer, 1)
    assert "Declined: outside CME topics" in str(message.blocks)
    assert "*Sources*" not in str(message.blocks)


def test_split_prefers_sentence_boundaries_and_hard_cuts_unbroken_runs() -> None:
    pieces = split_text("One sentence here. " * 300, 1000)
    assert all(len(p) <= 1000 and p.endswith(".") for p in pieces)
    assert [len(p) for p in split_text("x" * 2500, 1000)] == [1000, 1000, 500]


def test_thread_replies_become_turns() -> None:
    messages = [
        {"user": "U1", "text": "<@U0BOT> How far back do disclosures go?", "ts": "1.0"},
        {"user": "U0BOT", "bot_id": "B0BOT", "text": "24 months.", "ts": "1.1"},
        {"user": "U2", "bot_id": "B9", "text": "I am another bot", "ts": "1.2"},
        {"user": "U1", "text": "   ", "ts": "1.3"},
        {"user": "U1", "text": "<@U0BOT> and for planners?", "ts": "1.4"},
    ]
    turns = turns_from_replies(messages, current_ts="1.4", bot_user_id="U0BOT", bot_id="B0BOT")
    assert [(t.role, t.text) for t in turns] == [
        ("user", "How far back do disclosures go?"),
        ("assistant", "24 months."),
    ]
    assert strip_mentions("<@U0BOT|cmebot>  hello <@W123>") == "hello"


def test_slack_escaped_text_is_unescaped_once() -> None:
    assert strip_mentions("<@U0BOT> is an M&amp;M conference exempt? Q&amp;A &lt;5 min") == (
        "is an M&M conference exempt? Q&A <5 min"
    )
    # A member who typed "&lt;" literally sees "&lt;", not "<".
    assert strip_mentions("what does &amp;lt; mean") == "what does &lt; mean"


def test_sources_show_their_trust_tier() -> None:
    def plain(title: str, authority: str, tier: str) -> Source:
        return Source(title=title, heading="", url="", authority=authority, text="...", score=1.0, tier=tier)

    sources = [
        _source(1),
        plain("FAQ", "community", "maintainers"),
        plain("Handout", "local document", "unreviewed"),
        plain("Thread", "community", "community"),
    ]
    [message] = answer_messages(Answer(question="q", answer="Yes.", abstained=False, sources=sources), 1)
    details = [s.split("\n", 1)[1] for s in _sections(message.blocks)[1:]]
    assert details == [
        "ACCME · authority page · effective 2022-01-01",
        "maintainers' note",
        "unreviewed upload",
        "community-verified answer",
    ]


def test_the_notification_text_is_slack_markup_escaped_once() -> None:
    answer = Answer(question="q", answer="Q&A sessions <15 minutes count as M&M? [1]", abstained=False)
    [message] = answer_messages(answer, 1)
    assert message.text.startswith("Q&amp;A sessions &lt;15 minutes count as M&amp;M?")
    assert "&amp;amp;" not in message.text


def test_a_community_answer_credits_its_author_and_verifier_as_real_mentions() -> None:
    answer = Answer(
        question="q",
        answer="We use the hospital's LMS & its SSO. [1]",
        abstained=False,
        mode="community",
        card_id="community-7",
        credit={"author": "UAUTH", "verifier": "UVER", "verified_on": "2026-11-30"},
    )
    [message] = answer_messages(answer, 1)
    contexts = [b for b in message.blocks if b["type"] == "context"]
    credit = contexts[0]["elements"][0]["text"]
    assert "<@UAUTH>" in credit and "<@UVER>" in credit and "on 2026-11-30" in credit
    assert "Community practice, not an official rule." in credit
    assert "LMS &amp; its SSO" in message.text and "<@UVER>" in message.text
