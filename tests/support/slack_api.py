"""A Slack Web API stand-in served on 127.0.0.1, for tests and benchmarks that talk real HTTP.

Point a `slack_sdk.WebClient` (or a Bolt app) at `api.url` and every call lands here: it is recorded with
its method name, parsed arguments (JSON or form-encoded) and token, and answered with a plausible Slack
payload. Tests then assert on what the bot asked Slack to do:

    api = SlackApiStandIn().start()
    client = WebClient(token="xoxb-test", base_url=api.url)
    client.chat_postMessage(channel="C1", text="hi")
    [call] = api.wait_for("chat.postMessage")
    assert call.args["text"] == "hi"

Faults are queued per method: `api.fail_next("chat.postMessage", status=429, retry_after=1)`,
`api.fail_next("chat.postMessage", status=500)`, `api.fail_next("auth.test", error="invalid_auth")`.
`fail_next(..., after_effect=True)` does what was asked and then answers with the fault (a post that landed
although the client saw a 500); `delay_next(method, seconds, channel=...)` answers late (a slow or hung Slack).
Posted messages are kept per conversation, metadata included, and conversations.replies / .history return them
(with what set_thread configured), as Slack does with include_all_metadata; chat.update changes the stored message.

Slack's agent surface: assistant.threads.setStatus / setSuggestedPrompts / setTitle are recorded (with Slack's
required arguments checked); chat.startStream posts a message that chat.appendStream extends and chat.stopStream
finishes (`api.streaming(channel, ts)` says whether it is still open); all support fail_next. A workspace without
the agent surface: `api.refuse("chat.startStream", "assistant.threads.setStatus", error="not_allowed")` answers
every later call to those methods with that error.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

BOT_USER_ID = "U0BOT"
BOT_ID = "B0BOT"
TEAM_ID = "T0TEST"


@dataclass
class ApiCall:
    method: str
    args: dict[str, Any]
    token: str | None
    status: int
    ok: bool
    at: float = field(default_factory=time.monotonic)


class _ApiError(Exception):
    """An ok=false answer with `error`, as Slack gives for bad arguments or a message in the wrong state."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


@dataclass
class _Fault:
    status: int
    error: str | None
    retry_after: float | None
    after_effect: bool = False


