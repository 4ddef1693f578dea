"""Buttons of community knowledge: Ask the experts (under a declined or unhelpful answer), Save as verified answer
(offered to an expert who replied to an escalation), Verify and Reject (experts, in the App Home)."""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.runtime import Runtime
from bot.slack.blocks.answer import ASK_EXPERTS, REPORT_OUTDATED
from bot.slack.blocks.community import DRAFT, EVIDENCE, OFFER_SAVE, REJECT, VERIFY, VERIFY_UPLOAD
from bot.slack.community import CommunitySlack
from bot.slack.onboarding_ui import OnboardingSlack
from bot.texts import message

log = logging.getLogger(__name__)


def _team(body: dict[str, Any]) -> str:
    return str((body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id") or "")


def register(app: App, runtime: Runtime) -> None:
    community = CommunitySlack(runtime)
    onboarding = OnboardingSlack(runtime)

    @app.action(ASK_EXPERTS)
    def ask_experts(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond
    ) -> None:
        ack()
        user = str(body["user"]["id"])
        value = str(action.get("value") or "")
        channel = (
            community.escalate(client, team=_team(body), user=user, question_id=int(value)) if value.isdigit() else None
        )
        if channel is None:
            respond(response_type="ephemeral", replace_original=False, text=message("escalation_unavailable"))
            return
        respond(response_type="ephemeral", replace_original=False, text=message("escalation_sent", channel=channel))

    @app.action(REPORT_OUTDATED)
    def report_outdated(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        value = str(action.get("value") or "")
        item = community.store.get(int(value)) if value.isdigit() else None
        if item is None or item.team_id != _team(body):
            return
        community.store.report_outdated(item.id, str(body["user"]["id"]))
        respond(response_type="ephemeral", replace_original=False, text=message("reported_outdated"))

    @app.action(OFFER_SAVE)
    def offer_save(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        ack()
        value = json.loads(action.get("value") or "{}")
        escalation = community.store.escalation(int(value.get("escalation") or 0))
        if escalation is None:
            return
        ts = str(value.get("ts") or "")
        _, answer, author = community.thread_pair(client, escalation.experts_channel, ts, escalation.posted_ts)
        community.open_save_form(
            client,
            body["trigger_id"],
            team=escalation.team_id,
            saver=str(body["user"]["id"]),
            channel=escalation.experts_channel,
            ts=ts,
            thread_ts=escalation.posted_ts,
            question=escalation.question,
            answer=answer,
            author=author,
            # Answers to escalated questions serve everyone by default, whatever the experts channel is.
            visibility="workspace",
            escalation=escalation.id,
        )

    @app.action(DRAFT)
    def draft_answer(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        """From the digest: the save form with a gap's question, for a curator to write the answer."""
        ack()
        channel = str((body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id") or "")
        community.open_save_form(
            client,
            body["trigger_id"],
            team=_team(body),
            saver=str(body["user"]["id"]),
            channel=channel,
            ts="",
            thread_ts=None,
            question=str(action.get("value") or ""),
            answer="",
            author=str(body["user"]["id"]),
            visibility="workspace",
        )

    @app.action(EVIDENCE)
    def needs_evidence(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        """From the digest: a new needs assessment with the cluster's questions as learner-question evidence."""
        ack()
        from bot.slack.flows_ui import flow_service, open_flow_modal

        user = str(body["user"]["id"])
        cluster = json.loads(action.get("value") or "{}")
        lines = [
            f"Community questions to the CME assistant ({cluster.get('count', 0)} in the week to "
            f"{date.today().isoformat()}), for example:",
            *[f"“{example}”" for example in cluster.get("examples") or []],
        ]
        service = flow_service(runtime)
        state = service.start(user, "needs_assessment", surface="slack")
        service.save(state.id, user, {"evidence_types": ["learner_questions"], "evidence_references": "\n".join(lines)})
        open_flow_modal(client, body["trigger_id"], runtime, user, "needs_assessment", state.id)

    @app.action(VERIFY_UPLOAD)
    def verify_upload(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        ack()
        user, value = str(body["user"]["id"]), str(action.get("value") or "")
        if not value.isdigit():
            return
        try:
            runtime.verify_upload(int(value), user, _team(body))
        except (PermissionError, KeyError) as exc:
            log.warning("%s could not verify upload %s: %r", user, value, exc)
            return
        onboarding.publish_home(client, user)

    @app.action(VERIFY)
    def verify(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        ack()
        _decide(client, body, action, "verify")

    @app.action(REJECT)
    def reject(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        ack()
        _decide(client, body, action, "reject")

    def _decide(client: WebClient, body: dict[str, Any], action: dict[str, Any], decision: str) -> None:
        user = str(body["user"]["id"])
        item = community.store.get(int(action.get("value") or 0)) if str(action.get("value") or "").isdigit() else None
        if item is None or item.team_id != _team(body):
            return
        try:
            if decision == "verify":
                community.store.verify(item.id, user)
            else:
                community.store.reject(item.id, user)
        except PermissionError:
            log.warning("%s tried to %s community answer %s without being an expert", user, decision, item.id)
            return
        onboarding.publish_home(client, user)
