"""The docs test, with kp-core alone (and the example plugin): every example of the README and of
docs/*.md runs as written; what needs kp-torch, kp-mlx, kp-gliner, CUDA or the Hub is refused
cleanly (tests/docs_runner.py)."""

from __future__ import annotations

import pytest

from tests.docs_runner import PAGES, run_page


@pytest.mark.parametrize("page", PAGES)
def test_page_examples_run_as_written(page: str, tmp_path) -> None:
    problems = run_page(page, tmp_path)
    assert not problems, "\n\n".join(problems)