class SlackApiStandIn:
    """Threaded HTTP server speaking enough of the Web API for the bot; see the module docstring."""

    def __init__(self) -> None:
        self.calls: list[ApiCall] = []
        self._cond = threading.Condition()
        self._faults: dict[str, deque[_Fault]] = defaultdict(deque)
        self._overrides: dict[str, dict[str, Any]] = {}
        self._threads: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._posted: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._delays: dict[str, deque[tuple[float, str | None]]] = defaultdict(deque)
        self._users: dict[str, dict[str, Any]] = {}
        self._channels: dict[str, dict[str, Any]] = {}
        self._refused: dict[str, str] = {}
        self._streams: set[tuple[str, str]] = set()  # (channel, ts) of streamed messages not stopped yet
        self._ts = itertools.count(1)
        self._ids = itertools.count(1)
        self.uploads: dict[str, bytes] = {}
        self.hosted: dict[str, bytes] = {}
        # apps.connections.open answers this, so a Socket Mode client can be pointed at a local WebSocket server.
        self.socket_mode_url: str | None = None
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle -----------------------------------------------------------------------------------
    def start(self) -> SlackApiStandIn:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                stand_in._handle(self)

            def do_GET(self) -> None:
                stand_in._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output about the bot, not about this server

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="slack-api-stand-in", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> SlackApiStandIn:
        return self.start() if self._server is None else self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def port(self) -> int:
        assert self._server is not None, "start() the stand-in first"
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """The Web API base URL, with the trailing slash slack_sdk expects (SLACK_API_URL)."""
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, key: str = "") -> str:
        """A response_url for a slash command or interaction; posts to it are recorded as "response_url"."""
        return f"http://127.0.0.1:{self.port}/response/{key or next(self._ids)}"

    # --- configuration -------------------------------------------------------------------------------
    def fail_next(
        self,
        method: str,
        *,
        status: int = 200,
        error: str | None = None,
        retry_after: float | None = None,
        times: int = 1,
        after_effect: bool = False,
    ) -> None:
        """Answer the next `times` calls to `method` with a fault: 429 (+ Retry-After), 500, or ok=false;
        with `after_effect` the call takes effect first (the message is posted) and then fails."""
        if status == 429 and retry_after is None:
            retry_after = 1
        if status == 200 and error is None:
            error = "invalid_auth"
        with self._cond:
            for _ in range(times):
                self._faults[method].append(_Fault(status, error, retry_after, after_effect))

    def delay_next(self, method: str, seconds: float, *, channel: str | None = None, times: int = 1) -> None:
        """Answer the next `times` calls to `method` (in `channel`, if given) only after `seconds`."""
        with self._cond:
            for _ in range(times):
                self._delays[method].append((seconds, channel))

    def posted(self, channel: str) -> list[dict[str, Any]]:
        """Every message posted in `channel` (thread replies included), as stored, metadata included."""
        with self._cond:
            return list(self._posted.get(channel, []))

    def respond(self, method: str, payload: dict[str, Any]) -> None:
        """Merge `payload` into every later successful answer to `method`."""
        with self._cond:
            self._overrides[method] = payload

    def set_thread(self, channel: str, thread_ts: str, messages: list[dict[str, Any]]) -> None:
        """What conversations.replies returns for this thread (Slack's message dicts: user/bot_id, text, ts)."""
        with self._cond:
            self._threads[(channel, thread_ts)] = messages

    def set_user(self, user_id: str, *, is_bot: bool = False, is_restricted: bool = False, **fields: Any) -> None:
        """What users.info returns for `user_id`; is_restricted marks a guest."""
        with self._cond:
            self._users[user_id] = self._user(user_id) | {
                "is_bot": is_bot,
                "is_restricted": is_restricted,
                "is_ultra_restricted": fields.pop("is_ultra_restricted", False),
                **fields,
            }

    def host_file(self, name: str, content: bytes) -> dict[str, Any]:
        """A file as Slack describes it in a file_share message, downloadable from this stand-in."""
        file_id = f"F{next(self._ids):08d}"
        with self._cond:
            self.hosted[file_id] = content
        return {
            "id": file_id,
            "name": name,
            "title": name,
            "size": len(content),
            "mimetype": "application/octet-stream",
            "url_private_download": f"http://127.0.0.1:{self.port}/files/{file_id}/download/{name}",
        }

    def set_channel(
        self, channel: str, *, is_private: bool = False, members: list[str] | None = None, name: str | None = None
    ) -> None:
        """What conversations.info and conversations.members say about `channel` (its name: channel-<id>)."""
        with self._cond:
            self._channels[channel] = {"is_private": is_private, "members": list(members or []), "name": name}

    def refuse(self, *methods: str, error: str = "not_allowed") -> None:
        """Answer every later call to `methods` with ok=false and `error` (a feature this workspace lacks)."""
        with self._cond:
            for method in methods:
                self._refused[method] = error

    def streaming(self, channel: str, ts: str) -> bool:
        """Whether the streamed message `ts` in `channel` is still open (started, not stopped)."""
        with self._cond:
            return (channel, ts) in self._streams

    def reset(self) -> None:
        """Forget calls and faults (configured threads and users stay)."""
        with self._cond:
            self.calls.clear()
            self._faults.clear()
            self._delays.clear()

    # --- inspection ----------------------------------------------------------------------------------
    def calls_to(self, method: str, *, ok: bool | None = None) -> list[ApiCall]:
        """Every recorded call to `method` in arrival order; `ok=True` keeps only the ones answered ok."""
        with self._cond:
            return [c for c in self.calls if c.method == method and (ok is None or c.ok == ok)]

    def methods(self) -> list[str]:
        with self._cond:
            return [c.method for c in self.calls]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0, *, ok: bool | None = None) -> list[ApiCall]:
        """Block until at least `count` calls to `method` arrived; returns them. Fails loudly on timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self.calls if c.method == method and (ok is None or c.ok == ok)]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"expected {count} call(s) to {method}, got {len(found)} within {timeout}s; "
                        f"calls so far: {[c.method for c in self.calls]}"
                    )
                self._cond.wait(remaining)

    # --- serving -------------------------------------------------------------------------------------
    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(request.path)
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length) if length else b""
        if parts.path.startswith("/upload/"):
            # files_upload_v2 step 2: the bytes go to the URL files.getUploadURLExternal handed out.
            file_id = parts.path.rsplit("/", 1)[-1]
            with self._cond:
                self.uploads[file_id] = raw
            self._record("upload", {"file_id": file_id, "length": len(raw)}, None, 200, True)
            self._send(request, 200, b"OK - " + str(len(raw)).encode(), "text/plain")
            return
        if parts.path.startswith("/files/"):
            # A file's url_private_download: served only with the bot token, as Slack does.
            file_id = parts.path.split("/")[2]
            auth = request.headers.get("Authorization") or ""
            with self._cond:
                content = self.hosted.get(file_id)
            self._record("files.download", {"file_id": file_id}, auth[len("Bearer ") :] or None, 200, bool(auth))
            if content is None or not auth.startswith("Bearer "):
                self._send(request, 403 if content is not None else 404, b"no", "text/plain")
                return
            self._send(request, 200, content, "application/octet-stream")
            return
        if parts.path.startswith("/response/"):
            # A response_url (slash commands, interactivity): Bolt's respond() posts JSON here.
            args = json.loads(raw.decode("utf-8") or "{}")
            args["_hook"] = parts.path[len("/response/") :]
            self._record("response_url", args, None, 200, True)
            self._send(request, 200, b"ok", "text/plain")
            return
        if not parts.path.startswith("/api/"):
            self._send(request, 404, b"not found", "text/plain")
            return
        method = parts.path[len("/api/") :]
        args = self._parse_args(request.headers.get("Content-Type") or "", raw, parts.query)
        auth = request.headers.get("Authorization") or ""
        token = auth[len("Bearer ") :] if auth.startswith("Bearer ") else args.get("token")

        channel = str(args.get("channel") or "")
        with self._cond:
            refused = self._refused.get(method)
        if refused is not None:
            self._record(method, args, token, 200, False)
            self._send(request, 200, json.dumps({"ok": False, "error": refused}).encode(), "application/json")
            return
        with self._cond:
            fault = self._faults[method].popleft() if self._faults.get(method) else None
            delay = 0.0
            queued = self._delays.get(method)
            if queued and queued[0][1] in (None, channel):
                delay = queued.popleft()[0]
        if fault is not None and fault.after_effect:
            with contextlib.suppress(_ApiError):
                self._answer(method, args)
        if delay and fault is not None:
            time.sleep(delay)
        if fault is not None:
            body = {"ok": False, "error": fault.error or ("ratelimited" if fault.status == 429 else "internal_error")}
            headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
            self._record(method, args, token, fault.status, False)
            self._send(request, fault.status, json.dumps(body).encode(), "application/json", headers)
            return

        try:
            payload = {"ok": True, **self._answer(method, args)}
        except _ApiError as exc:
            self._record(method, args, token, 200, False)
            self._send(request, 200, json.dumps({"ok": False, "error": exc.error}).encode(), "application/json")
            return
        with self._cond:
            payload.update(self._overrides.get(method, {}))
        if delay:
            # Slack did the work; the answer is what is late (a client that gives up meanwhile cannot know).
            time.sleep(delay)
        self._record(method, args, token, 200, bool(payload.get("ok")))
        self._send(request, 200, json.dumps(payload).encode(), "application/json")

    @staticmethod
    def _parse_args(content_type: str, raw: bytes, query: str) -> dict[str, Any]:
        args: dict[str, Any] = {k: v[0] if len(v) == 1 else v for k, v in parse_qs(query).items()}
        if not raw:
            return args
        if "json" in content_type:
            args.update(json.loads(raw.decode("utf-8")))
        else:
            form = parse_qs(raw.decode("utf-8"), keep_blank_values=True)
            args.update({k: v[0] if len(v) == 1 else v for k, v in form.items()})
        # slack_sdk form-encodes structured arguments (blocks, files, view) as JSON strings; decode them
        # so tests read the same structure whichever encoding the client chose.
        for key in ("blocks", "attachments", "files", "view", "metadata"):
            value = args.get(key)
            if isinstance(value, str) and value[:1] in "[{":
                with contextlib.suppress(ValueError):
                    args[key] = json.loads(value)
        return args

    def _record(self, method: str, args: dict[str, Any], token: str | None, status: int, ok: bool) -> None:
        with self._cond:
            self.calls.append(ApiCall(method, args, token, status, ok))
            self._cond.notify_all()

    @staticmethod
    def _send(
        request: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.end_headers()
        request.wfile.write(body)

    def _next_ts(self) -> str:
        # Later than any member message the tests make (1710000000.x), as an answer is later than its question.
        return f"1790000000.{next(self._ts):06d}"

    def _stored(self, channel: str, ts: str) -> dict[str, Any] | None:
        for message in self._posted.get(channel, []):
            if message.get("ts") == ts:
                return message
        return None

    @staticmethod
    def _markdown(args: dict[str, Any]) -> str:
        text = str(args.get("markdown_text") or "")
        for chunk in args.get("chunks") or []:
            if isinstance(chunk, dict) and chunk.get("type") == "markdown_text":
                text += str(chunk.get("text") or "")
        return text

    def _stream(self, method: str, channel: str, args: dict[str, Any]) -> dict[str, Any]:
        """chat.startStream posts a message in the thread; appendStream adds to it; stopStream finishes it (its
        blocks go at the bottom, its metadata on the message). Only an open stream can be added to or stopped."""
        if not channel:
            raise _ApiError("channel_not_found")
        with self._cond:
            if method == "chat.startStream":
                if not args.get("thread_ts") and channel.startswith("D"):
                    raise _ApiError("invalid_arguments")
                ts = self._next_ts()
                message: dict[str, Any] = {
                    "type": "message",
                    "user": BOT_USER_ID,
                    "bot_id": BOT_ID,
                    "text": self._markdown(args),
                    "ts": ts,
                }
                if args.get("thread_ts"):
                    message["thread_ts"] = args["thread_ts"]
                self._posted[channel].append(message)
                self._streams.add((channel, ts))
                return {"channel": channel, "ts": ts}
            ts = str(args.get("ts") or "")
            stored = self._stored(channel, ts)
            if stored is None:
                raise _ApiError("message_not_found")
            if (channel, ts) not in self._streams:
                raise _ApiError("message_not_in_streaming_state")
            stored["text"] = str(stored.get("text") or "") + self._markdown(args)
            if method == "chat.appendStream":
                return {"channel": channel, "ts": ts}
            self._streams.discard((channel, ts))
            if isinstance(args.get("blocks"), list):
                stored["blocks"] = args["blocks"]
            if isinstance(args.get("metadata"), dict):
                stored["metadata"] = args["metadata"]
            return {"channel": channel, "ts": ts, "message": dict(stored)}

    def _user(self, user_id: str) -> dict[str, Any]:
        return {
            "id": user_id,
            "team_id": TEAM_ID,
            "name": user_id.lower(),
            "real_name": f"Member {user_id}",
            "tz": "UTC",
            "is_bot": False,
            "is_admin": False,
            "is_restricted": False,
            "is_ultra_restricted": False,
            "deleted": False,
            "profile": {"real_name": f"Member {user_id}", "display_name": user_id.lower(), "first_name": "Member"},
        }

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        """A plausible successful payload for `method` (the fields the bot and Bolt read)."""
        channel = str(args.get("channel") or args.get("channel_id") or "")
        if method == "auth.test":
            return {
                "url": "https://cme-test.slack.com/",
                "team": "CME Test",
                "user": "cmebot",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if method in ("chat.postMessage", "chat.update", "chat.postEphemeral", "chat.scheduleMessage"):
            ts = str(args.get("ts") or self._next_ts())
            message = {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "text": args.get("text", ""), "ts": ts}
            if args.get("thread_ts"):
                message["thread_ts"] = args["thread_ts"]
            if method == "chat.postEphemeral":
                return {"message_ts": ts}
            if isinstance(args.get("blocks"), list):
                message["blocks"] = args["blocks"]
            if isinstance(args.get("metadata"), dict):
                message["metadata"] = args["metadata"]
            if method == "chat.postMessage":
                with self._cond:
                    self._posted[channel].append(message)
            if method == "chat.update":
                # The stored message changes in place (text, blocks, metadata), as a later read shows it.
                with self._cond:
                    stored = self._stored(channel, ts)
                    if stored is not None:
                        stored.update({k: v for k, v in message.items() if k not in ("ts", "thread_ts")})
                        message = dict(stored)
            return {"channel": channel, "ts": ts, "message": message}
        if method in ("chat.startStream", "chat.appendStream", "chat.stopStream"):
            return self._stream(method, channel, args)
        if method.startswith("assistant.threads."):
            required = {
                "assistant.threads.setStatus": ("channel_id", "thread_ts"),
                "assistant.threads.setSuggestedPrompts": ("channel_id", "prompts"),
                "assistant.threads.setTitle": ("channel_id", "thread_ts", "title"),
            }.get(method, ())
            if any(not args.get(name) for name in required) or (
                method.endswith("setStatus") and not isinstance(args.get("status"), str)
            ):
                raise _ApiError("invalid_arguments")
            prompts = args.get("prompts")
            if method.endswith("setSuggestedPrompts") and (
                not isinstance(prompts, list) or len(prompts) > 4 or any(not p.get("title") for p in prompts)
            ):
                raise _ApiError("invalid_arguments")
            return {}
        if method == "conversations.replies":
            thread = str(args.get("ts"))
            with self._cond:
                messages = list(self._threads.get((channel, thread), []))
                messages += [m for m in self._posted.get(channel, []) if m.get("thread_ts") == thread]
            return {"messages": messages, "has_more": False, "response_metadata": {"next_cursor": ""}}
        if method == "conversations.history":
            oldest = float(args.get("oldest") or 0)
            with self._cond:
                messages = [
                    m for m in self._posted.get(channel, []) if not m.get("thread_ts") and float(m["ts"]) > oldest
                ]
            return {"messages": messages[::-1], "has_more": False, "response_metadata": {"next_cursor": ""}}
        if method == "conversations.open":
            users = str(args.get("users") or args.get("user") or "")
            return {"channel": {"id": "D" + users.replace(",", "")[-10:].lstrip("U"), "is_im": True}}
        if method == "conversations.info":
            with self._cond:
                known = self._channels.get(channel, {})
            return {
                "channel": {
                    "id": channel,
                    "name": known.get("name") or f"channel-{channel.lower()}",
                    "is_member": True,
                    "is_private": bool(known.get("is_private")),
                    "is_im": channel.startswith("D"),
                }
            }
        if method == "conversations.members":
            with self._cond:
                members = list(self._channels.get(channel, {}).get("members", []))
            return {"members": members, "response_metadata": {"next_cursor": ""}}
        if method == "users.info":
            user_id = str(args.get("user"))
            with self._cond:
                return {"user": self._users.get(user_id) or self._user(user_id)}
        if method in ("views.open", "views.update", "views.push", "views.publish"):
            view = args.get("view") if isinstance(args.get("view"), dict) else {}
            view_id = str(args.get("view_id") or f"V{next(self._ids):08d}")
            return {"view": {**view, "id": view_id, "hash": f"hash-{next(self._ids)}", "team_id": TEAM_ID}}
        if method == "chat.getPermalink":
            return {
                "channel": channel,
                "permalink": f"https://cme-test.slack.com/archives/{channel}/p{args.get('message_ts')}",
            }
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ids):08d}"
            return {"upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = args.get("files") if isinstance(args.get("files"), list) else []
            return {"files": [{"id": f.get("id"), "title": f.get("title"), "name": f.get("title")} for f in files]}
        if method == "apps.connections.open":
            return {"url": self.socket_mode_url or f"ws://127.0.0.1:{self.port}/socket-mode-not-configured"}
        if method == "oauth.v2.access":
            return {
                "access_token": "xoxb-installed-token",
                "token_type": "bot",
                "scope": "app_mentions:read,chat:write",
                "bot_user_id": BOT_USER_ID,
                "app_id": "A0TEST",
                "team": {"id": TEAM_ID, "name": "CME Test"},
                "enterprise": None,
                "is_enterprise_install": False,
                "authed_user": {"id": "U0INSTALLER"},
            }
        if method == "bots.info":
            return {"bot": {"id": args.get("bot", BOT_ID), "user_id": BOT_USER_ID, "name": "cmebot"}}
        # reactions.add/remove and anything else: a bare ok.
        return {}
