"""Knowledge releases in a running deployment (no Slack): the installed release, the upgrade check, and the answer
cards and community answers marked for review because a section they cite changed.

The upgrade check runs after every index sync (the bot starting, `cmebot index`) whenever the knowledge files or
the shipped version moved since the last completed check:

  * changed documents have already been re-indexed by the indexer (by content hash);
  * an answer card whose cited section no longer has the hash recorded at review is marked for review (it is also
    left out at start-up, as before: bot/runtime.py), with the changelog entry that explains the change;
  * a community answer whose cited section changed goes back to "needs_review" (it stops answering until an
    expert verifies it again), with the same entry in its note;
  * the installed version is recorded once the check completed and every shipped document was indexed.

Community answers cite sections because they are saved with the sections nearest their question and answer
(`nearest_sections`, stamped with the same section hash cards use). A review closes by itself: a card when it is
stamped again (`cmebot cards stamp`), a community answer when an expert re-verifies, rejects or retires it (its
citations are then re-stamped to the text the expert verified against).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from bot.knowledge.cards import AnswerCard, CardError, load_cards
from bot.knowledge.documents import MAINTAINER_AUTHORITIES
from bot.knowledge.releases import (
    ChangedCitation,
    Changelog,
    Citation,
    ReleaseError,
    changed_citations,
    corpus_fingerprint,
    current_hash,
    document_title,
    load_changelog,
    review_dates,
)
from bot.storage.db import Database
from bot.storage.models._types import utcnow
from bot.storage.models.community import CommunityItem
from bot.storage.models.knowledge_release import KnowledgeCitation, KnowledgeInstall, KnowledgeReview

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.knowledge.indexer import IndexReport
    from bot.services.community import CommunityStore, Item

log = logging.getLogger(__name__)

KB_PREFIX = "kb:"
# Nearest sections a saved community answer cites (cosine of MiniLM embeddings, question and answer each against
# every passage). Not fitted: set by reading what ten hand-written saved-answer-like pairs reached on the shipped
# corpus. The best section is cited when it reaches MIN_FIRST, and up to MAX_CITES - 1 more that reach MIN_MORE and
# are within WITHIN of the best. Answers about local practice ("parking for grand rounds", "who transcribes
# recordings") reach about 0.34 and cite nothing; a topical one ("which LMS for enduring materials") cites that
# topic's sections. A missed citation costs a missed review prompt and a spurious one a needless review, so the bar
# is modest.
MIN_FIRST = 0.40
MIN_MORE = 0.50
WITHIN = 0.08
MAX_CITES = 3
CITED_TIERS = ("authority", "maintainers")
# Reviews listed per App Home panel and per `cmebot knowledge status`.
PANEL_GROUPS = 5


@dataclass(frozen=True)
class Install:
    version: str
    fingerprint: str
    installed_at: datetime


@dataclass
class UpgradeOutcome:
    previous: str | None
    version: str
    checked: bool = False
    installed: bool = False
    cards: list[str] = field(default_factory=list)  # card ids newly marked for review
    community: list[int] = field(default_factory=list)  # community item ids newly marked
    changed_docs: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReviewItem:
    kind: str  # card, community
    ref: str
    question: str


@dataclass
class ReviewGroup:
    """One changed document and change, with what cites it: a line of the curators' panel."""

    doc: str
    title: str
    authority: str
    release: str
    what: str
    rule: str
    kind: str = ""  # the changelog entry's kind; "" when no entry names the change
    cards: list[ReviewItem] = field(default_factory=list)
    community: list[ReviewItem] = field(default_factory=list)

    def headline(self) -> str:
        """ "ACCME changed <title> in <release> (<what>): 3 community answers and 2 answer cards cite it" when the
        authority changed a rule; "<authority>: <title> corrected in <release> (<what>): ..." when the maintainers
        corrected, clarified or added to their page (so a correction is never presented as the authority's act)."""
        counts = [
            _count(len(self.community), "community answer", "community answers"),
            _count(len(self.cards), "answer card", "answer cards"),
        ]
        cite = " and ".join(c for c in counts if c)
        verb = "cites" if _one(counts) else "cite"
        release = f" in {self.release}" if self.release else ""
        if self.kind == "changed" and self.authority and self.authority.lower() not in MAINTAINER_AUTHORITIES:
            change = f"{self.authority} changed {self.title}{release}"
        else:
            source = f"{self.authority}: " if self.authority else ""
            change = f"{source}{self.title} {self.kind or 'changed'}{release}"
        return f"{change} ({self.what}): {cite} {verb} it"


