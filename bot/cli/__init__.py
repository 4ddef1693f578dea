"""The `cmebot` command line: run, index, ask, chat, eval, cards."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bot.config import get_settings
from bot.knowledge.indexer import IndexReport
from bot.startup import clear_startup_errors

app = typer.Typer(add_completion=False, no_args_is_help=True, help="CME community assistant.")
console = Console(stderr=True, soft_wrap=True)


def _runtime():  # type: ignore[no-untyped-def]
    from bot.logging_setup import configure_logging
    from bot.runtime import Runtime

    settings = get_settings()
    configure_logging(settings)
    with clear_startup_errors(settings):
        return Runtime(settings)


def _os_user() -> str:
    """Who runs a command, for the audit log (bot/services/audit.py)."""
    from bot.knowledge.clearances import local_user

    return local_user()


def _progress_factory(progress: Progress):  # type: ignore[no-untyped-def]
    def start(total: int):  # type: ignore[no-untyped-def]
        task = progress.add_task("Embedding chunks", total=total)
        return lambda n: progress.advance(task, n)

    return start


def _print_report(report: IndexReport) -> None:
    console.print(
        f"Indexed in {report.seconds:.2f}s: {len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.removed)} removed, {report.unchanged} unchanged; {report.chunks_embedded} chunks embedded.",
        highlight=False,
    )
    for name, reason in report.skipped:
        console.print(f"  skipped {name}: {reason}", style="yellow", highlight=False, markup=False)
    for name, reason in report.held_back:
        console.print(
            f"  held back: {name}: {reason} (run `cmebot index --clear {name}` after review)",
            style="red",
            highlight=False,
            markup=False,
        )


def _index(runtime, paths: list[Path]) -> IndexReport:  # type: ignore[no-untyped-def]
    with (
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as progress,
        clear_startup_errors(runtime.settings),
    ):
        return runtime.index(paths, _progress_factory(progress))


@app.command()
def index(
    paths: Annotated[list[Path] | None, typer.Argument(help="Extra files or folders to index.")] = None,
    clear: Annotated[
        list[Path] | None,
        typer.Option(
            "--clear",
            help="A held-back file you have reviewed: index it as it is now (it is scanned again once edited).",
        ),
    ] = None,
) -> None:
    """Index knowledge/ (and any files or folders given); only changed files are embedded."""
    from bot.knowledge.clearances import local_user
    from bot.knowledge.documents import DocumentError

    runtime = _runtime()
    for path in clear or []:
        try:
            findings = runtime.indexer.clear(path, local_user())
        except DocumentError as exc:
            console.print(f"Cannot clear {path}: {exc}", markup=False, highlight=False)
            raise typer.Exit(2) from exc
        if findings:
            runtime.audit.record(f"cli:{local_user()}", "index.clear", str(path), {"findings": len(findings)})
            console.print(
                f"Cleared {path} as reviewed by {local_user()} ({len(findings)} finding(s)); "
                "it is held back again if its content changes.",
                markup=False,
                highlight=False,
            )
        else:
            console.print(f"Nothing to clear: {path} is not held back.", markup=False, highlight=False)
    _print_report(_index(runtime, [*(paths or []), *(clear or [])]))


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in quotes.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
) -> None:
    """Answer one question and exit."""
    runtime = _runtime()
    _index(runtime, [])
    answer, _ = runtime.ask(question, surface="cli")
    if as_json:
        sys.stdout.write(json.dumps(answer.public_dict(), ensure_ascii=False) + "\n")
        return
    from bot.console.render import print_answer

    print_answer(Console(), answer)


@app.command()
def chat() -> None:
    """A conversation in the terminal."""
    from bot.console.chat import ConsoleChat

    runtime = _runtime()
    report = _index(runtime, [])
    if report.changed or report.skipped or report.held_back:
        _print_report(report)
    runtime.engine  # noqa: B018  (load the model before the first prompt, not during it)
    ConsoleChat(runtime).loop()


@app.command(name="eval")
def evaluate(
    file: Annotated[Path, typer.Argument(help="JSONL evaluation set.")],
    k: Annotated[int, typer.Option("--k", min=1, help="Passages considered for hit@k and MRR.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as one JSON object.")] = False,
    dump: Annotated[
        Path | None, typer.Option("--dump", help="Write every question, answer and verdict to this JSONL file.")
    ] = None,
) -> None:
    """Score retrieval and answers on an evaluation set (questions, or threads with "turns")."""
    from bot.evaluation.dataset import DatasetError, load_items
    from bot.evaluation.runner import EnginePipeline
    from bot.evaluation.runner import evaluate as run_eval

    try:
        items = load_items(file)
    except DatasetError as exc:
        console.print(f"Cannot evaluate: {exc}", markup=False)
        raise typer.Exit(2) from exc
    runtime = _runtime()
    _index(runtime, [])
    engine = runtime.engine
    for _ in range(3):  # warm the model and caches so latency figures describe a running bot
        engine.ask("warm-up question about accreditation")
    report = run_eval(EnginePipeline(engine), items, k=k)
    if dump is not None:
        dump.write_text("".join(json.dumps(item) + "\n" for item in report.item_dicts()), encoding="utf-8")
    if as_json:
        sys.stdout.write(json.dumps(report.as_dict()) + "\n")
        return
    from rich.table import Table

    table = Table(title=f"{file.name}: {report.n} questions, k={k}")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in report.as_dict().items():
        if key != "by_group":
            table.add_row(key, str(value))
    for name, figures in report.by_group.items():
        table.add_row(f"  {name}", ", ".join(f"{k}={v}" for k, v in figures.items()))
    Console().print(table)


@app.command()
def cards(
    action: Annotated[str, typer.Argument(help="check: validate every answer card; stamp: record a re-review.")],
    ids: Annotated[list[str] | None, typer.Argument(help="Card ids to stamp after re-reading their sections.")] = None,
) -> None:
    """Answer cards in knowledge/cards: `check` validates them all; `stamp ID...` pins re-reviewed cards to the
    current text of the sections they cite (and sets last_reviewed to today)."""
    from bot.knowledge.cards import CardError
    from bot.knowledge.cards import main as cards_main

    if action not in ("check", "stamp"):
        console.print(f"Unknown action {action!r}: use check or stamp.", markup=False)
        raise typer.Exit(2)
    try:
        code = cards_main([action, *(ids or [])])
    except CardError as exc:
        console.print(f"Cannot read the answer cards: {exc}", markup=False)
        raise typer.Exit(2) from exc
    raise typer.Exit(code)


@app.command()
def run(
    http: Annotated[bool, typer.Option("--http", help="Serve Slack's HTTP mode instead of Socket Mode.")] = False,
    port: Annotated[int, typer.Option("--port", help="Port for --http.")] = 3000,
    workers: Annotated[
        bool, typer.Option("--workers/--no-workers", help="Answer in this process too (--no-workers: front only).")
    ] = True,
) -> None:
    """Run the bot: Slack when tokens are configured, otherwise the console chat."""
    settings = get_settings()
    if not settings.slack_configured:
        console.print(
            "No Slack tokens configured (SLACK_BOT_TOKEN / SLACK_APP_TOKEN), so here is the console chat.\n"
            "To connect Slack, create the app from manifest.yml and set the tokens in .env (see README).",
            style="dim",
            highlight=False,
        )
        chat()
        return
    from bot.slack.runner import run_slack

    runtime = _runtime()
    if workers:
        report = _index(runtime, [])  # with a progress bar, before Slack traffic arrives
        if report.changed or report.skipped or report.held_back:
            _print_report(report)
    with clear_startup_errors(runtime.settings):
        run_slack(runtime, http=http, port=port, workers=workers)


@app.command()
def worker() -> None:
    """Run answer workers only: they take questions the Slack fronts (`cmebot run --no-workers`) queued."""
    from bot.slack.runner import run_workers

    runtime = _runtime()
    report = _index(runtime, [])
    if report.changed or report.skipped or report.held_back:
        _print_report(report)
    with clear_startup_errors(runtime.settings):
        run_workers(runtime)


@app.command()
def insights(
    since: Annotated[str, typer.Option("--since", help="Period to look back over: 30d, 4w, 3m.")] = "30d",
    chart: Annotated[Path | None, typer.Option("--chart", help="Also write the weekly volume chart (PNG).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """What members ask, what the bot declines or answers unhelpfully (clustered), and the curators' backlog.

    Example questions come only from public channels (`CMEBOT_PUBLIC_CHANNELS`, or none): questions asked in
    private channels and DMs are counted, never quoted."""
    from bot.services.insights import BadSince, build_report, chart_png, parse_since

    try:
        period = parse_since(since)
    except BadSince as exc:
        console.print(str(exc), markup=False)
        raise typer.Exit(2) from exc
    runtime = _runtime()
    public = set(runtime.settings.public_channels)
    report = build_report(runtime, period, lambda channel: channel in public)
    if chart is not None:
        chart_png(report, chart)
    if as_json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(report.text())
        if chart is not None:
            print(f"\nChart: {chart}")


@app.command()
def outcomes(
    file: Annotated[Path, typer.Argument(help="Responses CSV: learner_id,item,phase,correct (or score).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print items, summary and problems as JSON.")] = False,
    items: Annotated[
        Path | None, typer.Option("--items", help="Item metadata CSV: item,objective,level (Moore 3a, 3b, 4, 5...).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder to write the chart (PNG) and the report (.docx) into.")
    ] = None,
    activity: Annotated[str | None, typer.Option("--activity", help="Activity name for the report.")] = None,
    max_mb: Annotated[float, typer.Option("--max-mb", min=0.001, help="Largest responses file accepted, in MB.")] = 50,
) -> None:
    """Pre/post outcomes: McNemar or paired tests per item, Holm-adjusted, with the Moore level the data support.

    Bad rows are listed and left out (exit 0); exit 2 with one line when nothing can be analysed."""
    from bot.outcomes import OutcomesInputError, analyse_csv, chart_png, write_docx

    try:
        result = analyse_csv(file, items=items, activity=activity, max_bytes=int(max_mb * 1e6))
    except OutcomesInputError as exc:
        console.print(f"Cannot analyse {file.name}: {exc}", markup=False, highlight=False)
        raise typer.Exit(2) from exc
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
            png = chart_png(result, out / f"{file.stem}-outcomes.png")
            report = write_docx(result, out / f"{file.stem}-outcomes.docx", chart=png)
        except OSError as exc:
            console.print(f"Cannot write to {out}: {exc.strerror or exc}", markup=False, highlight=False)
            raise typer.Exit(2) from exc
        console.print(f"Wrote {out / f'{file.stem}-outcomes.png'} and {report}", markup=False, highlight=False)
    if as_json:
        sys.stdout.write(result.to_json() + "\n")
        return
    print(result.text())
    if result.problems:
        counts = ", ".join(f"{count} {kind}" for kind, count in result.summary["problem_counts"].items())
        console.print(f"\nData problems ({counts}); rows with problems were left out:", markup=False, highlight=False)
        for problem in result.problems[:20]:
            where = f"line {problem.line}" if problem.line is not None else "file"
            console.print(f"  {where}: {problem.message}", markup=False, highlight=False)
        if len(result.problems) > 20:
            console.print("  ... and more: see --json or the report", markup=False, highlight=False)


@app.command()
def check(
    source: Annotated[str, typer.Argument(help="A flyer: a file (PDF, DOCX, HTML, text), a link, or - for stdin")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON")] = False,
) -> None:
    """Is it accredited? Read a flyer's accreditation and credit statements and its red flags."""
    from bot.checker.render import as_lines
    from bot.checker.service import AccreditationChecker, CheckInputError

    checker = AccreditationChecker()
    try:
        if source == "-":
            outcome = checker.check_message(sys.stdin.buffer.read().decode("utf-8", errors="replace"))
        elif source.lower().startswith(("http://", "https://")):
            outcome = checker.check_url(source)
        else:
            path = Path(source)
            try:
                data = path.read_bytes()
            except OSError as exc:
                console.print(f"Cannot read {source}: {exc.strerror or exc}", markup=False)
                raise typer.Exit(2) from exc
            outcome = checker.check_file(data, path.name)
    except CheckInputError as exc:
        console.print(str(exc), markup=False)
        raise typer.Exit(2) from exc
    if as_json:
        print(json.dumps(outcome.result.as_dict(), ensure_ascii=False, indent=2))
        return
    print("\n".join(as_lines(outcome.result, outcome.checked)))


