"""A small OpenAI-compatible chat server on 127.0.0.1 for the LLM path, driven by the real LangChain client.

Modes: "answer" writes a cited answer from the first passage it was given, "insufficient" replies
INSUFFICIENT, "error" answers HTTP 500, "slow" waits longer than the client's timeout, "fixed" replies
`fixed_text`. A request with "stream": true (LangChain's .stream()) gets the reply as server-sent events in small
pieces; `stall_after` pieces into a stream it waits until `release` is set (or `slow_seconds` pass): a model
that stops mid-answer, for tests of what happens to a half-written Slack stream."""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class OpenAIStandIn:
    def __init__(self) -> None:
        self.mode = "answer"
        # mode "fixed": reply with this text whatever is asked (to test what the bot does with a given reply).
        self.fixed_text = ""
        self.slow_seconds = 5.0
        self.stall_after: int | None = None
        self.release = threading.Event()
        self.stalled = threading.Event()  # set when a stream has stopped at stall_after
        self.requests: list[dict[str, Any]] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                stand_in.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
                if stand_in.mode == "error":
                    self._send(500, {"error": {"message": "upstream exploded", "type": "server_error"}})
                    return
                if stand_in.mode == "slow":
                    time.sleep(stand_in.slow_seconds)
                if body.get("stream"):
                    self._stream(stand_in.reply_text(body), str(body.get("model") or "stand-in"))
                    return
                self._send(200, stand_in.completion(body))

            def _stream(self, text: str, model: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                pieces = [text[i : i + 12] for i in range(0, len(text), 12)] or [""]
                base = {"id": "chatcmpl-standin", "object": "chat.completion.chunk", "created": int(time.time())}
                try:
                    for number, piece in enumerate(pieces):
                        if stand_in.stall_after is not None and number == stand_in.stall_after:
                            stand_in.stalled.set()
                            stand_in.release.wait(stand_in.slow_seconds)
                        delta = {"role": "assistant", "content": piece} if number == 0 else {"content": piece}
                        choice = {"index": 0, "delta": delta, "finish_reason": None}
                        self._event({**base, "model": model, "choices": [choice]})
                    done = {"index": 0, "delta": {}, "finish_reason": "stop"}
                    self._event({**base, "model": model, "choices": [done]})
                    self.wfile.write(b"data: [DONE]\n\n")
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (its timeout): as a provider would see it

            def _event(self, payload: dict[str, Any]) -> None:
                self.wfile.write(b"data: " + json.dumps(payload).encode() + b"\n\n")
                self.wfile.flush()

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                # The client may have given up waiting already (the timeout test).
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def completion(self, body: dict[str, Any]) -> dict[str, Any]:
        text = self.reply_text(body)
        return {
            "id": "chatcmpl-standin",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "stand-in"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
        }

    def reply_text(self, body: dict[str, Any]) -> str:
        prompt = "\n".join(str(m.get("content", "")) for m in body.get("messages", []))
        if self.mode == "insufficient":
            text = "INSUFFICIENT"
        elif self.mode == "fixed":
            text = self.fixed_text
        elif "Standalone question:" in prompt:
            last = re.search(r"<last_message>\s*(.*?)\s*</last_message>", prompt, re.S)
            text = "Standalone: " + (last.group(1) if last else "")
        else:
            first = re.search(r'<passage number="1"[^>]*>\n([^\n]+)', prompt)
            text = f"Per the sources: {first.group(1)[:200] if first else 'no passage'} [1]"
        return text

    def __enter__(self) -> OpenAIStandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
