"""The micro-batcher: documents of concurrent requests coalesced into one ``predict_spans`` call.

A request submits its documents and awaits its own results, in order. One collector task takes
the documents waiting (up to ``max_batch``), waits at most ``max_wait_s`` after the first for more
to arrive, and runs the model on them in a worker thread, so the event loop never blocks. While a
batch runs, the next requests queue up and form the next batch: under load batches fill by
themselves, and a lone request waits at most ``max_wait_s``.

A request with more documents than ``max_batch`` is split over several batches. An exception in
one batch fails the requests that had documents in it, and no other. With batching off, each
request's documents go to the model in one call of their own, from a thread pool.
"""

from __future__ import annotations

import asyncio
import collections
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from kp_core.errors import KpError
from kp_core.types import Span

Predict = Callable[[list[str]], list[list[Span]]]


class BatcherClosedError(KpError):
    """The server is shutting down: the request's documents were not processed."""


class _Request:
    """One submitted request: its documents, the results filled in so far, and its future."""

    __slots__ = ("future", "remaining", "results")

    def __init__(self, size: int, future: asyncio.Future[list[list[Span]]]) -> None:
        self.results: list[list[Span] | None] = [None] * size
        self.remaining = size
        self.future = future


class MicroBatcher:
    """Coalesce the documents of concurrent :meth:`submit` calls into batched ``predict`` calls.

    ``on_batch`` is called (on the event loop) with the size and seconds of every model call.
    Create it inside a running event loop's task (a server's startup) and :meth:`close` it there."""

    def __init__(
        self,
        predict: Predict,
        *,
        max_batch: int = 32,
        max_wait_s: float = 0.005,
        enabled: bool = True,
        workers: int = 4,
        on_batch: Callable[[int, float], None] | None = None,
    ) -> None:
        if max_batch < 1:
            raise ValueError(f"max_batch must be >= 1, got {max_batch}")
        if max_wait_s < 0:
            raise ValueError(f"max_wait_s must be >= 0, got {max_wait_s}")
        self.predict = predict
        self.max_batch = max_batch
        self.max_wait_s = max_wait_s
        self.enabled = enabled
        self.on_batch = on_batch
        # Batching: one model thread, so batches never run concurrently on one model.
        # Off: a pool, as a server that calls the model per request would.
        self._pool = ThreadPoolExecutor(max_workers=1 if enabled else workers, thread_name_prefix="kp-serve-model")
        self._pending: collections.deque[tuple[_Request, int, str]] = collections.deque()
        self._arrived = asyncio.Event()
        self._closed = False
        self._collector: asyncio.Task[None] | None = (
            asyncio.get_running_loop().create_task(self._collect()) if enabled else None
        )
        self._running: set[asyncio.Future[Any]] = set()

    async def submit(self, texts: Sequence[str]) -> list[list[Span]]:
        """The spans of each text, in order; raises what the model raised for their batch."""
        if self._closed:
            raise BatcherClosedError("the server is shutting down; retry on another instance")
        texts = list(texts)
        if not texts:
            return []
        loop = asyncio.get_running_loop()
        if not self.enabled:
            return await self._run(loop, texts)
        request = _Request(len(texts), loop.create_future())
        self._pending.extend((request, i, text) for i, text in enumerate(texts))
        self._arrived.set()
        return await request.future

    async def _run(self, loop: asyncio.AbstractEventLoop, texts: list[str]) -> list[list[Span]]:
        started = time.perf_counter()
        future = loop.run_in_executor(self._pool, self.predict, texts)
        self._running.add(future)
        try:
            found = await asyncio.shield(future)
        finally:
            self._running.discard(future)
        if len(found) != len(texts):
            raise RuntimeError(f"the detector returned {len(found)} span lists for {len(texts)} texts")
        if self.on_batch is not None:
            self.on_batch(len(texts), time.perf_counter() - started)
        return found

    async def _collect(self) -> None:
        loop = asyncio.get_running_loop()
        while not self._closed:
            await self._arrived.wait()
            if self._closed:
                return
            self._drop_cancelled()
            if not self._pending:
                self._arrived.clear()
                continue
            deadline = loop.time() + self.max_wait_s
            while len(self._pending) < self.max_batch:
                self._arrived.clear()
                left = deadline - loop.time()
                if left <= 0 or self._closed:
                    break
                try:
                    await asyncio.wait_for(self._arrived.wait(), left)
                except TimeoutError:
                    break
            if self._closed:
                return
            self._drop_cancelled()
            batch = [self._pending.popleft() for _ in range(min(self.max_batch, len(self._pending)))]
            if not self._pending:
                self._arrived.clear()
            if batch:
                await self._run_batch(loop, batch)

    def _drop_cancelled(self) -> None:
        """Documents of requests that gave up (timed out, disconnected) are not run."""
        if any(request.future.done() for request, _, _ in self._pending):
            kept = [item for item in self._pending if not item[0].future.done()]
            self._pending.clear()
            self._pending.extend(kept)

    async def _run_batch(self, loop: asyncio.AbstractEventLoop, batch: list[tuple[_Request, int, str]]) -> None:
        try:
            found = await self._run(loop, [text for _, _, text in batch])
        except Exception as exc:  # noqa: BLE001 - handed to the batch's requests, and to no other
            for request in {id(r): r for r, _, _ in batch}.values():
                if not request.future.done():
                    request.future.set_exception(exc)
            return
        for (request, index, _), spans in zip(batch, found, strict=True):
            request.results[index] = spans
            request.remaining -= 1
            if request.remaining == 0 and not request.future.done():
                request.future.set_result(request.results)  # type: ignore[arg-type]

    async def close(self) -> None:
        """Refuse new requests, fail the queued ones, let a running batch finish, stop the threads."""
        self._closed = True
        self._arrived.set()
        if self._collector is not None:
            await self._collector  # returns once its running batch, if any, is done
        error = BatcherClosedError("the server is shutting down; retry on another instance")
        while self._pending:
            request, _, _ = self._pending.popleft()
            if not request.future.done():
                request.future.set_exception(error)
        if self._running:
            await asyncio.gather(*self._running, return_exceptions=True)
        self._pool.shutdown(wait=True)
