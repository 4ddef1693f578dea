"""The answer engine: a pipeline of small named stages.

    normalise -> safety (clinical list) -> follow-up resolution -> tools (credit, statements, dates)
    -> retrieval -> decision (answer / decline, fitted classifier) -> answer card | extractive | LLM -> grounding

Every stage either returns a finished Answer or hands on; the first that answers wins. A wrong answer about
accreditation is worse than none, so every path that states a fact cites the section it comes from.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from typing import Any

from bot.answering.answer_kinds import asked_kind, holds
from bot.answering.decision import Decision, DecisionModel, feature_vector
from bot.answering.declines import about_a_particular_case, decline_reason, held_elsewhere
from bot.answering.extractive import ExtractiveAnswerer
from bot.answering.followups import Resolution, focus_sentence, resolve, without_topic_lead_in
from bot.answering.grounding import ungrounded
from bot.answering.llm import LLMAnswerer, LLMUnavailable
from bot.answering.models import Answer, Source, Turn
from bot.answering.polarity import is_yes_no, opens_with_verdict, without_crossed_verdict, without_stray_yes
from bot.answering.scope import ScopeRules
from bot.answering.states import other_state_only
from bot.answering.support import SupportPolicy
from bot.knowledge.cards import AnswerCard
from bot.retrieval.cards import CardIndex, CardMatch
from bot.retrieval.community import CommunityIndex
from bot.retrieval.hybrid import HybridRetriever, Passage, Retrieval
from bot.retrieval.text import content_terms
from bot.services.community import Audience
from bot.texts import message

log = logging.getLogger(__name__)

# Questions are sentences; a pasted document is cut to this before it reaches retrieval.
MAX_QUESTION_CHARS = 2000
KB_PREFIX = "kb:"

# Where to send a member when the knowledge has no answer, by the organisation the question names.
_WHERE_TO_CHECK = (
    (re.compile(r"\beaccme|uems\b", re.I), "the EACCME (eaccme.uems.eu)"),
    (re.compile(r"\bjoint accreditation\b|\bja\b|\bipce\b", re.I), "Joint Accreditation (jointaccreditation.org)"),
    (re.compile(r"\bama\b|\bpra\b|category [12]|cat [12]", re.I), "the AMA (ama-assn.org/cme)"),
    (re.compile(r"\babim\b|\bmoc\b", re.I), "the ABIM (abim.org) or ACCME's CME Passport/PARS pages"),
    (re.compile(r"\baccme\b", re.I), "the ACCME (accme.org)"),
)


# How many of the closest cards are looked at for one whose key terms fit. With near twins written side by side, the
# card that fits can be sixth or seventh behind twins its terms exclude: at five, three development questions that a
# fitting card had answered lost it when more twins were written.
CARD_CANDIDATES = 20
# The decision model was fitted on features of the ten closest cards: it still reads those ten, while a fitting card
# further down the twenty may answer (at 717 cards and more, near twins crowded fitting cards out of the ten).
DECISION_CANDIDATES = 10

# A fitting card this close answers without the decision model. On the development sets (875 questions), 136
# answerable questions and 1 near-scope question had a fitting card at or above it (the near-scope one got the
# card saying the bot does not state one state's CME hours, itself the right answer); at 0.80, 8 near-scope ones.
SURE_CARD = 0.90
# A fitting card this close answers a question the decision model would decline as near-scope, when the question asks
# for no value the bot lacks (a fee, a recent decision, the member's own records, a person) and nothing "current".
# On the development sets (2,501 questions) the model declined 12 questions with a fitting card at or above it: 4
# answerable ones asked for nothing of the kind ("whats moores outcomes levels again", "what's an LEE in EACCME
# speak") and 1 near-scope one ("how many organizations hold Joint Accreditation today", kept out by "today").
CLOSE_CARD = 0.80
# A follow-up that runs the sessions side by side ("what if it runs two identical sessions at the same time in 2
# rooms?") asks the calculation again, and the same result is its answer: parallel sessions count once. (Any figure
# was too wide: "and for a 30 min talk?" after "what's 1 ECMEC equal to" got the conversion of 1 ECMEC again.)
_NEW_FIGURES = re.compile(
    r"\b(?:parallel|concurrent\w*|simultaneous\w*|same time|at once|(?:\d|two|three|four)\s+(?:rooms|tracks))\b", re.I
)
_AS_OF_NOW = re.compile(
    r"\b(?:today|right now|currently|current|at the moment|as of now|this (?:year|month|week))\b", re.I
)


@dataclass
class _Context:
    """What the stages learn about one question as it passes through."""

    question: str
    query: str
    resolution: Resolution
    note: str | None = None
    retrieval: Retrieval | None = None
    cards: list[CardMatch] | None = None
    decision: Decision | None = None
    audience: Audience | None = None
    card: CardMatch | None = None
    # A follow-up answered from the earlier question's card opens with this sentence of it.
    card_focus: str | None = None


class AnswerEngine:
    def __init__(
        self,
        retriever: HybridRetriever,
        llm: LLMAnswerer | None = None,
        top_k: int = 5,
        policy: SupportPolicy | None = None,
        units: Any | None = None,
        cards: CardIndex | None = None,
        decision: DecisionModel | None = None,
        use_decision_model: bool = True,
        community: CommunityIndex | None = None,
    ) -> None:
        self.retriever = retriever
        self.llm = llm
        self.top_k = top_k
        self.policy = policy or SupportPolicy.load()
        self.scope = ScopeRules.load()
        self.units = units
        self.cards = cards
        self.community = community
        self.decision = decision if decision is not None else (DecisionModel.load() if use_decision_model else None)
        self.extractive = ExtractiveAnswerer(retriever.bm25.idf, units)

    def refresh(self) -> None:
        """Pick up a re-indexed collection."""
        self.retriever.reload()
        self.extractive = ExtractiveAnswerer(self.retriever.bm25.idf, self.units)

    # --- follow-ups ----------------------------------------------------------------------------------
    def resolve(self, question: str, history: list[Turn] | None) -> Resolution:
        earlier = [turn.text for turn in (history or []) if turn.role == "user" and turn.text.strip()]
        if not earlier:
            return Resolution(question, False, "no earlier question")
        if self.llm is not None:
            transcript = "\n".join(f"{t.role}: {t.text[:600]}" for t in (history or [])[-6:])
            try:
                condensed = self.llm.condense(question, transcript) or question
                rewritten = condensed != question
                return Resolution(condensed, rewritten, "rewritten by the model", earlier[-1] if rewritten else "")
            except LLMUnavailable:
                pass
        return resolve(question, earlier, self._SearchAdapter(self))

    def standalone_question(self, question: str, history: list[Turn] | None) -> str:
        return self.resolve(question, history).query

    class _SearchAdapter:
        def __init__(self, engine: AnswerEngine) -> None:
            self.engine = engine

        def search(self, query: str, k: int = 5) -> Retrieval:
            return self.engine.retriever.search(query, k)

    # --- answering -----------------------------------------------------------------------------------
    def ask(self, question: str, history: list[Turn] | None = None, audience: Audience | None = None) -> Answer:
        """`audience` (who asks, where) lets verified community answers the asker may see take part."""
        started = time.perf_counter()
        answer = self._ask(question, history, audience)
        answer.latency_ms = round((time.perf_counter() - started) * 1000, 2)
        return answer

    def _ask(self, question: str, history: list[Turn] | None, audience: Audience | None = None) -> Answer:
        text = " ".join((question or "").split())
        if not text:
            return self._decline(question or "", message("empty_question"), "empty question")
        note = None
        if len(text) > MAX_QUESTION_CHARS:
            note = message("too_long", length=f"{len(text):,}", limit=f"{MAX_QUESTION_CHARS:,}")
            text = text[:MAX_QUESTION_CHARS]

        own = without_topic_lead_in(text)
        if own != text:
            # "unrelated: how many CME hours does California require?": the lead-in says the message stands alone,
            # and its words are not part of what is asked (they made the decision model decline it).
            text, history = own, None
        # Safety first: clinical advice is declined whatever else the question contains.
        verdict = self.scope.classify(text)
        if verdict == "clinical":
            return self._decline(text, message("clinical"), "clinical advice is out of scope", note)
        if self.scope.always_off_topic.search(text.lower()):
            return self._decline(text, message("off_topic"), "outside what the bot does", note)

        resolution = self.resolve(text, history)
        ctx = _Context(question=text, query=resolution.query, resolution=resolution, note=note, audience=audience)
        stages = (self._tool_stage, self._retrieve_stage, self._community_stage, self._decision_stage, self._card_stage)
        for stage in stages:
            answer = stage(ctx)
            if answer is not None:
                return answer
        return self._passage_stage(ctx)

    # --- stages --------------------------------------------------------------------------------------
    def _tool_stage(self, ctx: _Context) -> Answer | None:
        from bot.answering.tools import answer_with_tools

        try:
            result = answer_with_tools(ctx.query)
        except Exception:  # a tool bug must not cost the member an answer; the normal path still answers
            log.exception("A calculation tool failed; answering from the knowledge instead")
            return None
        if result is None:
            return None
        if ctx.resolution.follows_up and ctx.resolution.earlier:
            # "what if she gives the same talk again next month?" read with "how many teaching credits for a 1 hr
            # talk?" computes the earlier question again: that is not an answer to the follow-up.
            try:
                again = answer_with_tools(ctx.resolution.earlier)
            except Exception:  # the same guard as above: a tool bug never costs the member an answer
                again = None
            if again is not None and again.text == result.text and not _NEW_FIGURES.search(ctx.question):
                return None
        passages, markers = self._cited([(cite.doc, cite.heading) for cite in result.citations])
        if not passages:
            log.warning("Tool %s cites sections that are not indexed; answering from the knowledge", result.tool)
            return None
        body = result.text.rstrip()
        if result.assumptions:
            body += "\n" + "\n".join(f"• Assumed: {a}" for a in result.assumptions)
        return Answer(
            question=ctx.question,
            answer=f"{body} {markers}",
            abstained=False,
            sources=[Source.from_passage(p) for p in passages],
            mode="tool",
            note=ctx.note,
            search_query=ctx.query,
            reason=result.tool,
        )

    def _retrieve_stage(self, ctx: _Context) -> Answer | None:
        ctx.retrieval = self.retriever.search(ctx.query, self.top_k)
        # A follow-up read with the earlier question checks excluding terms on its own words; one rewritten as a
        # question of its own ("same for ABP?" -> "how many ABP MOC points ...?") is its own words.
        own = ctx.question if ctx.resolution.follows_up and not ctx.resolution.standalone else None
        ctx.cards = self.card_candidates(ctx.query, ctx.retrieval, own)
        # The card that would answer, chosen once: the community stage defers to it, the card stage uses it. A
        # question asking for a number, a share, a frequency, a time or a year is answered only by a card holding one
        # (the member's own words say what is asked: "and how often?").
        kind = asked_kind(ctx.question)
        fitting = [c for c in ctx.cards or [] if holds(c.card.answer, kind)]
        ctx.card = self.cards.choose(fitting) if self.cards is not None and fitting else None
        if ctx.card is not None and ctx.resolution.follows_up and ctx.resolution.earlier:
            ctx.card = self._not_the_earlier_answer(ctx, ctx.card)
        return None

    def _not_the_earlier_answer(self, ctx: _Context, match: CardMatch) -> CardMatch | None:
        """A follow-up read together with the earlier question tends to find the earlier question's card, and
        answering with it answers the earlier question again ("what about learners' travel?" after faculty
        honoraria). Another fitting card answers if one clears the threshold; else the same card, opened by its
        sentence about what the follow-up adds; else the passages, chosen by the follow-up's own words."""
        assert self.cards is not None
        earlier = ctx.resolution.earlier
        before = self.cards.choose(self.card_candidates(earlier, self.retriever.search(earlier, self.top_k)))
        if before is None or before.card.id != match.card.id:
            return match
        other = self.cards.choose([c for c in ctx.cards or [] if c.card.id != match.card.id])
        if other is not None:
            return other
        ctx.card_focus = focus_sentence(ctx.question, earlier, match.card.rendered())
        return match if ctx.card_focus else None

    def _community_stage(self, ctx: _Context) -> Answer | None:
        """A verified community answer the asker may see, for a question the official cards do not answer.

        Before the decision: "which LMS do members use for enduring materials?" is near-scope for the standards
        but exactly what a community answer is for. Official cards keep precedence."""
        if self.community is None or ctx.audience is None or ctx.retrieval is None:
            return None
        if ctx.card is not None:
            return None
        match = self.community.best(ctx.retrieval.query_vector, ctx.audience)
        if match is None:
            return None
        item = match.item
        source = Source(
            title=f"Community answer: {item.question}",
            heading=item.topic,
            url=item.permalink or item.authority_url,
            authority="community",
            text=item.answer,
            score=match.score,
            last_reviewed=item.verified_on.isoformat() if item.verified_on else "",
            tier="community",
        )
        return Answer(
            question=ctx.question,
            answer=f"{item.answer} [1]",
            abstained=False,
            sources=[source],
            mode="community",
            note=ctx.note,
            search_query=ctx.query,
            reason=f"community item {item.id}",
            card_id=f"community-{item.id}",
            credit=item.credit(),
        )

    def _decision_stage(self, ctx: _Context) -> Answer | None:
        retrieval = ctx.retrieval
        assert retrieval is not None
        if ctx.card is not None and ctx.card.similarity >= SURE_CARD:
            # The question is a paraphrase of a verified card's question: the card answers it, whatever the
            # decision model makes of its wording ("what does PARS stand for" was declined beside a 0.95 card).
            return None
        if not ctx.resolution.follows_up and about_a_particular_case(ctx.question):
            # "has Dr. Patel met her ABIM MOC requirements?" is not answered by the card on ABIM's requirements.
            return self._unsupported(ctx, "asks for a particular case's status or a product choice")
        if self.decision is None:
            # No fitted model shipped (a custom install): the rule-based support check decides.
            verdict = self.policy.check(ctx.query if ctx.resolution.follows_up else ctx.question, retrieval)
            if verdict.supported:
                return None
            return self._unsupported(ctx, verdict.reason)
        # A follow-up is judged as the question it resolved to: "and 6?" alone looks off-topic; after "what's
        # Moore's level 5?" it is not.
        asked = ctx.query if ctx.resolution.follows_up else ctx.question
        features = self.decision_features(asked, retrieval, ctx.cards or [])
        try:
            ctx.decision = self.decision.decide(asked, features, retrieval.query_vector)
        except ValueError:
            # Parameters fitted for another embedding model (CMEBOT_EMBEDDING_MODEL changed): every question would
            # fail, so the rule-based check decides until `python -m bench.fit_decision` is run for this model.
            log.error("The decision model does not fit this embedding model; using the rule-based support check")
            self.decision = None
            return self._decision_stage(ctx)
        label = ctx.decision.label
        if label != "clinical" and ctx.resolution.follows_up and self._clinical_on_its_own(ctx):
            return self._decline(ctx.question, message("clinical"), "clinical advice is out of scope", ctx.note)
        if label == "off_topic" and self.scope.plainly_cme(asked, rules_only=True):
            # "cat 2 examples" is not a restaurant question: a fitting card answers it, else it is declined as not
            # covered rather than as outside what the bot does.
            if ctx.card is not None:
                return None
            label = "near_scope"
        if (
            label == "near_scope"
            and ctx.card is not None
            and ctx.card.similarity >= CLOSE_CARD
            and not ctx.decision.asks
            and not _AS_OF_NOW.search(asked)
            and self.scope.plainly_cme(asked)
        ):
            return None
        if label == "clinical" and ctx.card is not None and self.scope.plainly_cme(asked):
            # The model leans on the question's embedding: "how many must be Prescribed (AAFP's credit) and how many
            # live?" reads as prescribing. A question in CME terms with no clinical term that a card fits is not
            # clinical advice: the card answers it. Without a card the model's clinical decline stands (it knows
            # "statin", "chemo regimen" and the rest that no word list holds).
            return None
        if label == "answerable":
            return None
        if label == "clinical":
            return self._decline(ctx.question, message("clinical"), "clinical advice is out of scope", ctx.note)
        if label == "off_topic":
            return self._decline(ctx.question, message("off_topic"), "outside what the bot does", ctx.note)
        return self._unsupported(ctx, "the knowledge base does not cover this")

    def _clinical_on_its_own(self, ctx: _Context) -> bool:
        """A follow-up read with the earlier question takes on its CME words: "ok and for the case tomorrow, would you
        give adjuvant chemo for stage II colon cancer?" after a tumor-board question was answered with the tumor-board
        card. Its own words decide: no CME term, a word of patient care (prompts/scope.yml clinical_hints) and the
        decision model's clinical reading of them."""
        own = ctx.question
        lowered = own.lower()
        if self.decision is None or self.scope.cme.search(lowered) or not self.scope.clinical_hints.search(lowered):
            return False
        retrieval = self.retriever.search(own, self.top_k)
        features = self.decision_features(own, retrieval, self.card_candidates(own, retrieval))
        try:
            return self.decision.decide(own, features, retrieval.query_vector).label == "clinical"
        except ValueError:
            return False

    def _card_stage(self, ctx: _Context) -> Answer | None:
        return self._card_answer(ctx, ctx.card) if ctx.card is not None else None

    def _passage_stage(self, ctx: _Context) -> Answer:
        retrieval = ctx.retrieval
        assert retrieval is not None
        if self.llm is not None:
            try:
                reply = self.llm.answer(ctx.query, retrieval.passages)
            except LLMUnavailable as exc:
                fallback = message("llm_fallback", reason=str(exc))
                return self._extractive(ctx, " ".join(filter(None, [ctx.note, fallback])))
            if reply.insufficient:
                return self._unsupported(ctx, "the model found no support in the sources")
            cited = [retrieval.passages[i] for i in reply.cited] or retrieval.passages
            problems = ungrounded(reply.text, [p.text for p in cited])
            if problems:
                log.info("LLM answer not grounded (%s problem(s)); answering extractively", len(problems))
                log.debug("Ungrounded: %s", "; ".join(problems[:3]))
                note = message("llm_ungrounded", problem=problems[0])
                return self._extractive(ctx, " ".join(filter(None, [ctx.note, note])))
            return Answer(
                question=ctx.question,
                answer=reply.text,
                abstained=False,
                sources=[Source.from_passage(p) for p in retrieval.passages],
                mode="llm",
                model=self.llm.model_name,
                note=ctx.note,
                search_query=ctx.query,
            )
        return self._extractive(ctx, ctx.note)

    # --- pieces --------------------------------------------------------------------------------------
    def decision_features(self, question: str, retrieval: Retrieval, cards: list[CardMatch]) -> list[float]:
        """What the decision model reads: the features of the question, its retrieval and the ten closest of its
        candidate cards (`DECISION_CANDIDATES`, what the model was fitted on; bench/fit_decision.py uses this too)."""
        return feature_vector(question, retrieval, cards[:DECISION_CANDIDATES], self.scope, self.policy)

    def card_candidates(self, query: str, retrieval: Retrieval, own: str | None = None) -> list[CardMatch]:
        """The closest answer cards. Key terms are matched against the question's words plus the corpus terms they
        were read as (stems, and "level" for the misspelt "levls"); excluding terms against the member's own words
        and their misspellings only: a word as typed keeps its context ("(no abstracts)" denies abstracts), and a
        follow-up's `own` message is not the earlier turn ("live" from the first turn must not exclude the card on
        enduring modules)."""
        if self.cards is None or not self.cards.size:
            return []
        known = " ".join(retrieval.known_terms)
        words = query if own is None else own
        fixed = " ".join(t for w, t in retrieval.corrections.items() if w in content_terms(words))
        return self.cards.candidates(
            retrieval.query_vector, f"{query} {known}", n=CARD_CANDIDATES, own=f"{words} {fixed}"
        )

    def _section_passages(self, doc: str, heading: str) -> list[Passage]:
        doc_id = doc if doc.startswith(KB_PREFIX) else KB_PREFIX + doc
        return self.retriever.section_passages(doc_id, heading)

    def _cited(self, sections: list[tuple[str, str]]) -> tuple[list[Passage], str]:
        """The first indexed chunk of each cited section, and the citation markers that number them."""
        passages = [p for doc, heading in sections for p in self._section_passages(doc, heading)[:1]]
        return passages, "".join(f"[{n}]" for n in range(1, len(passages) + 1))

    def _card_answer(self, ctx: _Context, match: CardMatch) -> Answer | None:
        card = match.card
        passages, markers = self._cited([(cite.doc, cite.section) for cite in card.cites])
        if not passages:
            log.warning("Card %s cites sections that are not indexed; not answering with it", card.id)
            return None
        text = without_stray_yes(ctx.question, self._card_text(ctx, card, passages))
        # The verdict answers the card's own question; a paraphrase in the other frame ("can we run it without a
        # committee?" on "does ACCME require a committee?") would carry the same "No" the wrong way round.
        text = without_crossed_verdict(ctx.resolution.standalone or ctx.question, card.question, text)
        return Answer(
            question=ctx.question,
            answer=f"{text} {markers}",
            abstained=False,
            sources=[Source.from_passage(p) for p in passages],
            mode="card",
            model=self.llm.model_name if self.llm is not None and text != card.rendered() else None,
            note=ctx.note,
            search_query=ctx.query,
            card_id=card.id,
        )

    def _card_text(self, ctx: _Context, card: AnswerCard, passages: list[Passage]) -> str:
        """The card's own words; with a model, its lead stands and the model only phrases what follows for this
        question, and falls back to the card if what it wrote is not grounded."""
        if ctx.card_focus:
            # What the follow-up asks first, then the rest of the card it came from.
            lines = [" ".join(line.replace(ctx.card_focus, "").split()) for line in card.rendered().splitlines()]
            rest = "\n".join(line for line in lines if line.strip("• "))
            return f"{ctx.card_focus} {rest}".strip()
        if self.llm is None:
            return card.rendered()
        try:
            follow = self.llm.phrase_card(ctx.query, card, passages)
        except LLMUnavailable:
            return card.rendered()
        if not follow or ungrounded(follow, [p.text for p in passages] + [card.rendered()]):
            return card.rendered()
        return f"{card.lead} {follow}"

    def _extractive(self, ctx: _Context, note: str | None) -> Answer:
        retrieval = ctx.retrieval
        assert retrieval is not None
        if (
            ctx.decision is not None
            and held_elsewhere(ctx.question, ctx.decision.asks)
            and not ctx.resolution.follows_up
        ):
            # It asks for a value only a recent decision, the member's own organisation or a named person holds
            # ("did the board change the 30-minute rule last month?", "when is our own self-study due?") and no card
            # answers it: quoted rules would stand in for an answer the knowledge does not have.
            return self._unsupported(ctx, "asks for what only a recent decision, the organisation or a person holds")
        # A follow-up's own words ("what about faculty?") pick the sentences; the resolved query found the passages.
        # A follow-up that only swaps one thing of the earlier question picks them as the question it stands for.
        asked = ctx.resolution.standalone or ctx.question
        extract = self.extractive.answer(asked, retrieval.passages, retrieval.query_vector)
        if not extract.text:
            return self._unsupported(ctx, "no sentence of the sources answers it")
        cited = [retrieval.passages[i] for i in extract.cited]
        if cited and all(getattr(p, "tier", "authority") == "unreviewed" for p in cited):
            # An upload nobody has reviewed is never the only basis of a compliance answer.
            return self._unsupported(ctx, "only an unreviewed upload covers this")
        if (state := other_state_only(ctx.query, [p.text for p in cited])) is not None:
            # "texas CME hours" answered with California's 50 hours gives a number that is wrong for the asker.
            text = message(
                "unsupported_specific",
                why=f"my sources hold other states' rules, not {state}'s",
                where=f"the {state} medical board's own website and regulations",
                suggestion="",
            )
            return self._decline(ctx.question, text.strip(), f"other states' rules, not {state}'s", ctx.note, ctx.query)
        text = extract.text
        if is_yes_no(asked) and not opens_with_verdict(text):
            # Quoted sentences near a yes/no question read as its answer; without a verdict in them, say so, so
            # that the closest rule is not taken for a yes or a no it does not give.
            text = f"{message('no_verdict')}\n{text}"
        return Answer(
            question=ctx.question,
            answer=text,
            abstained=False,
            sources=[Source.from_passage(p) for p in cited],
            mode="extractive",
            note=note,
            search_query=ctx.query,
        )

    def _unsupported(self, ctx: _Context, reason: str) -> Answer:
        kind = decline_reason(ctx.question)
        why = kind.why if kind else None
        where = next((name for pattern, name in _WHERE_TO_CHECK if pattern.search(ctx.question)), None)
        if kind is not None and (where is None or kind.kind in {"status", "ours", "best", "state"}):
            # Only the member's own office, the community or a state board can answer these, not the accreditors.
            where = kind.where
        text = message(
            "unsupported_specific" if why or where else "unsupported",
            why=(why or "I don't have a reliable source for that in my knowledge base"),
            where=where or "the authority directly",
            suggestion="",
        )
        return self._decline(ctx.question, text.strip(), why if why else reason, ctx.note, ctx.query)

    def _decline(self, question: str, text: str, reason: str, note: str | None = None, query: str = "") -> Answer:
        return Answer(
            question=question,
            answer=text,
            abstained=True,
            mode="abstained",
            reason=reason,
            note=note,
            search_query=query,
        )
