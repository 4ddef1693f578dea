"""A terminal conversation with the bot: questions go to the answer engine, /commands to their handlers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console

from bot.answering.models import Turn
from bot.console.render import print_answer
from bot.runtime import Runtime
from bot.texts import message

InputFn = Callable[[str], str]


@dataclass
class ConsoleCommand:
    name: str
    help: str
    handler: Callable[[ConsoleChat, str], None]


class ConsoleChat:
    def __init__(
        self, runtime: Runtime, console: Console | None = None, read: InputFn | None = None, user_id: str = "console"
    ) -> None:
        self.runtime = runtime
        self.console = console or Console()
        self.read = read or (lambda prompt: self.console.input(prompt))
        self.user_id = user_id
        self.history: list[Turn] = []
        self.commands: dict[str, ConsoleCommand] = {}
        self.register("help", "what I can do", _print_help)
        self.register("reset", "forget this conversation's earlier questions", lambda chat, _: chat.history.clear())
        for register in _command_modules():
            register(self)

    def register(self, name: str, help: str, handler: Callable[[ConsoleChat, str], None]) -> None:
        self.commands[name] = ConsoleCommand(name, help, handler)

    def ask(self, prompt: str) -> str | None:
        """Read one line; None when the user ends the input (Ctrl-D / Ctrl-C)."""
        try:
            return self.read(prompt)
        except (EOFError, KeyboardInterrupt):
            return None

    def handle(self, line: str) -> bool:
        """Handle one line; False when the user asked to quit."""
        text = line.strip()
        if text in ("/quit", "/exit", "quit", "exit"):
            return False
        if text.startswith("/"):
            name, _, rest = text[1:].partition(" ")
            command = self.commands.get(name.lower())
            if command is None:
                names = ", ".join(f"/{c}" for c in sorted(self.commands))
                self.console.print(f"Unknown command /{name}. Available: {names}, /quit", markup=False)
            else:
                command.handler(self, rest.strip())
            return True
        with self.console.status("Looking it up…"):
            answer, _ = self.runtime.ask(text, self.history, user_id=self.user_id, surface="console")
        print_answer(self.console, answer)
        self.history.extend([Turn(role="user", text=answer.question), Turn(role="assistant", text=answer.answer)])
        del self.history[:-8]
        return True

    def loop(self) -> None:
        self.console.print("[bold]CME community assistant[/bold] — ask a question, /help for commands, /quit to leave.")
        while True:
            line = self.ask("\n[bold cyan]you>[/bold cyan] ")
            if line is None or not self.handle(line):
                self.console.print("Bye — document everything meticulously!")
                return


def _print_help(chat: ConsoleChat, _rest: str) -> None:
    chat.console.print(message("help"), markup=False, highlight=False)
    chat.console.print("\nCommands:", style="bold")
    for command in sorted(chat.commands.values(), key=lambda c: c.name):
        chat.console.print(f"  /{command.name:<18} {command.help}", markup=False, highlight=False)
    chat.console.print(f"  /{'quit':<18} leave the chat", markup=False, highlight=False)


def _command_modules() -> list[Callable[[ConsoleChat], None]]:
    """Console commands contributed by the guided flows, the onboarding pathway and the accreditation checker."""
    from bot.console import check_commands, flow_commands, welcome_commands

    return [flow_commands.register, welcome_commands.register, check_commands.register]
