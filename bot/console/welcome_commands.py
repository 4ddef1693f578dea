"""`/welcome` in `cmebot chat`: preview the welcome DM and the newcomer checklist, open a step, tick it off.

/welcome            the welcome text, the checklist and the common-mistakes card
/welcome 3          open step 3 (or its id, e.g. /welcome samples)
/welcome done 3     tick step 3 for the console user
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markdown import Markdown
from rich.table import Table

from bot.onboarding.content import ItemDetail, PathwayContent
from bot.onboarding.pathway import PathwayItem, welcome_text
from bot.onboarding.service import OnboardingService

if TYPE_CHECKING:
    from bot.console.chat import ConsoleChat

USAGE = "/welcome [N | done N] — N is a step number (1-5) or its id"


def _service(chat: ConsoleChat) -> OnboardingService:
    return OnboardingService(chat.runtime.db, chat.runtime.settings)


def _item(service: OnboardingService, ref: str) -> PathwayItem | None:
    items = service.pathway.items
    if ref.isdigit() and 1 <= int(ref) <= len(items):
        return items[int(ref) - 1]
    return service.pathway.item(ref)


def print_checklist(chat: ConsoleChat, service: OnboardingService) -> None:
    service.sync_flow_progress(chat.user_id)
    entries = service.checklist(chat.user_id)
    chat.console.print(f"\n[bold]{service.pathway.checklist_title}[/bold]")
    for number, entry in enumerate(entries, 1):
        mark = "[green]✔[/green]" if entry.done else "☐"
        chat.console.print(f" {mark} {number}. ", end="")
        chat.console.print(f"{entry.item.title} — {entry.item.summary}", markup=False, highlight=False)
    if all(entry.done for entry in entries):
        chat.console.print(service.pathway.done_title, markup=False)


def print_mistakes(chat: ConsoleChat, service: OnboardingService) -> None:
    chat.console.print(f"\n[bold]{service.pathway.mistakes_title}[/bold]")
    for mistake in service.pathway.mistakes:
        chat.console.print(Markdown(f"- **{mistake.title}**: {mistake.text}"))


def print_detail(chat: ConsoleChat, detail: ItemDetail) -> None:
    chat.console.print(f"\n[bold]{detail.item.title}[/bold]")
    for index, part in enumerate(detail.parts):
        lines = [f"**{part.heading}**" if part.heading else "", part.text, *(f"- {b}" for b in part.bullets)]
        text = "\n".join(lines).strip()
        if text:
            chat.console.print(Markdown(text))
        if index == 0:
            # Channels, links and the comparison belong right under the step's introduction.
            for value in (*detail.channels, *detail.links):
                chat.console.print(f"  • {value}", markup=False, highlight=False)
            if detail.comparison:
                table = Table("", detail.comparison.left, detail.comparison.right, show_lines=True)
                for row in detail.comparison.rows:
                    table.add_row(*row)
                chat.console.print(table)
    if detail.sources:
        chat.console.print("From the knowledge base: " + "; ".join(detail.sources), style="dim", markup=False)


def _start_flow(chat: ConsoleChat, flow: str) -> bool:
    # The flows feature registers its own console command (/mock-activity); reuse it rather than a second copy.
    command = chat.commands.get(flow.replace("_", "-")) or chat.commands.get(flow)
    if command is None:
        return False
    command.handler(chat, "")
    return True


def welcome(chat: ConsoleChat, rest: str) -> None:
    service = _service(chat)
    words = rest.split()
    if not words:
        chat.console.print(welcome_text(), markup=False, highlight=False)
        print_checklist(chat, service)
        print_mistakes(chat, service)
        chat.console.print(f"\n{USAGE}", style="dim", markup=False)
        return
    tick = words[0].lower() in ("done", "tick")
    item = _item(service, words[1] if tick and len(words) > 1 else words[0])
    if item is None:
        chat.console.print(f"No such step. {USAGE}", markup=False)
        return
    if tick:
        service.complete(chat.user_id, item.id)
        print_checklist(chat, service)
        return
    detail = PathwayContent(service.pathway, chat.runtime.settings).detail(item.id)
    print_detail(chat, detail)
    if detail.flow and not _start_flow(chat, detail.flow):
        chat.console.print(f"The {detail.flow} flow is not available in this console.", markup=False)
    chat.console.print(f"\nTick it off with /welcome done {service.pathway.ids.index(item.id) + 1}", style="dim")


def register(chat: ConsoleChat) -> None:
    chat.register("welcome", "preview the welcome and the newcomer checklist (/welcome done N ticks a step)", welcome)
