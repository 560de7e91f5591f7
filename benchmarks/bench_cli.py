"""Start-up time of the kp CLI, measured side by side with a bare interpreter in one run.

    python benchmarks/bench_cli.py [--repeat 15]

Prints the median wall time of `python -c pass`, `kp --help`, `kp plugins` and `kp version`, and
each one's ratio to the bare interpreter. Goal: `kp --help` and `kp plugins` under 0.5 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "kp --help": [sys.executable, "-m", "kp_core", "--help"],
    "kp plugins": [sys.executable, "-m", "kp_core", "plugins"],
    "kp version": [sys.executable, "-m", "kp_core", "version"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    timings: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.repeat):  # interleaved, so machine noise hits every command alike
        for name, cmd in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            timings[name].append(time.perf_counter() - start)
    base = statistics.median(timings["python -c pass"])
    print(f"{'command':<16} {'median s':>9} {'x python':>9}")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"{name:<16} {median:>9.3f} {median / base:>9.1f}")
    import kp_core.plugins

    host = kp_core.plugins.get_host()
    print("plugins loaded:", ", ".join(p.name for p in host.loaded))


if __name__ == "__main__":
    main()