kb_app = typer.Typer(no_args_is_help=True, help="Community knowledge: export and import saved answers as Markdown.")
app.add_typer(kb_app, name="kb")


@kb_app.command("export")
def kb_export(
    folder: Annotated[Path, typer.Argument(help="Folder to write one Markdown file per saved answer into.")],
    team: Annotated[str | None, typer.Option("--team", help="Only this workspace's items.")] = None,
) -> None:
    """Write every community item (with its status, visibility and provenance) as Markdown with front matter."""
    runtime = _runtime()
    written = runtime.community.export_markdown(folder, team_id=team)
    runtime.audit.record(f"cli:{_os_user()}", "community.export", str(folder), {"items": len(written), "team": team})
    console.print(f"Exported {len(written)} community answers to {folder}", highlight=False)


@kb_app.command("import")
def kb_import(
    folder: Annotated[Path, typer.Argument(help="Folder of Markdown files made by `cmebot kb export`.")],
) -> None:
    """Read curated files back: an item whose id exists is updated, a file without one is added."""
    if not folder.is_dir():
        console.print(f"No such folder: {folder}", markup=False)
        raise typer.Exit(2)
    runtime = _runtime()
    try:
        added, updated = runtime.community.import_markdown(folder, runtime.embed_texts)
    except (ValueError, KeyError) as exc:
        console.print(f"Cannot import: {exc}", markup=False)
        raise typer.Exit(2) from exc
    runtime.audit.record(f"cli:{_os_user()}", "community.import", str(folder), {"added": added, "updated": updated})
    console.print(f"Imported from {folder}: {added} added, {updated} updated", highlight=False)


