"""The server's metrics, written in the Prometheus text format (no client library needed).

Counts and histograms only, never a value of the data: requests by endpoint and status, batch
sizes, request latency, model time per batch and documents processed.
"""

from __future__ import annotations

import bisect
import collections
import threading

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256)


class Histogram:
    """Cumulative buckets, a sum and a count, as Prometheus expects them."""

    def __init__(self, buckets: tuple[float, ...]) -> None:
        self.buckets = buckets
        self.counts = [0] * (len(buckets) + 1)  # the last one is +Inf
        self.total = 0.0
        self.count = 0

    def observe(self, value: float) -> None:
        self.counts[bisect.bisect_left(self.buckets, value)] += 1
        self.total += value
        self.count += 1

    def lines(self, name: str, labels: str = "") -> list[str]:
        out, running = [], 0
        sep = "," if labels else ""
        for bound, n in zip((*self.buckets, float("inf")), self.counts, strict=True):
            running += n
            le = "+Inf" if bound == float("inf") else f"{bound:g}"
            out.append(f'{name}_bucket{{{labels}{sep}le="{le}"}} {running}')
        braces = f"{{{labels}}}" if labels else ""
        out.append(f"{name}_sum{braces} {self.total:.6f}")
        out.append(f"{name}_count{braces} {self.count}")
        return out


class Metrics:
    """Everything ``GET /metrics`` shows. Thread-safe (model threads report batches too)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: collections.Counter[tuple[str, int]] = collections.Counter()
        self.documents: collections.Counter[str] = collections.Counter()
        self.latency: dict[str, Histogram] = {}
        self.batch_size = Histogram(BATCH_BUCKETS)
        self.batch_seconds = Histogram(LATENCY_BUCKETS)
        self.ready = False

    def request(self, endpoint: str, status: int, seconds: float, documents: int) -> None:
        with self._lock:
            self.requests[(endpoint, status)] += 1
            if documents:
                self.documents[endpoint] += documents
            self.latency.setdefault(endpoint, Histogram(LATENCY_BUCKETS)).observe(seconds)

    def batch(self, size: int, seconds: float) -> None:
        with self._lock:
            self.batch_size.observe(size)
            self.batch_seconds.observe(seconds)

    def render(self) -> str:
        with self._lock:
            lines = [
                "# HELP kp_serve_requests_total Requests answered, by endpoint and HTTP status.",
                "# TYPE kp_serve_requests_total counter",
            ]
            for (endpoint, status), n in sorted(self.requests.items()):
                lines.append(f'kp_serve_requests_total{{endpoint="{endpoint}",status="{status}"}} {n}')
            lines += [
                "# HELP kp_serve_documents_total Documents processed, by endpoint.",
                "# TYPE kp_serve_documents_total counter",
            ]
            for endpoint, n in sorted(self.documents.items()):
                lines.append(f'kp_serve_documents_total{{endpoint="{endpoint}"}} {n}')
            lines += [
                "# HELP kp_serve_request_seconds Request latency, from the first byte read to the response.",
                "# TYPE kp_serve_request_seconds histogram",
            ]
            for endpoint, histogram in sorted(self.latency.items()):
                lines += histogram.lines("kp_serve_request_seconds", f'endpoint="{endpoint}"')
            lines += [
                "# HELP kp_serve_batch_size Documents per model call.",
                "# TYPE kp_serve_batch_size histogram",
                *self.batch_size.lines("kp_serve_batch_size"),
                "# HELP kp_serve_batch_seconds Seconds per model call.",
                "# TYPE kp_serve_batch_seconds histogram",
                *self.batch_seconds.lines("kp_serve_batch_seconds"),
                "# HELP kp_serve_model_ready 1 once the model is loaded.",
                "# TYPE kp_serve_model_ready gauge",
                f"kp_serve_model_ready {int(self.ready)}",
            ]
        return "\n".join(lines) + "\n"
