"""The conformance checks. Each class is a pytest test class to subclass."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kp_core.detector import Detector
from kp_core.plugins.registry import Availability, Backend, Family, Operator, get_registry
from kp_core.taxonomy import entity_names
from kp_core.types import Span

# Texts every family must survive: empty, whitespace, unicode of several scripts, long.
PROBE_TEXTS: tuple[str, ...] = (
    "",
    "   \n\t ",
    "Pacientul Ion Popescu, CNP 1800101221144, locuiește în București.",
    "Paní Jana Nováková (rodné číslo 955229/1234) bydlí v Brně.",
    "Ο κ. Γιώργος Παπαδόπουλος γεννήθηκε στις 12/03/1985.",
    "Kontakt: anna.svensson@example.se, tel. +46 70 123 45 67 🙂",
    " ".join(["Lorem ipsum dolor sit amet, Maria Rossi abita in Via Roma 12, Milano."] * 60),
)


class PluginConformance:
    """Checks every plugin passes: it loads without error and implements only known hooks."""

    plugin_name: str = ""

    def test_plugin_loaded(self) -> None:
        from kp_core.plugins import get_host

        host = get_host()
        failed = {p.name: p.error for p in host.failed}
        assert self.plugin_name not in failed, (
            f"plugin {self.plugin_name!r} failed to load: {failed.get(self.plugin_name)}"
        )
        assert self.plugin_name in {p.name for p in host.loaded}

    def test_no_unknown_hooks(self) -> None:
        from kp_core.plugins import get_host

        get_host().check_pending()


class FamilyConformance:
    """Checks for a model family. Subclasses set ``family_name`` and implement ``model_ref``."""

    family_name: str = ""
    probe_texts: tuple[str, ...] = PROBE_TEXTS

    def model_ref(self, tmp_path: Path) -> str:
        """A reference this family's ``load`` accepts (a tiny checkpoint folder, a file, a name)."""
        raise AssertionError("subclasses of FamilyConformance must implement model_ref()")

    def load_options(self) -> dict[str, Any]:
        return {}

    @pytest.fixture
    def family(self) -> Family:
        return get_registry().family(self.family_name)

    @pytest.fixture
    def detector(self, family: Family, tmp_path: Path) -> Detector:
        return family.load(self.model_ref(tmp_path), **self.load_options())

    def test_family_is_registered(self, family: Family) -> None:
        assert family.name == self.family_name
        assert family.description.strip(), "a family needs a one-line description"
        assert family.provider, "the registry records which plugin provided the family"
        assert isinstance(family.frameworks, tuple)

    def test_load_returns_detector(self, detector: Detector) -> None:
        assert isinstance(detector, Detector)
        assert isinstance(detector.model_id, str) and detector.model_id

    def test_one_list_of_spans_per_text(self, detector: Detector) -> None:
        out = detector.predict_spans(list(self.probe_texts))
        assert isinstance(out, list) and len(out) == len(self.probe_texts)

    def test_spans_are_valid(self, detector: Detector) -> None:
        known = set(entity_names())
        for text, spans in zip(self.probe_texts, detector.predict_spans(list(self.probe_texts)), strict=True):
            previous_end = 0
            for span in spans:
                assert isinstance(span, Span)
                assert span.label in known
                assert 0 <= span.start < span.end <= len(text)
                assert span.start >= previous_end, "spans must be sorted and must not overlap"
                previous_end = span.end
                if span.text is not None:
                    assert span.text == text[span.start : span.end]
                if span.score is not None:
                    assert 0.0 <= span.score <= 1.0

    def test_empty_and_blank_texts_give_no_spans(self, detector: Detector) -> None:
        assert detector.predict_spans(["", "  \n "]) == [[], []]

    def test_empty_batch(self, detector: Detector) -> None:
        assert detector.predict_spans([]) == []

    def test_batch_equals_one_by_one(self, detector: Detector) -> None:
        texts = list(self.probe_texts)
        batched = detector.predict_spans(texts)
        single = [detector.predict_spans([t])[0] for t in texts]
        strip = lambda spans: [(s.start, s.end, s.label) for s in spans]  # noqa: E731
        assert [strip(s) for s in batched] == [strip(s) for s in single]


class BackendConformance:
    """Checks for a device backend. Subclasses set ``backend_name``."""

    backend_name: str = ""

    @pytest.fixture
    def backend(self) -> Backend:
        return get_registry().backend(self.backend_name)

    def test_backend_fields(self, backend: Backend) -> None:
        assert backend.framework.strip()
        assert backend.description.strip()
        assert isinstance(backend.priority, int)

    def test_probe_answers_without_raising(self, backend: Backend) -> None:
        status = backend.availability()
        assert isinstance(status, Availability)
        if not status.available:
            assert status.reason.strip(), "an unavailable backend must say why"

    def test_probe_is_stable(self, backend: Backend) -> None:
        assert backend.availability().available == backend.availability().available


class OperatorConformance:
    """Checks for an anonymization operator. Subclasses set ``operator_name`` and may set
    ``factory_options``. The operator factory returns ``replace(span_text, label) -> str``."""

    operator_name: str = ""
    factory_options: dict[str, Any] = {}
    samples: tuple[tuple[str, str], ...] = (
        ("Ion Popescu", "PERSON"),
        ("RO49AAAA1B31007593840000", "ACCOUNT_ID"),
        ("12.03.1985", "DATE"),
        ("ana@example.ro", "EMAIL"),
    )

    @pytest.fixture
    def operator(self) -> Operator:
        return get_registry().operator(self.operator_name)

    def test_operator_fields(self, operator: Operator) -> None:
        assert operator.name == self.operator_name
        assert operator.description.strip()

    def test_replacement_is_text(self, operator: Operator) -> None:
        replace = operator.factory(**self.factory_options)
        for value, label in self.samples:
            out = replace(value, label)
            assert isinstance(out, str)

    def test_deterministic(self, operator: Operator) -> None:
        first = operator.factory(**self.factory_options)
        second = operator.factory(**self.factory_options)
        for value, label in self.samples:
            assert first(value, label) == second(value, label)
