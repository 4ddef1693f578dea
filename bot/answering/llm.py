"""LLM-written answers through LangChain (`init_chat_model`), strictly from the retrieved passages."""

from __future__ import annotations

import concurrent.futures
import logging
import os
import re
from dataclasses import dataclass
from typing import Any

from bot.config import Settings
from bot.retrieval.hybrid import Passage
from bot.texts import load_text

log = logging.getLogger(__name__)

INSUFFICIENT = "INSUFFICIENT"
_CITATION = re.compile(r"\[(\d+)\]")
# One pool for the whole process: a hard deadline on every call, whatever the client library does.
_pool = concurrent.futures.ThreadPoolExecutor(max_workers=8, thread_name_prefix="llm")


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

    def _invoke(self, system: str | None, user: str) -> str:
        from langchain_core.messages import HumanMessage, SystemMessage

        messages: list[Any] = [SystemMessage(system)] if system else []
        messages.append(HumanMessage(user))
        future = _pool.submit(self.chat_model.invoke, messages)
        try:
            reply = future.result(timeout=self.settings.llm_timeout + 1)
        except concurrent.futures.TimeoutError as exc:
            future.cancel()
            raise LLMUnavailable("timed out") from exc
        except Exception as exc:  # any provider error: HTTP 500, auth, connection refused...
            log.warning("LLM call failed: %s", exc.__class__.__name__)
            raise LLMUnavailable(exc.__class__.__name__) from exc
        content = reply.content if isinstance(reply.content, str) else str(reply.content)
        return content.strip()

    def answer(self, question: str, passages: list[Passage]) -> LLMReply:
        user = load_text("answer_user.md").format(passages=format_passages(passages), question=_fenced(question))
        text = self._invoke(load_text("answer_system.md"), user)
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
