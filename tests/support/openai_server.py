"""A small OpenAI-compatible chat server on 127.0.0.1 for the LLM path, driven by the real LangChain client.

Modes: "answer" writes a cited answer from the first passage it was given, "insufficient" replies
INSUFFICIENT, "error" answers HTTP 500, "slow" waits longer than the client's timeout."""

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
                self._send(200, stand_in.completion(body))

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
        return {
            "id": "chatcmpl-standin",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "stand-in"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
        }

    def __enter__(self) -> OpenAIStandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