knowledge_app = typer.Typer(
    no_args_is_help=True, help="The shipped knowledge release: version, changelog and what it sends to review."
)
app.add_typer(knowledge_app, name="knowledge")


@knowledge_app.command("status")
def knowledge_status() -> None:
    """The shipped and installed knowledge release, the changelog entries after the installed one, the answer
    cards and community answers marked for review, and every document's last review date (oldest first)."""
    runtime = _runtime()
    print("\n".join(runtime.releases.status_lines()))


tokens_app = typer.Typer(no_args_is_help=True, help="Workspace tokens of multi-workspace (OAuth) installs.")
app.add_typer(tokens_app, name="tokens")


@tokens_app.command("rotate")
def tokens_rotate() -> None:
    """Re-encrypt every stored workspace token under the first key of CMEBOT_TOKEN_KEY (then drop the old key)."""
    from bot.slack.installations import TokenKeyError, installation_store

    runtime = _runtime()
    try:
        changed = installation_store(runtime.settings, runtime.db.engine).rotate()
    except TokenKeyError as exc:
        console.print(f"Cannot rotate: {exc}", markup=False)
        raise typer.Exit(2) from exc
    console.print(f"Re-encrypted the tokens of {changed} stored installation and bot rows", highlight=False)


data_app = typer.Typer(
    no_args_is_help=True, help="Members' data: export, delete, and the retention purge (README: Your data)."
)
app.add_typer(data_app, name="data")


