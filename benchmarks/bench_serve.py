"""Load test of `kp serve`: documents per second and latency with 1, 8 and 32 concurrent clients,
micro-batching on and off, side by side in one run.

Starts `kp serve` on 127.0.0.1 (a free port) once with batching and once without, sends one
generated document per POST /v1/extract from each client (its own keep-alive connection) until
the cell's request count or time is spent, and stops the servers. Prints one row per cell
(docs/s, p50 and p99 latency, mean batch size from the server's /metrics) and the batching
on/off throughput ratio at 32 clients.

    python benchmarks/bench_serve.py --model rules --docs 2000
    python benchmarks/bench_serve.py --model runs/xlmr --docs 400 --cell-seconds 15 --json

The clients are Python threads in this process, on the same machine as the server: with few
cores they take CPU from it, so read the numbers side by side, not as the server's ceiling.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = (1, 8, 32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", "-m", default="rules", help="Any kp model reference [default: rules].")
    parser.add_argument("--docs", type=int, default=2000, help="Most requests (one document each) per cell.")
    parser.add_argument("--cell-seconds", type=float, default=10.0, help="Most seconds per cell.")
    parser.add_argument("--max-batch", type=int, default=32, help="The server's --max-batch.")
    parser.add_argument("--max-wait-ms", type=float, default=5.0, help="The server's --max-wait-ms.")
    parser.add_argument("--clients", default=",".join(map(str, CLIENTS)), help="Concurrent clients per cell.")
    parser.add_argument("--warmup-requests", type=int, default=40, help="Unmeasured requests per server, twice.")
    parser.add_argument("--warmup-seconds", type=float, default=20.0, help="Most seconds of warm-up per server.")
    parser.add_argument("--seed", type=int, default=0, help="Seed of the generated documents.")
    parser.add_argument("--start-timeout", type=float, default=300.0, help="Seconds to wait for a server to be ready.")
    parser.add_argument("--json", action="store_true", help="Print one JSON document instead of the table.")
    args = parser.parse_args()
    clients = [int(c) for c in args.clients.split(",")]

    from kp_core.generate.engine import generate_rows

    texts = [row["text"] for row in generate_rows(n=min(args.docs, 500), seed=args.seed)]
    cells = []
    for batching in (True, False):
        flags = ["--max-batch", str(args.max_batch), "--max-wait-ms", str(args.max_wait_ms)]
        with Server(args.model, [*flags, "--batching" if batching else "--no-batching"], args.start_timeout) as server:
            # Warm-up, not measured: a model's first calls are slow (lazy kernels, allocator),
            # for torch models on CPU ~1 s each for the first ~20 calls.
            run_cell(server.url, texts, 1, args.warmup_requests, args.warmup_seconds / 2)
            run_cell(server.url, texts, 8, args.warmup_requests, args.warmup_seconds / 2)
            for n in clients:
                before = server.batches()
                cell = run_cell(server.url, texts, n, args.docs, args.cell_seconds)
                after = server.batches()
                calls, docs = after[0] - before[0], after[1] - before[1]
                cell.update(batching=batching, clients=n, mean_batch=round(docs / calls, 2) if calls else None)
                cells.append(cell)
                print(
                    f"  batching {'on ' if batching else 'off'} x{n:>2}: {cell['docs_per_s']:.1f} docs/s",
                    file=sys.stderr,
                )
    ratio = _ratio(cells, max(clients))
    report = {"model": args.model, "max_batch": args.max_batch, "max_wait_ms": args.max_wait_ms, "cells": cells}
    report["batching_ratio_at_max_clients"] = ratio
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"kp serve, model {args.model}, max batch {args.max_batch}, max wait {args.max_wait_ms:g} ms")
    print("| clients | batching | requests | docs/s | p50 ms | p99 ms | mean batch | errors |")
    print("|---|---|---|---|---|---|---|---|")
    for c in cells:
        print(
            f"| {c['clients']} | {'on' if c['batching'] else 'off'} | {c['requests']} | {c['docs_per_s']:.1f} | "
            f"{c['p50_ms']:.1f} | {c['p99_ms']:.1f} | {c['mean_batch']} | {c['errors']} |"
        )
    if ratio is not None:
        print(f"batching on/off throughput at {max(clients)} clients: {ratio:.2f}x")


def _ratio(cells: list[dict], clients: int) -> float | None:
    on = [c["docs_per_s"] for c in cells if c["clients"] == clients and c["batching"]]
    off = [c["docs_per_s"] for c in cells if c["clients"] == clients and not c["batching"]]
    return round(on[0] / off[0], 2) if on and off and off[0] else None


class Server:
    """`kp serve --port 0 --json` in a subprocess, ready once /readyz answers; stopped on exit."""

    def __init__(self, model: str, flags: list[str], start_timeout: float) -> None:
        self.command = [sys.executable, "-m", "kp_core", "serve", "-m", model, "--port", "0", "--json", *flags]
        self.start_timeout = start_timeout

    def __enter__(self) -> Server:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen(
            self.command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
        )
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"kp serve did not start (exit {self.process.wait()}): {' '.join(self.command)}")
        self.url = json.loads(line)["url"]
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self._get("/readyz")[0] == 200:
                return self
            time.sleep(0.2)
        self.__exit__()
        raise SystemExit(f"kp serve was not ready within {self.start_timeout:g} s")

    def __exit__(self, *exc: object) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def _get(self, path: str) -> tuple[int, str]:
        parts = urlsplit(self.url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        try:
            connection.request("GET", path)
            answer = connection.getresponse()
            return answer.status, answer.read().decode()
        except OSError:
            return 0, ""
        finally:
            connection.close()

    def batches(self) -> tuple[int, int]:
        """Model calls and documents so far (the /metrics batch-size histogram's count and sum)."""
        text = self._get("/metrics")[1]
        count = re.search(r"^kp_serve_batch_size_count (\d+)", text, re.M)
        total = re.search(r"^kp_serve_batch_size_sum ([\d.]+)", text, re.M)
        return (int(count.group(1)) if count else 0, int(float(total.group(1))) if total else 0)


def run_cell(url: str, texts: list[str], clients: int, requests: int, seconds: float = 60.0) -> dict:
    """``clients`` threads, each on its own connection, sending one document per request."""
    parts = urlsplit(url)
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    sent = [0]
    deadline = time.monotonic() + seconds

    def client(index: int) -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        i = index
        while time.monotonic() < deadline:
            with lock:
                if sent[0] >= requests:
                    break
                sent[0] += 1
            body = json.dumps({"text": texts[i % len(texts)]})
            i += clients
            started = time.perf_counter()
            try:
                connection.request("POST", "/v1/extract", body, {"content-type": "application/json"})
                answer = connection.getresponse()
                answer.read()
                ok = answer.status == 200
            except OSError:
                ok = False
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
            elapsed = time.perf_counter() - started
            with lock:
                if ok:
                    latencies.append(elapsed)
                else:
                    errors[0] += 1
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors[0],
        "seconds": round(wall, 2),
        "docs_per_s": round(len(latencies) / wall, 1) if wall else 0.0,
        "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else float("nan"),
        "p99_ms": round(latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))] * 1000, 1)
        if latencies
        else float("nan"),
    }


if __name__ == "__main__":
    main()
