"""Persistence: the SQL database (SQLAlchemy) shared by every service."""

from bot.storage.db import Base, Database

__all__ = ["Base", "Database"]
