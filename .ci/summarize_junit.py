"""Sum the JUnit XML reports of every tox environment into one closing line."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(paths: list[str]) -> int:
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for path in sorted(paths):
        root = ET.parse(path).getroot()
        suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
        env = Path(path).stem.removeprefix("junit-")
        counts = {key: sum(int(s.get(key, 0)) for s in suites) for key in totals}
        for key in totals:
            totals[key] += counts[key]
        passed = counts["tests"] - counts["failures"] - counts["errors"] - counts["skipped"]
        print(f"{env}: {passed} passed, {counts['failures'] + counts['errors']} failed, {counts['skipped']} skipped")
    passed = totals["tests"] - totals["failures"] - totals["errors"] - totals["skipped"]
    print(f"all: {passed} passed, {totals['failures'] + totals['errors']} failed, {totals['skipped']} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
