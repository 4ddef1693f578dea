"""What each pathway step shows when a member opens it, assembled from prompts/onboarding.yml, the knowledge
files and the workspace's settings. Plain data with **Markdown bold**; Slack and the console render it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings
from bot.onboarding import knowledge
from bot.onboarding.pathway import Pathway, PathwayItem


@dataclass(frozen=True)
class Part:
    heading: str = ""
    text: str = ""
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True)
class ItemDetail:
    item: PathwayItem
    parts: tuple[Part, ...]
    channels: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    comparison: knowledge.Comparison | None = None
    # The guided flow this step starts (mock_activity only).
    flow: str = ""
    # Knowledge pages the content came from, so members can ask follow-up questions about them.
    sources: tuple[str, ...] = ()


class PathwayContent:
    def __init__(self, pathway: Pathway, settings: Settings) -> None:
        self.pathway = pathway
        self.settings = settings

    def _page(self, key: str) -> knowledge.KnowledgePage | None:
        name = self.pathway.knowledge_files.get(key)
        return knowledge.read_page(self.settings.knowledge_dir / name) if name else None

    def _missing(self, key: str) -> Part:
        name = self.pathway.knowledge_files.get(key, key)
        return Part(text=f"I couldn't read {name} from the knowledge base, so this part is not available right now.")

    def detail(self, item_id: str) -> ItemDetail:
        item = self.pathway.item(item_id)
        if item is None:
            raise ValueError(f"unknown pathway item {item_id!r}")
        build = {
            "fundamentals": self._fundamentals,
            "communities": self._communities,
            "samples": self._samples,
            "webinar": self._webinar,
            "mock_activity": self._mock_activity,
        }[item.id]
        return build(item)

    def _fundamentals(self, item: PathwayItem) -> ItemDetail:
        page = self._page("pathway")
        primer = knowledge.primer(page)
        parts = [Part(bullets=tuple(primer)) if primer else self._missing("pathway")]
        parts.append(Part(heading="Ask me anything", text=item.text("ask_anything")))
        return ItemDetail(item, tuple(parts), sources=(page.title,) if page and primer else ())

    def _communities(self, item: PathwayItem) -> ItemDetail:
        channels = tuple(self.settings.community_channels)
        parts = [Part(text=item.text("channels_intro") if channels else item.text("no_channels"))]
        page = self._page("associations")
        found = knowledge.associations(page)
        if found:
            bullets = tuple(f"**{a.name}** ({a.website})" + (f": {a.meetings}." if a.meetings else "") for a in found)
            parts.append(Part(heading="Professional associations and conferences", bullets=bullets))
            guide = knowledge.choosing_guide(page)
            if guide:
                parts.append(Part(heading="Which one fits you", bullets=tuple(guide)))
            parts.append(Part(text=knowledge.caveat(page)))
        else:
            parts.append(self._missing("associations"))
        return ItemDetail(item, tuple(parts), channels=channels, sources=(page.title,) if page and found else ())

    def _samples(self, item: PathwayItem) -> ItemDetail:
        page = self._page("pathway")
        table = knowledge.comparison(page)
        parts = [Part(text=item.text("intro"))]
        if table is None:
            parts.append(self._missing("pathway"))
        else:
            parts.append(Part(text=knowledge.closing_paragraph(page.section("Step 3") if page else None)))
        return ItemDetail(item, tuple(parts), comparison=table, sources=(page.title,) if page and table else ())

    def _webinar(self, item: PathwayItem) -> ItemDetail:
        links = tuple(self.settings.webinar_links)
        intro = item.text("links_intro") if links else item.text("no_links")
        return ItemDetail(item, (Part(text=intro), Part(text=item.text("watch_for"))), links=links)

    def _mock_activity(self, item: PathwayItem) -> ItemDetail:
        return ItemDetail(item, (Part(text=item.summary),), flow=item.text("flow"))