@data_app.command("export")
def data_export(
    user: Annotated[str, typer.Option("--user", help="The member's Slack user id (U...).")],
) -> None:
    """Print everything the bot holds about a member as JSON (every table, their uploaded files, the index)."""
    from bot.services.audit import cli_actor
    from bot.services.member_data import MemberData

    runtime = _runtime()
    exported = MemberData(runtime).export(user)
    text = json.dumps(exported, ensure_ascii=False, indent=2)
    runtime.audit.record(cli_actor(), "data.export", f"member:{user}", {"via": "cli", "bytes": len(text)})
    sys.stdout.write(text + "\n")


@data_app.command("delete")
def data_delete(
    user: Annotated[str, typer.Option("--user", help="The member's Slack user id (U...).")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    remove_answers: Annotated[
        bool,
        typer.Option(
            "--remove-answers", help="Also delete community answers they wrote (kept as a former member's otherwise)."
        ),
    ] = False,
) -> None:
    """Delete everything the bot holds about a member (their community answers keep their text unless
    --remove-answers; the audit log keeps the record of this deletion)."""
    from bot.services.audit import cli_actor
    from bot.services.member_data import MemberData

    runtime = _runtime()
    data = MemberData(runtime)
    summary = data.summary(user)
    counts = ", ".join(f"{count} {label.lower()}" for label, count in summary.lines() if count) or "no records"
    console.print(f"{user}: {counts}.", markup=False, highlight=False)
    if not yes and not typer.confirm(f"Delete everything the bot holds about {user}?", default=False):
        console.print("Nothing deleted.", highlight=False)
        raise typer.Exit(1)
    try:
        report = data.delete(user, remove_answers=remove_answers, actor=cli_actor())
    except ValueError as exc:
        console.print(f"Cannot delete: {exc}", markup=False)
        raise typer.Exit(2) from exc
    done = ", ".join(f"{store} {count}" for store, count in report.counts.items()) or "nothing was held"
    console.print(f"Deleted for {user}: {done}.", markup=False, highlight=False)


@data_app.command("purge")
def data_purge(
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only count what is past its retention.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Delete what is past its retention (CMEBOT_RETAIN_*_DAYS); the bot also does this once a day. For console
    and cron installs."""
    from bot.services.audit import cli_actor
    from bot.services.retention import purge

    runtime = _runtime()
    report = purge(runtime, dry_run=dry_run, actor=cli_actor())
    if as_json:
        print(json.dumps(report.as_dict(), indent=2))
        return
    print("\n".join(report.lines()))


@app.command()
def audit(
    since: Annotated[str, typer.Option("--since", help="Period to look back over: 30d, 4w, 3m.")] = "30d",
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per entry, one per line.")] = False,
) -> None:
    """The audit log: who verified, edited, rejected or retired community answers, verified documents, cleared
    held-back files, exported, deleted or purged members' data, and viewed the settings, oldest first."""
    from bot.services.insights import BadSince, parse_since

    try:
        period = parse_since(since)
    except BadSince as exc:
        console.print(str(exc), markup=False)
        raise typer.Exit(2) from exc
    runtime = _runtime()
    entries = runtime.audit.entries(period)
    if as_json:
        for entry in entries:
            print(json.dumps(entry.as_dict(), ensure_ascii=False))
        return
    for entry in entries:
        print(entry.line())
    if not entries:
        console.print(f"No audit entries in the last {since}.", highlight=False)


def main() -> None:
    app()
