"""LLM-written answers through LangChain (`init_chat_model`), strictly from the retrieved passages."""

from __future__ import annotations

import concurrent.futures
import contextlib
import contextvars
import logging
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from bot.config import Settings
from bot.retrieval.hybrid import Passage
from bot.services import health
from bot.texts import load_text

log = logging.getLogger(__name__)

INSUFFICIENT = "INSUFFICIENT"
_CITATION = re.compile(r"\[(\d+)\]")
# One pool for the whole process: a hard deadline on every call, whatever the client library does.
_pool = concurrent.futures.ThreadPoolExecutor(max_workers=8, thread_name_prefix="llm")
# Where the text of an answer goes while the model writes it (a Slack stream), set by the caller around ask().
# Only the answer itself is streamed, never a condensed follow-up or a card's phrasing, and what is streamed is a
# preview: the caller still receives the grounded (or fallback) answer and must put that in its place.
_answer_sink: contextvars.ContextVar[Callable[[str], None] | None] = contextvars.ContextVar("answer_sink", default=None)


@contextlib.contextmanager
def streaming_answer_to(sink: Callable[[str], None] | None) -> Iterator[None]:
    """While the block runs, an LLM answer written on this thread is also handed to `sink` piece by piece."""
    token = _answer_sink.set(sink)
    try:
        yield
    finally:
        _answer_sink.reset(token)


class LLMUnavailable(RuntimeError):
    """The model errored or ran past CMEBOT_LLM_TIMEOUT; the caller falls back to an extractive answer."""


@dataclass(frozen=True)
class LLMReply:
    text: str
    insufficient: bool
    cited: list[int]


def parse_model_spec(spec: str) -> tuple[str, str]:
    provider, sep, model = spec.partition(":")
    if not sep or not provider or not model:
        raise ValueError(f"CMEBOT_LLM must look like 'provider:model' (for example openai:gpt-4o-mini), got {spec!r}")
    return provider.strip(), model.strip()


def build_chat_model(settings: Settings) -> Any:
    from langchain.chat_models import init_chat_model

    provider, model = parse_model_spec(settings.llm or "")
    kwargs: dict[str, Any] = {"temperature": 0, "timeout": settings.llm_timeout, "max_retries": 0}
    if settings.llm_base_url:
        kwargs["base_url"] = settings.llm_base_url
    if settings.llm_api_key is not None:
        kwargs["api_key"] = settings.llm_api_key.get_secret_value()
    elif provider == "openai" and settings.llm_base_url and not os.environ.get("OPENAI_API_KEY"):
        # Local OpenAI-compatible servers (vLLM, llama.cpp, LM Studio) accept any key; the client insists on one.
        kwargs["api_key"] = "not-needed"
    return init_chat_model(model, model_provider=provider, **kwargs)


_TIER_LABEL = {
    "authority": "authority page",
    "maintainers": "maintainers' note",
    "community": "verified by community experts",
    "unreviewed": "unreviewed upload",
}


def _fenced(text: str) -> str:
    # A passage cannot close its own fence and smuggle text outside it.
    return re.sub(r"</?\s*(passage|question|card|conversation|last_message)\b[^>]*>", "[tag removed]", text, flags=re.I)


def format_passages(passages: list[Passage]) -> str:
    """Numbered passages fenced as quoted data, each with where it comes from and its trust tier."""
    blocks = []
    for number, passage in enumerate(passages, 1):
        where = f"{passage.title} — {passage.heading}" if passage.heading else passage.title
        tier = _TIER_LABEL.get(getattr(passage, "tier", "authority"), "unreviewed upload")
        blocks.append(
            f'<passage number="{number}" source="{_fenced(where)}" authority="{passage.authority}" tier="{tier}">\n'
            f"{_fenced(passage.text)}\n</passage>"
        )
    return "\n\n".join(blocks)


class LLMAnswerer:
    def __init__(self, settings: Settings, chat_model: Any | None = None) -> None:
        self.settings = settings
        self.model_name = settings.llm or ""
        self.chat_model = chat_model or build_chat_model(settings)

    def _invoke(self, system: str | None, user: str, sink: Callable[[str], None] | None = None) -> str:
        from langchain_core.messages import HumanMessage, SystemMessage

        messages: list[Any] = [SystemMessage(system)] if system else []
        messages.append(HumanMessage(user))
        call: Callable[[list[Any]], Any] = self.chat_model.invoke if sink is None else lambda m: self._stream(m, sink)
        future = _pool.submit(call, messages)
        try:
            reply = future.result(timeout=self.settings.llm_timeout + 1)
        except concurrent.futures.TimeoutError as exc:
            future.cancel()
            health.llm_timed_out()
            raise LLMUnavailable("timed out") from exc
        except Exception as exc:  # any provider error: HTTP 500, auth, connection refused...
            log.warning("LLM call failed: %s", exc.__class__.__name__)
            # Counted, and a rejected key is posted to the admin channel: only a person can fix that one.
            health.llm_failed(exc)
            raise LLMUnavailable(exc.__class__.__name__) from exc
        health.llm_ok()
        if isinstance(reply, str):
            return reply.strip()
        content = reply.content if isinstance(reply.content, str) else str(reply.content)
        return content.strip()

    def _stream(self, messages: list[Any], sink: Callable[[str], None]) -> str:
        """The model's reply, handed to `sink` as it arrives. The opening is held back until it cannot be the
        INSUFFICIENT verdict, so a decline is never shown as if it were the start of an answer."""
        parts: list[str] = []
        released = False
        for chunk in self.chat_model.stream(messages):
            piece = chunk.content if isinstance(chunk.content, str) else str(chunk.content or "")
            if not piece:
                continue
            parts.append(piece)
            if released:
                _feed(sink, piece)
                continue
            opening = "".join(parts).lstrip()
            if len(opening) >= len(INSUFFICIENT) and not opening.upper().startswith(INSUFFICIENT):
                released = True
                _feed(sink, opening)
        return "".join(parts)

    def answer(self, question: str, passages: list[Passage]) -> LLMReply:
        user = load_text("answer_user.md").format(passages=format_passages(passages), question=_fenced(question))
        text = self._invoke(load_text("answer_system.md"), user, sink=_answer_sink.get())
        if not text or text.upper().startswith(INSUFFICIENT):
            return LLMReply(text="", insufficient=True, cited=[])
        cited = [int(n) - 1 for n in dict.fromkeys(_CITATION.findall(text)) if 0 < int(n) <= len(passages)]
        return LLMReply(text=text, insufficient=False, cited=cited)

    def phrase_card(self, question: str, card: Any, passages: list[Passage]) -> str:
        """What follows a card's lead sentence, phrased for this question; empty when nothing needs adding."""
        user = load_text("card_user.md").format(
            card=_fenced(card.rendered()), passages=format_passages(passages), question=_fenced(question)
        )
        text = self._invoke(load_text("answer_system.md"), user)
        if not text or text.upper().startswith(("NOTHING", INSUFFICIENT)):
            return ""
        return text

    def condense(self, question: str, history: str) -> str:
        text = self._invoke(None, load_text("condense.md").format(history=_fenced(history), question=_fenced(question)))
        return text.splitlines()[0].strip() if text else question


def _feed(sink: Callable[[str], None], text: str) -> None:
    # The preview is a courtesy: whatever goes wrong showing it must not cost the member the answer.
    try:
        sink(text)
    except Exception:
        log.exception("Streaming a partial answer failed; the answer is still posted whole")
