"""Stable pseudonyms for members who left the workspace: "former-member-<12 hex>", the same for the same member
every time (statistics still count one person once), and not reversible without the key (a plain hash of a Slack
user id could be reversed by trying ids).

The key is CMEBOT_PSEUDONYM_KEY, or a random one the first replica writes to the database and every replica
reads back."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy.exc import IntegrityError

from bot.storage.db import Database
from bot.storage.models.members import AppSecret

PREFIX = "former-member-"
_KEY_NAME = "pseudonym-key"


def is_pseudonym(user_id: str | None) -> bool:
    return bool(user_id) and str(user_id).startswith(PREFIX)


def display(user_id: str, mention: bool = True) -> str:
    """How a person is named in a message: a mention, or "a former member" for a pseudonym."""
    if is_pseudonym(user_id):
        return "a former member"
    return f"<@{user_id}>" if mention else user_id


class Pseudonyms:
    def __init__(self, db: Database, key: str | None = None) -> None:
        self.db = db
        self._key = key.encode() if key else None

    def key(self) -> bytes:
        if self._key is None:
            self._key = self._stored_key().encode()
        return self._key

    def _stored_key(self) -> str:
        with self.db.session() as session:
            row = session.get(AppSecret, _KEY_NAME)
            if row is not None:
                return row.value
        try:
            with self.db.session() as session:
                session.add(AppSecret(name=_KEY_NAME, value=secrets.token_hex(32)))
        except IntegrityError:
            pass  # another replica wrote it first: everyone uses that one
        with self.db.session() as session:
            row = session.get(AppSecret, _KEY_NAME)
            assert row is not None
            return row.value

    def of(self, user_id: str) -> str:
        if is_pseudonym(user_id):
            return user_id
        digest = hmac.new(self.key(), user_id.encode(), hashlib.sha256).hexdigest()
        return PREFIX + digest[:12]
