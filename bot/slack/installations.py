"""Multi-workspace installations (OAuth), with their tokens encrypted at rest.

slack_sdk's SQLAlchemy store keeps bot and user tokens in plain text; this one encrypts every token column with
Fernet (`cryptography`) under CMEBOT_TOKEN_KEY before it reaches the database, and decrypts when a token is read
back. The setting may hold several keys, comma-separated: the first encrypts, all decrypt (MultiFernet). To rotate:
put a new key first, run `cmebot tokens rotate` (re-encrypts every stored token under it), then drop the old key.
Uninstalling the app or revoking its tokens deletes the workspace's rows (Bolt's token revocation listeners)."""

from __future__ import annotations

import copy
from typing import Any

import sqlalchemy
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore

from bot.config import Settings

PREFIX = "enc1:"
BOT_FIELDS = ("bot_token", "bot_refresh_token")
INSTALLATION_FIELDS = (*BOT_FIELDS, "user_token", "user_refresh_token")


class TokenKeyError(Exception):
    """CMEBOT_TOKEN_KEY is missing or not a Fernet key."""


def cipher(settings: Settings) -> MultiFernet:
    keys = [key.strip() for key in (settings.token_key.get_secret_value() if settings.token_key else "").split(",")]
    keys = [key for key in keys if key]
    if not keys:
        raise TokenKeyError(
            "multi-workspace (OAuth) installs need CMEBOT_TOKEN_KEY to encrypt workspace tokens at rest; "
            'make one with: python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
        )
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as exc:
        raise TokenKeyError(f"CMEBOT_TOKEN_KEY is not a valid Fernet key ({exc})") from None


class EncryptedInstallationStore(SQLAlchemyInstallationStore):
    def __init__(self, client_id: str, engine: Any, fernet: MultiFernet) -> None:
        super().__init__(client_id=client_id, engine=engine)
        self.fernet = fernet

    # --- writing: encrypt on a copy, so the caller's object keeps its usable tokens ------------------
    def save(self, installation: Installation) -> None:
        super().save(self._sealed(installation, INSTALLATION_FIELDS))

    def save_bot(self, bot: Bot) -> None:
        super().save_bot(self._sealed(bot, BOT_FIELDS))

    def _sealed(self, entity: Any, fields: tuple[str, ...]) -> Any:
        sealed = copy.copy(entity)
        for name in fields:
            value = getattr(sealed, name, None)
            if value and not str(value).startswith(PREFIX):
                setattr(sealed, name, PREFIX + self.fernet.encrypt(str(value).encode()).decode())
        return sealed

    # --- reading ---------------------------------------------------------------------------------------
    def build_bot_entity(self, row: Any) -> Bot:
        return super().build_bot_entity(self._opened(row, BOT_FIELDS))

    def build_installation_entity(self, row: Any) -> Installation:
        return super().build_installation_entity(self._opened(row, INSTALLATION_FIELDS))

    def _opened(self, row: Any, fields: tuple[str, ...]) -> dict[str, Any]:
        values = dict(row)
        for name in fields:
            values[name] = self.open(values.get(name))
        return values

    def open(self, value: Any) -> Any:
        if not value or not str(value).startswith(PREFIX):
            return value  # empty, or written before encryption was on: read as is, sealed on the next save
        try:
            return self.fernet.decrypt(str(value)[len(PREFIX) :].encode()).decode()
        except InvalidToken:
            raise TokenKeyError(
                "a stored token cannot be decrypted with CMEBOT_TOKEN_KEY (was a key dropped?)"
            ) from None

    def rotate(self) -> int:
        """Re-encrypt every stored token under the first key (and seal any stored in plain text)."""
        changed = 0
        with self.engine.begin() as connection:
            for table, fields in ((self.installations, INSTALLATION_FIELDS), (self.bots, BOT_FIELDS)):
                for row in connection.execute(table.select()).mappings():
                    values = {}
                    for name in fields:
                        value = row.get(name)
                        if value:
                            plain = self.open(value)
                            values[name] = PREFIX + self.fernet.encrypt(str(plain).encode()).decode()
                    if values:
                        connection.execute(sqlalchemy.update(table).where(table.c.id == row["id"]).values(**values))
                        changed += 1
        return changed


def installation_store(settings: Settings, engine: Any) -> EncryptedInstallationStore:
    if not settings.slack_client_id:
        raise TokenKeyError("installations need SLACK_CLIENT_ID")
    return EncryptedInstallationStore(settings.slack_client_id, engine, cipher(settings))
