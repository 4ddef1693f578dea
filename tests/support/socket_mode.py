"""A Socket Mode stand-in: a local WebSocket server speaking Slack's envelope protocol.

Point the Web API stand-in's apps.connections.open at `ws.url`; the app connects, receives `hello`, and
every envelope sent with `send(...)` must come back acked with its envelope_id."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve


class SocketModeStandIn:
    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self._cond = threading.Condition()
        self._connection: ServerConnection | None = None
        self._server: Server = serve(self._handle, "127.0.0.1", 0, compression=None)
        self._thread = threading.Thread(target=self._server.serve_forever, name="socket-mode-stand-in", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        port = self._server.socket.getsockname()[1]
        return f"ws://127.0.0.1:{port}/link/?ticket=test-ticket&app_id=A0TEST"

    def _handle(self, connection: ServerConnection) -> None:
        connection.send(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0TEST"}}))
        with self._cond:
            self._connection = connection
            self._cond.notify_all()
        try:
            for raw in connection:
                with self._cond:
                    self.received.append(json.loads(raw))
                    self._cond.notify_all()
        except ConnectionClosed:
            pass

    def wait_connected(self, timeout: float = 10.0) -> None:
        with self._cond:
            if not self._cond.wait_for(lambda: self._connection is not None, timeout):
                raise AssertionError("the app never opened the Socket Mode WebSocket")

    def send(self, envelope: dict[str, Any]) -> None:
        self.wait_connected()
        assert self._connection is not None
        self._connection.send(json.dumps(envelope))

    def wait_for_ack(self, envelope_id: str, timeout: float = 10.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for message in self.received:
                    if message.get("envelope_id") == envelope_id:
                        return message
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"envelope {envelope_id} was not acked; received {self.received}")
                self._cond.wait(remaining)

    def close(self) -> None:
        self._server.shutdown()
