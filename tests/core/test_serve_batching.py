"""kp serve's micro-batcher on its own: ordering, the batch cap, the bounded wait, failures that
stay in their batch, and shutdown."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from kp_core.serve.batching import BatcherClosedError, MicroBatcher
from kp_core.types import Span


class Recorder:
    """A model whose span for a text is its length (so answers can be told apart), recording
    every batch and the thread it ran on."""

    def __init__(self, delay_s: float = 0.0, fail_on: str | None = None) -> None:
        self.batches: list[list[str]] = []
        self.threads: set[int] = set()
        self.delay_s, self.fail_on = delay_s, fail_on

    def __call__(self, texts: list[str]) -> list[list[Span]]:
        self.batches.append(list(texts))
        self.threads.add(threading.get_ident())
        if self.delay_s:
            time.sleep(self.delay_s)
        if self.fail_on is not None and self.fail_on in texts:
            raise RuntimeError("model failed")
        return [[Span(0, len(t), "PERSON")] for t in texts]


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 20))


def ends(result: list[list[Span]]) -> list[int]:
    return [doc[0].end for doc in result]


def test_concurrent_requests_share_one_call_and_get_their_own_results_in_order() -> None:
    model = Recorder()

    async def main():
        batcher = MicroBatcher(model, max_batch=32, max_wait_s=0.05)
        requests = [["a" * (10 * r + i + 1) for i in range(3)] for r in range(5)]
        results = await asyncio.gather(*(batcher.submit(texts) for texts in requests))
        await batcher.close()
        return requests, results

    requests, results = run(main())
    for texts, result in zip(requests, results, strict=True):
        assert ends(result) == [len(t) for t in texts]
    assert len(model.batches) == 1 and len(model.batches[0]) == 15
    assert threading.get_ident() not in model.threads  # never on the event loop's thread


def test_batches_never_exceed_max_batch_and_a_large_request_is_split() -> None:
    model = Recorder()

    async def main():
        batcher = MicroBatcher(model, max_batch=4, max_wait_s=0.02)
        big = ["x" * (i + 1) for i in range(10)]
        small = ["yy", "yyy"]
        out = await asyncio.gather(batcher.submit(big), batcher.submit(small))
        await batcher.close()
        return big, small, out

    big, small, (big_out, small_out) = run(main())
    assert ends(big_out) == [len(t) for t in big]
    assert ends(small_out) == [2, 3]
    assert max(len(b) for b in model.batches) <= 4
    assert sum(len(b) for b in model.batches) == 12


def test_a_lone_request_waits_at_most_max_wait() -> None:
    model = Recorder()

    async def main():
        batcher = MicroBatcher(model, max_batch=32, max_wait_s=0.2)
        started = time.perf_counter()
        result = await batcher.submit(["abc"])
        waited = time.perf_counter() - started
        await batcher.close()
        return result, waited

    result, waited = run(main())
    assert ends(result) == [3]
    assert 0.15 <= waited < 1.5, waited


def test_a_full_batch_does_not_wait_for_max_wait() -> None:
    model = Recorder()

    async def main():
        batcher = MicroBatcher(model, max_batch=4, max_wait_s=5.0)
        started = time.perf_counter()
        await batcher.submit(["a", "b", "c", "d"])
        waited = time.perf_counter() - started
        await batcher.close()
        return waited

    assert run(main()) < 2.0


def test_an_exception_fails_only_the_requests_of_its_batch() -> None:
    # The first batch runs alone (the model is slow); the next requests queue into the second,
    # which holds the failing text, then a third batch after it succeeds.
    model = Recorder(delay_s=0.1, fail_on="boom")

    async def main():
        batcher = MicroBatcher(model, max_batch=2, max_wait_s=0.0)
        first = asyncio.ensure_future(batcher.submit(["a1", "a2"]))
        await asyncio.sleep(0.02)
        bad = asyncio.ensure_future(batcher.submit(["boom"]))
        mate = asyncio.ensure_future(batcher.submit(["b1"]))
        await asyncio.sleep(0.02)
        later = asyncio.ensure_future(batcher.submit(["c1", "c2"]))
        out = await asyncio.gather(first, bad, mate, later, return_exceptions=True)
        await batcher.close()
        return out

    first, bad, mate, later = run(main())
    assert model.batches == [["a1", "a2"], ["boom", "b1"], ["c1", "c2"]]
    assert ends(first) == [2, 2]
    assert isinstance(bad, RuntimeError) and isinstance(mate, RuntimeError)
    assert ends(later) == [2, 2]


def test_a_request_that_gave_up_is_not_run() -> None:
    model = Recorder(delay_s=0.1)

    async def main():
        batcher = MicroBatcher(model, max_batch=1, max_wait_s=0.0)
        running = asyncio.ensure_future(batcher.submit(["first"]))
        await asyncio.sleep(0.02)
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(batcher.submit(["abandoned"]), 0.01)
        await running
        await batcher.submit(["after"])
        await batcher.close()

    run(main())
    assert model.batches == [["first"], ["after"]]


def test_shutdown_finishes_the_running_batch_fails_the_queued_and_refuses_new() -> None:
    model = Recorder(delay_s=0.2)

    async def main():
        batcher = MicroBatcher(model, max_batch=1, max_wait_s=0.0)
        running = asyncio.ensure_future(batcher.submit(["running"]))
        await asyncio.sleep(0.05)
        queued = asyncio.ensure_future(batcher.submit(["queued"]))
        await asyncio.sleep(0.01)
        await batcher.close()
        out = await asyncio.gather(running, queued, return_exceptions=True)
        with pytest.raises(BatcherClosedError):
            await batcher.submit(["late"])
        return out

    running, queued = run(main())
    assert ends(running) == [7]
    assert isinstance(queued, BatcherClosedError)
    assert model.batches == [["running"]]


def test_without_batching_each_request_is_its_own_call() -> None:
    model = Recorder()

    async def main():
        batcher = MicroBatcher(model, max_batch=32, max_wait_s=0.05, enabled=False)
        out = await asyncio.gather(batcher.submit(["a", "bb"]), batcher.submit(["ccc"]))
        await batcher.close()
        return out

    first, second = run(main())
    assert ends(first) == [1, 2] and ends(second) == [3]
    assert sorted(map(len, model.batches)) == [1, 2]


def test_batch_sizes_are_reported() -> None:
    model, seen = Recorder(), []

    async def main():
        batcher = MicroBatcher(model, max_batch=8, max_wait_s=0.05, on_batch=lambda n, s: seen.append(n))
        await asyncio.gather(*(batcher.submit([str(i)]) for i in range(5)))
        await batcher.close()

    run(main())
    assert seen == [5]


def test_bad_settings_are_refused() -> None:
    async def main():
        with pytest.raises(ValueError, match="max_batch"):
            MicroBatcher(Recorder(), max_batch=0)
        with pytest.raises(ValueError, match="max_wait_s"):
            MicroBatcher(Recorder(), max_wait_s=-1)

    run(main())