def _count(n: int, one: str, many: str) -> str:
    return "" if n == 0 else f"1 {one}" if n == 1 else f"{n} {many}"


def _one(counts: list[str]) -> bool:
    present = [c for c in counts if c]
    return len(present) == 1 and present[0].startswith("1 ")


class KnowledgeReleases:
    def __init__(self, db: Database, settings: Callable[[], Settings], community: CommunityStore | None = None) -> None:
        self.db = db
        # Read afresh on every call: the Slack harness and reloads replace the runtime's settings object.
        self._settings = settings
        self.community = community

    @property
    def knowledge_dir(self) -> Path:
        return self._settings().knowledge_dir

    @property
    def name(self) -> str:
        return self._settings().collection

    def changelog(self) -> Changelog:
        try:
            return load_changelog(self.knowledge_dir)
        except ReleaseError as exc:
            # A broken changelog must not stop the bot: marks are still made, attributed to no entry.
            log.error("Knowledge changelog not read: %s", exc)
            return Changelog()

    # --- the installed release -----------------------------------------------------------------------------
    def installed(self) -> Install | None:
        with self.db.session() as session:
            row = session.get(KnowledgeInstall, self.name)
            return Install(row.version, row.fingerprint, row.installed_at) if row is not None else None

    def _record_install(self, version: str, fingerprint: str) -> None:
        for _ in range(3):  # two replicas recording the first install race on the primary key; the loser updates
            try:
                with self.db.session() as session:
                    row = session.get(KnowledgeInstall, self.name, with_for_update=True)
                    if row is None:
                        session.add(KnowledgeInstall(name=self.name, version=version, fingerprint=fingerprint))
                    else:
                        row.version, row.fingerprint, row.installed_at = version, fingerprint, utcnow()
                return
            except IntegrityError:
                continue
        raise RuntimeError(f"could not record the installed knowledge release of {self.name}")

    # --- the upgrade -------------------------------------------------------------------------------------------
    def upgrade(self, report: IndexReport | None = None, *, force: bool = False) -> UpgradeOutcome:
        """Mark what cites a changed section and record the installed release; a no-op (one read of the
        knowledge folder) when neither the files nor the shipped version moved since the last completed check."""
        changelog = self.changelog()
        install = self.installed()
        previous = install.version if install is not None else None
        outcome = UpgradeOutcome(previous=previous, version=changelog.version)
        fingerprint = corpus_fingerprint(self.knowledge_dir)
        if not force and install is not None and install.fingerprint == fingerprint and previous == changelog.version:
            return outcome
        outcome.checked = True
        self.reconcile()
        self._mark_cards(changelog, previous, outcome)
        self._mark_community(changelog, previous, outcome)
        outcome.changed_docs = sorted(set(outcome.changed_docs))
        # "Installed" means indexed: a shipped document that was skipped or held back is not, so the check runs
        # again on the next start (marks are idempotent) and the version is recorded once it is.
        incomplete = [
            name
            for name, _ in [*(report.skipped if report else []), *(report.held_back if report else [])]
            if _inside(Path(name), self.knowledge_dir)
        ]
        if incomplete:
            log.warning("Knowledge release %s not recorded as installed: %s not indexed", changelog.version, incomplete)
        else:
            self._record_install(changelog.version, fingerprint)
            outcome.installed = True
        if outcome.cards or outcome.community:
            log.warning(
                "Knowledge %s -> %s: %d answer card(s) and %d community answer(s) cite changed sections and are "
                "marked for review (App Home, `cmebot knowledge status`)",
                previous or "(none recorded)",
                changelog.version or "(no RELEASE.yml)",
                len(outcome.cards),
                len(outcome.community),
            )
        return outcome

    def _mark_cards(self, changelog: Changelog, previous: str | None, outcome: UpgradeOutcome) -> None:
        try:
            cards = load_cards(self.knowledge_dir)
        except CardError as exc:
            log.error("Answer cards not checked for changed sections: %s", exc)
            return
        for card in cards:
            cites = [Citation(c.doc, c.section, c.hash) for c in card.cites]
            for changed in changed_citations(self.knowledge_dir, cites):
                outcome.changed_docs.append(changed.doc)
                if self._mark("card", card.id, "", changed, changelog, previous) and card.id not in outcome.cards:
                    outcome.cards.append(card.id)

    def _mark_community(self, changelog: Changelog, previous: str | None, outcome: UpgradeOutcome) -> None:
        with self.db.session() as session:
            rows = session.execute(
                select(KnowledgeCitation, CommunityItem.team_id)
                .join(CommunityItem, CommunityItem.id == KnowledgeCitation.item_id)
                .where(CommunityItem.status.not_in(("rejected", "retired")))
                .order_by(KnowledgeCitation.item_id, KnowledgeCitation.id)
            ).all()
            cites = [(row.item_id, team, Citation(row.doc, row.section, row.hash)) for row, team in rows]
        notes: dict[int, str] = {}
        for item_id, team, cite in cites:
            for changed in changed_citations(self.knowledge_dir, [cite]):
                outcome.changed_docs.append(changed.doc)
                if self._mark("community", str(item_id), team, changed, changelog, previous):
                    attribution = changelog.attribute(changed.doc, changed.section, previous)
                    title, _ = document_title(self.knowledge_dir, changed.doc)
                    notes.setdefault(
                        item_id,
                        f"the knowledge it cites changed: {title} ({attribution.release or 'local edit'}: "
                        f"{attribution.what})",
                    )
        if not notes:
            return
        with self.db.session() as session:
            for item in session.scalars(select(CommunityItem).where(CommunityItem.id.in_(list(notes)))):
                # Only a verified answer answers members; a pending one is already waiting for an expert.
                note = notes[item.id]
                if item.status == "needs_review" and item.note and note not in item.note:
                    note = f"{note}; also: {item.note}"  # already back for another reason: keep it
                if item.status == "verified":
                    item.status = "needs_review"
                item.note = note[:2000]
                outcome.community.append(int(item.id))
        if self.community is not None:
            self.community.changes += 1  # this process's community index reloads at once; others within a second

    def _mark(
        self, kind: str, ref: str, team: str, changed: ChangedCitation, changelog: Changelog, previous: str | None
    ) -> bool:
        """Open a review for this change (idempotent: replicas and restarts check the same change); True if new."""
        attribution = changelog.attribute(changed.doc, changed.section, previous)
        values = {
            "old_hash": changed.old_hash,
            "release": attribution.release,
            "what": attribution.what,
            "rule": attribution.change.rule if attribution.change else "",
            "change_kind": attribution.change.kind if attribution.change else "",
        }
        try:
            with self.db.session() as session:
                existing = list(
                    session.scalars(
                        select(KnowledgeReview).where(
                            KnowledgeReview.kind == kind,
                            KnowledgeReview.ref == ref,
                            KnowledgeReview.doc == changed.doc,
                            KnowledgeReview.section == changed.section,
                        )
                    )
                )
                same = next((r for r in existing if r.new_hash == changed.new_hash), None)
                if same is not None and same.status == "open":
                    return False
                still_open = next((r for r in existing if r.status == "open"), None)
                if same is not None and still_open is not None:
                    # Back to a text reviewed before, while a later change is open: one open review, not two.
                    still_open.status, still_open.resolution, still_open.resolved_at = (
                        "resolved",
                        "superseded",
                        utcnow(),
                    )
                row = same or still_open
                if row is None:
                    row = KnowledgeReview(kind=kind, ref=ref, team_id=team, doc=changed.doc, section=changed.section)
                    session.add(row)
                    created = True
                else:
                    # The section changed again before anyone reviewed it, or back to a text reviewed before.
                    created = row.status != "open"
                    row.created_at, row.resolved_at, row.resolution = utcnow(), None, ""
                row.new_hash, row.status = changed.new_hash, "open"
                for name, value in values.items():
                    setattr(row, name, value)
            return created
        except IntegrityError:
            return False  # another process opened the same review a moment ago

    # --- closing reviews -----------------------------------------------------------------------------------------
    def reconcile(self) -> int:
        """Close reviews that were dealt with: a card stamped again (or removed), a community answer re-verified,
        rejected or retired (or deleted). Returns how many were closed."""
        with self.db.session() as session:
            reviews = list(session.scalars(select(KnowledgeReview).where(KnowledgeReview.status == "open")))
        if not reviews:
            return 0
        cards: dict[str, AnswerCard] | None = None
        if any(r.kind == "card" for r in reviews):
            try:
                cards = {card.id: card for card in load_cards(self.knowledge_dir)}
            except CardError:
                cards = None  # cannot tell; leave card reviews open
        items: dict[int, CommunityItem] = {}
        ids = [int(r.ref) for r in reviews if r.kind == "community" and r.ref.isdigit()]
        if ids:
            with self.db.session() as session:
                items = {row.id: row for row in session.scalars(select(CommunityItem).where(CommunityItem.id.in_(ids)))}
        closed: dict[int, str] = {}
        reverified: set[int] = set()
        for review in reviews:
            if review.kind == "card" and cards is not None:
                why = self._card_resolution(review, cards.get(review.ref))
            elif review.kind == "community":
                item = items.get(int(review.ref)) if review.ref.isdigit() else None
                why = _community_resolution(review, item)
                if why == "re-verified" and item is not None:
                    reverified.add(item.id)
            else:
                why = ""
            if why:
                closed[review.id] = why
        for item_id in reverified:
            self.restamp(item_id)
        if closed:
            with self.db.session() as session:
                for row in session.scalars(select(KnowledgeReview).where(KnowledgeReview.id.in_(list(closed)))):
                    row.status, row.resolution, row.resolved_at = "resolved", closed[row.id], utcnow()
        return len(closed)

    def _card_resolution(self, review: KnowledgeReview, card: AnswerCard | None) -> str:
        if card is None:
            return "card removed"
        cites = [c for c in card.cites if c.doc == review.doc and _same_section(c.section, review.section)]
        if not cites:
            return "card no longer cites the section"
        if all(c.hash and c.hash == current_hash(self.knowledge_dir, c.doc, c.section) for c in cites):
            return "card stamped after review"
        return ""

    # --- community answers' citations --------------------------------------------------------------------------
    def cite(self, item_id: int, citations: Iterable[Citation]) -> list[Citation]:
        """Record what a community answer cites (replacing what it cited before)."""
        unique = list({(c.doc, c.section): c for c in citations}.values())
        with self.db.session() as session:
            session.execute(delete(KnowledgeCitation).where(KnowledgeCitation.item_id == item_id))
            for cite in unique:
                session.add(KnowledgeCitation(item_id=item_id, doc=cite.doc, section=cite.section, hash=cite.hash))
        return unique

    def citations(self, item_id: int) -> list[Citation]:
        with self.db.session() as session:
            rows = session.scalars(
                select(KnowledgeCitation).where(KnowledgeCitation.item_id == item_id).order_by(KnowledgeCitation.id)
            )
            return [Citation(r.doc, r.section, r.hash) for r in rows]

    def restamp(self, item_id: int) -> list[Citation]:
        """An expert verified the answer against today's knowledge: its citations now pin today's text (a section
        that no longer exists is no longer cited)."""
        current = []
        for cite in self.citations(item_id):
            now = current_hash(self.knowledge_dir, cite.doc, cite.section)
            if now:
                current.append(Citation(cite.doc, cite.section, now))
        return self.cite(item_id, current)

    # --- what curators see ---------------------------------------------------------------------------------------
    def open_reviews(
        self, *, team_id: str | None = None, may_see: Callable[[Item], bool] | None = None
    ) -> list[ReviewGroup]:
        """Open reviews grouped by changed document and change, newest release first. Community answers are
        listed only for `team_id` (None: every workspace, for the command line) and only those `may_see` allows;
        cards are shared by every workspace."""
        self.reconcile()
        with self.db.session() as session:
            query = select(KnowledgeReview).where(KnowledgeReview.status == "open").order_by(KnowledgeReview.id)
            reviews = list(session.scalars(query))
        if not reviews:
            return []
        card_questions: dict[str, str] = {}
        if any(r.kind == "card" for r in reviews):
            try:
                card_questions = {c.id: c.question for c in load_cards(self.knowledge_dir)}
            except CardError:
                card_questions = {}
        items: dict[int, Item] = {}
        if self.community is not None:
            for review in reviews:
                if review.kind == "community" and review.ref.isdigit() and int(review.ref) not in items:
                    found = self.community.get(int(review.ref))
                    if found is not None:
                        items[found.id] = found
        groups: dict[tuple[str, str, str], ReviewGroup] = {}
        for review in reviews:
            key = (review.doc, review.release, review.what)
            if review.kind == "community":
                item = items.get(int(review.ref)) if review.ref.isdigit() else None
                if team_id is not None and review.team_id != team_id:
                    continue
                if item is not None and may_see is not None and not may_see(item):
                    continue
                entry = ReviewItem("community", review.ref, item.question if item else "(deleted)")
            else:
                entry = ReviewItem("card", review.ref, card_questions.get(review.ref, ""))
            group = groups.get(key)
            if group is None:
                title, authority = document_title(self.knowledge_dir, review.doc)
                group = groups[key] = ReviewGroup(
                    review.doc, title, authority, review.release, review.what, review.rule, review.change_kind
                )
            bucket = group.community if entry.kind == "community" else group.cards
            if all(existing.ref != entry.ref for existing in bucket):
                bucket.append(entry)
        ordered = sorted(groups.values(), key=lambda g: (_version_sort(g.release), g.doc), reverse=True)
        return [g for g in ordered if g.cards or g.community]

    def status_lines(self, today: date | None = None) -> list[str]:
        """What `cmebot knowledge status` prints."""
        today = today or date.today()
        changelog = self.changelog()
        install = self.installed()
        installed = install.version if install is not None else None
        current = changelog.current
        lines = [
            "Knowledge release",
            f"  shipped:   {current.version} ({current.date})" if current else "  shipped:   none (no RELEASE.yml)",
        ]
        if install is None:
            lines.append("  installed: none recorded (run `cmebot index` or start the bot to install it)")
        else:
            lines.append(
                f"  installed: {install.version or '(no RELEASE.yml)'} "
                f"(checked {install.installed_at:%Y-%m-%d %H:%M} UTC)"
            )
        pending = changelog.since(installed) if current else []
        if install is not None and install.version == changelog.version:
            pending = []
        lines.append("")
        if not pending:
            lines.append("Changes since the installed version: none")
        else:
            lines.append(f"Changes since the installed version ({len(pending)} release(s), newest first):")
            for release in pending:
                lines.append(f"  {release.version} ({release.date}): {' '.join(release.summary.split())}".rstrip(": "))
                for change in release.changes:
                    title, _ = document_title(self.knowledge_dir, change.doc)
                    extra = "; ".join(
                        part
                        for part in (change.rule, f"effective {change.effective_date}" if change.effective_date else "")
                        if part
                    )
                    lines.append(f"    - {change.kind}: {title} [{change.doc}]")
                    lines.append(f"        {change.what}" + (f" ({extra})" if extra else ""))
        groups = self.open_reviews()
        lines.append("")
        if not groups:
            lines.append("Marked for review: nothing")
        else:
            lines.append("Marked for review (a cited section changed):")
            for group in groups:
                lines.append(f"  {group.headline()}")
                for entry in group.cards:
                    lines.append(
                        f"    card {entry.ref}: {entry.question}  (re-read, then `cmebot cards stamp {entry.ref}`)"
                    )
                for entry in group.community:
                    lines.append(f"    community answer #{entry.ref}: {entry.question}  (verify or reject in App Home)")
        dates = review_dates(self.knowledge_dir)
        stale = sum(1 for d in dates if d.stale(today))
        lines.append("")
        lines.append(f"Last reviewed, oldest first ({stale} not reviewed for over a year, marked !):")
        for entry in dates:
            mark = "!" if entry.stale(today) else " "
            when = entry.last_reviewed.isoformat() if entry.last_reviewed else "never     "
            lines.append(f"  {mark} {when}  {entry.doc}")
        return lines


