"""Community knowledge in Slack: saving answers members choose to save, escalating to experts, memberships.

The bot never reads a channel on its own: it reads a thread only when someone acts on it (the shortcut, an
expert's reaction, an expert's reply to an escalation the bot posted), and keeps only what they save."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.runtime import Runtime
from bot.services.community import Audience, Item, NewItem, default_review_by, topic_of
from bot.services.pseudonyms import is_pseudonym
from bot.slack.blocks.community import escalation_blocks, offer_blocks, save_modal, submitted
from bot.slack.text import strip_mentions

log = logging.getLogger(__name__)

MEMBERSHIP_TTL = 60.0  # seconds a channel's member list is trusted


@dataclass(frozen=True)
class Where:
    """A conversation and what kind it is (decides an item's default visibility)."""

    channel: str
    private: bool
    is_dm: bool

    @property
    def default_visibility(self) -> str:
        # A public channel's answers may answer anywhere in the workspace; a private channel's or a DM's stay there.
        return "channel" if self.private or self.is_dm else "workspace"


class Memberships:
    """Who is in which channel, from conversations.members, cached briefly (Slack's rate limits)."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[float, frozenset[str]]] = {}
        self._lock = threading.Lock()

    def members(self, client: WebClient, channel: str) -> frozenset[str]:
        now = time.monotonic()
        with self._lock:
            cached = self._cache.get(channel)
            if cached and now - cached[0] < MEMBERSHIP_TTL:
                return cached[1]
        try:
            members: set[str] = set()
            cursor = None
            while True:
                reply = client.conversations_members(channel=channel, limit=1000, cursor=cursor)
                members.update(reply.get("members") or [])
                cursor = (reply.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    break
        except SlackApiError as exc:
            # Not in the channel, channel gone or archived: nobody is shown its items through a DM.
            log.info("Members of %s unavailable: %s", channel, exc.response.get("error"))
            members = set()
        with self._lock:
            self._cache[channel] = (now, frozenset(members))
        return frozenset(members)

    def checker(self, client: WebClient, user: str) -> Any:
        return lambda channel: user in self.members(client, channel)


class CommunitySlack:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.store = runtime.community
        self.memberships = Memberships()
        self._teams: dict[str, str] = {}

    # --- who asks, where -----------------------------------------------------------------------------
    def audience(self, client: WebClient, *, team: str, channel: str, user: str) -> Audience:
        return Audience(
            team_id=team,
            channel_id=channel,
            user_id=user,
            is_dm=channel.startswith("D"),
            member_of=self.memberships.checker(client, user),
        )

    def public_checker(self, client: WebClient) -> Callable[[str], bool]:
        """Is a channel public? Asked of Slack once per channel for one report or one Home view: reports quote
        example questions only from public channels (DMs and unknown channels count as private)."""
        known: dict[str, bool] = {}

        def is_public(channel: str) -> bool:
            if channel not in known:
                known[channel] = bool(channel) and not self.where(client, channel).private
            return known[channel]

        return is_public

    def team_of(self, client: WebClient) -> str:
        """The workspace of a client's token (auth.test, once per token)."""
        token = str(client.token or "")
        if token not in self._teams:
            try:
                self._teams[token] = str(client.auth_test().get("team_id") or "")
            except SlackApiError as exc:
                log.warning("auth.test failed: %s", exc.response.get("error"))
                return ""
        return self._teams[token]

    def where(self, client: WebClient, channel: str) -> Where:
        if channel.startswith("D"):
            return Where(channel, private=True, is_dm=True)
        try:
            info = client.conversations_info(channel=channel).get("channel") or {}
        except SlackApiError as exc:
            log.info("conversations.info %s failed: %s", channel, exc.response.get("error"))
            info = {"is_private": True}  # unknown: the safe assumption
        return Where(channel, private=bool(info.get("is_private")), is_dm=bool(info.get("is_im")))

    # --- saving --------------------------------------------------------------------------------------
    def thread_pair(self, client: WebClient, channel: str, ts: str, thread_ts: str | None) -> tuple[str, str, str]:
        """(question, answer, author) for the message `ts`: the question is the thread's first message."""
        question = answer = author = ""
        try:
            reply = client.conversations_replies(channel=channel, ts=thread_ts or ts, limit=200)
            messages = list(reply.get("messages") or [])
        except SlackApiError as exc:
            log.info("Could not read the thread %s in %s: %s", thread_ts or ts, channel, exc.response.get("error"))
            messages = []
        for message in messages:
            if message.get("ts") == ts:
                answer, author = str(message.get("text") or ""), str(message.get("user") or "")
        if messages and thread_ts and messages[0].get("ts") != ts:
            question = str(messages[0].get("text") or "")
        return strip_mentions(question), answer, author

    def open_save_form(
        self,
        client: WebClient,
        trigger_id: str,
        *,
        team: str,
        saver: str,
        channel: str,
        ts: str,
        thread_ts: str | None,
        question: str,
        answer: str,
        author: str,
        visibility: str | None = None,
        escalation: int | None = None,
    ) -> None:
        where = self.where(client, channel)
        metadata = {
            "team": team,
            "channel": channel,
            "private": where.private,
            "ts": ts,
            "thread_ts": thread_ts or "",
            "author": author,
            "review_by": default_review_by().isoformat(),
            "escalation": escalation,
        }
        # An expert may widen an answer given in a private experts channel to the whole workspace.
        allow_workspace = not where.private or self.runtime.roles.is_expert(saver)
        view = save_modal(
            question=question,
            answer=answer,
            author=author,
            metadata=metadata,
            visibility=visibility or where.default_visibility,
            allow_workspace=allow_workspace and not where.is_dm,
        )
        client.views_open(trigger_id=trigger_id, view=view)

    def save_submission(
        self, client: WebClient, saver: str, view: dict[str, Any]
    ) -> tuple[Item | None, dict[str, str]]:
        """Save what the form says; returns the item, or the errors to show on the form."""
        values = submitted((view.get("state") or {}).get("values") or {})
        metadata = json.loads(view.get("private_metadata") or "{}")
        errors: dict[str, str] = {}
        question, answer = values.get("question", "").strip(), values.get("answer", "").strip()
        if len(question) < 8:
            errors["question"] = "Write the question as a member would ask it (at least a few words)."
        if len(answer) < 2:
            errors["answer"] = "The answer cannot be empty."
        review_by = None
        try:
            review_by = date.fromisoformat(values.get("review_by", "")) if values.get("review_by") else None
        except ValueError:
            errors["review_by"] = "Pick a date."
        if review_by is not None and review_by <= date.today():
            errors["review_by"] = "The review date must be in the future."
        if errors:
            return None, errors
        link = permalink(client, str(metadata.get("channel") or ""), str(metadata.get("ts") or ""))
        item = self.store.save(
            NewItem(
                team_id=str(metadata.get("team") or ""),
                question=question,
                answer=answer,
                saved_by=saver,
                author_id=str(metadata.get("author") or saver),
                topic=values.get("topic", ""),
                authority_url=values.get("authority_url", ""),
                review_by=review_by,
                visibility=values.get("visibility") or "channel",
                channel_id=str(metadata.get("channel") or ""),
                channel_private=bool(metadata.get("private")),
                source_ts=str(metadata.get("ts") or ""),
                thread_ts=str(metadata.get("thread_ts") or ""),
                permalink=link,
            ),
            self.runtime.embed_texts([question]),
        )
        if metadata.get("escalation"):
            self.store.link_escalation(int(metadata["escalation"]), item.id)
        return item, {}

    def save_from_reaction(self, client: WebClient, *, team: str, reactor: str, channel: str, ts: str) -> Item | None:
        """An expert's save reaction on a reply: the thread's question and this reply, saved as verified."""
        if not self.runtime.roles.is_expert(reactor):
            return None
        question, answer, author = self.thread_pair(client, channel, ts, ts)
        if not question or not answer or question == strip_mentions(answer):
            return None  # a message that is not a reply in a thread: no question to pair it with
        where = self.where(client, channel)
        link = permalink(client, channel, ts)
        return self.store.save(
            NewItem(
                team_id=team,
                question=question,
                answer=answer,
                saved_by=reactor,
                author_id=author,
                visibility=where.default_visibility,
                channel_id=channel,
                channel_private=where.private,
                source_ts=ts,
                permalink=link,
            ),
            self.runtime.embed_texts([question]),
        )

    # --- escalation ----------------------------------------------------------------------------------
    def escalate(self, client: WebClient, *, team: str, user: str, question_id: int) -> str | None:
        """Post the member's question to the experts channel; returns the channel, or None if not possible."""
        channel = self.runtime.settings.experts_channel
        row = self.runtime.questions.get(question_id)
        if not channel or row is None or row.user_id != user:
            return None
        escalation = self.store.escalate(
            team_id=team, asker_id=user, question=row.question, origin_channel=row.channel_id, question_log_id=row.id
        )
        # The attempt is shown only when it came from official sources: a community answer may be private.
        attempt = None if (row.mode or "").startswith("community") else row.answer
        topic = topic_of(row.question)
        tagged = self.runtime.settings.experts_by_topic.get(topic or "", [])
        text, blocks = escalation_blocks(user, row.question, attempt, topic, tagged)
        posted = client.chat_postMessage(channel=channel, text=text, blocks=blocks, unfurl_links=False)
        self.store.escalation_posted(escalation, channel, str(posted.get("ts") or ""))
        return channel

    def expert_replied(
        self, client: WebClient, *, team: str, channel: str, thread_ts: str, user: str, ts: str, text: str
    ) -> None:
        escalation = self.store.escalation_for_thread(team, channel, thread_ts)
        if escalation is None or user == escalation.asker_id:
            return
        if self.store.escalation_answered(escalation.id, user, ts) and not is_pseudonym(escalation.asker_id):
            # (An asker who left, or deleted their data, is a pseudonym: there is nobody to tell.)
            link = permalink(client, channel, ts)
            # The reply is for the asker, who may not be in the experts channel: it goes to them in full.
            client.chat_postMessage(
                channel=escalation.asker_id,
                text=(
                    f"<@{user}> answered your question \u201c{escalation.question[:200]}\u201d:\n>{text[:2500]}"
                    + (f"\n{link}" if link else "")
                ),
            )
        if self.runtime.roles.is_expert(user):
            client.chat_postEphemeral(
                channel=channel,
                user=user,
                thread_ts=thread_ts,
                text="Save this reply as a verified answer?",
                blocks=offer_blocks(escalation.id, ts),
            )


def permalink(client: WebClient, channel: str, ts: str) -> str:
    """The message's link, or "" (a link is a courtesy; saving or notifying never fails for want of one)."""
    if not channel or not ts:
        return ""
    try:
        return str(client.chat_getPermalink(channel=channel, message_ts=ts).get("permalink") or "")
    except SlackApiError:
        return ""
