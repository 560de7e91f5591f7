"""The docs test with kp-core and kp-torch: the same pages, run in this environment, where the
examples that need kp-torch run for real (tests/docs_runner.py)."""

from tests.core.test_docs_examples import test_page_examples_run_as_written

__all__ = ["test_page_examples_run_as_written"]