def _community_resolution(review: KnowledgeReview, item: CommunityItem | None) -> str:
    if item is None:
        return "answer deleted"
    if item.status in ("rejected", "retired"):
        return f"answer {item.status}"
    if item.status == "verified" and item.verified_at is not None and item.verified_at >= review.created_at:
        return "re-verified"
    return ""


def _same_section(a: str, b: str) -> bool:
    return a == b or a.split(" > ")[-1] == b.split(" > ")[-1]


def _version_sort(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split(".")) if version else ()
    except ValueError:
        return ()


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


# --- citing at save time ---------------------------------------------------------------------------------------
def nearest_sections(collection: Any, vectors: list[list[float]], knowledge_dir: Path) -> list[Citation]:
    """The knowledge sections nearest a community answer (its question's and its answer's embeddings), each with
    its text hash now. Dense only: a Slack front without workers has the collection but no lexical index."""
    best: dict[tuple[str, str], float] = {}
    for vector in vectors:
        if not vector:
            continue
        result = collection.query(
            query_embeddings=[vector],
            n_results=6,
            where={"tier": {"$in": list(CITED_TIERS)}},
            include=["metadatas", "distances"],
        )
        for meta, distance in zip(result["metadatas"][0], result["distances"][0], strict=True):
            doc_id = str(meta.get("doc_id", ""))
            if not doc_id.startswith(KB_PREFIX):
                continue  # uploads are not part of a release
            key = (doc_id[len(KB_PREFIX) :], str(meta.get("heading", "")))
            best[key] = max(best.get(key, -1.0), 1.0 - float(distance))
    ranked = sorted(best.items(), key=lambda pair: -pair[1])
    if not ranked or ranked[0][1] < MIN_FIRST:
        return []
    top = ranked[0][1]
    near = [key for key, score in ranked[1:] if score >= MIN_MORE and top - score <= WITHIN]
    chosen = [ranked[0][0], *near[: MAX_CITES - 1]]
    citations = []
    for doc, heading in chosen:
        now = current_hash(knowledge_dir, doc, heading)
        if now:  # the index can lag the files by a moment; cite only what the file says now
            citations.append(Citation(doc, heading, now))
    return citations


def cite_saved_item(
    releases: KnowledgeReleases, collection: Any, embed: Callable[[list[str]], list[list[float]]], item: Item
) -> list[Citation]:
    """Record the sections a just-saved community answer cites. Never raises: a save must not fail for this."""
    try:
        vectors = [*item.vectors[:1], *embed([item.answer])]
        return releases.cite(item.id, nearest_sections(collection, vectors, releases.knowledge_dir))
    except Exception:
        log.exception("Could not record the knowledge sections community answer %s cites", item.id)
        return []


def is_reviewer(runtime: Any, user_id: str) -> bool:
    """Who sees the knowledge-review panel: curators and experts (admins are both). Uses the roles service when
    the runtime has one (user groups count), else the settings' ids."""
    roles = getattr(runtime, "roles", None)
    if roles is not None:
        return bool(roles.is_curator(user_id) or roles.is_expert(user_id))
    settings = runtime.settings
    return bool(user_id) and (settings.is_expert(user_id) or user_id in getattr(settings, "curators", []))
