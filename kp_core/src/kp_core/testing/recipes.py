"""Conformance checks for a training recipe: one class to subclass per recipe.

Every check trains through kp's one driver (:func:`kp_core.training.train_with_recipe`) on a tiny
generated dataset, so a recipe that passes behaves like kp's own under ``kp train``: it declares
its options properly, its saved model loads with its family's ``load``, ``kp.json`` names the
eval split every family shares, and a run killed mid-way and resumed ends with the same weights
as one never interrupted::

    from kp_core.testing import RecipeConformance
    from my_plugin.tagger import MyRecipe

    class TestMyRecipe(RecipeConformance):
        recipe = MyRecipe
        base = "none"
        options = {"features": 1024}

Requires pytest (a test-time dependency, not one of kp-core's).
"""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path
from typing import Any, ClassVar

import pytest

from kp_core.detector import Detector
from kp_core.taxonomy import entity_names
from kp_core.testing.conformance import PROBE_TEXTS
from kp_core.training import Option, Recipe, RunResult, TrainConfig, TrainingError, train_with_recipe
from kp_core.types import Span


class _Killed(RuntimeError):
    """Raised from ``on_step`` to stop a run the way a kill would, after its checkpoint."""


def files_digest(folder: Path, *, skip: tuple[str, ...] = ("kp.json", "checkpoints")) -> str:
    """SHA-256 over the names and bytes of every file under ``folder`` except ``skip`` (top-level
    names): the identity of a saved model's weights, without the run's timings."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder)
        if relative.parts[0] in skip:
            continue
        digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class RecipeConformance:
    """Checks for a recipe. Subclasses set ``recipe`` and ``base``; the rest are defaults to tune.

    ``options`` are the recipe options of every run (keep models tiny), ``settings`` any other
    :class:`TrainConfig` fields (``device``, ``lr``, ...). Override :meth:`load` when the family's
    registered ``load`` is not the way to read the saved folder, and :meth:`weights_digest` when
    the saved files hold more than the weights (a timestamp, a random id).
    """

    recipe: ClassVar[type | None] = None
    base: ClassVar[str] = ""
    options: ClassVar[dict[str, Any]] = {}
    settings: ClassVar[dict[str, Any]] = {}
    steps: ClassVar[int] = 5  # optimizer steps of each run
    documents: ClassVar[int] = 48  # generated rows in the dataset
    languages: ClassVar[tuple[str, ...]] = ("en", "ro")
    seed: ClassVar[int] = 7
    probe_texts: ClassVar[tuple[str, ...]] = PROBE_TEXTS

    # --- what subclasses may override -------------------------------------------------------------

    def load(self, out: Path) -> Detector:
        """The saved model, loaded the way users load it: the family's registered ``load``."""
        from kp_core.plugins.registry import get_registry

        family = get_registry().family(self._recipe().family)
        return family.load(str(out), device=self.settings.get("device", "auto"))

    def weights_digest(self, out: Path) -> str:
        """What must be equal between an interrupted-and-resumed run and an uninterrupted one."""
        return files_digest(out)

    # --- helpers --------------------------------------------------------------------------------

    @classmethod
    def _recipe(cls) -> type:
        if cls.recipe is None or not cls.base:
            raise AssertionError("subclasses of RecipeConformance must set recipe (a class) and base")
        return cls.recipe

    @classmethod
    def config(cls, dataset: Path, out: Path, **overrides: Any) -> TrainConfig:
        """The run every check makes: `steps` steps (enough epochs for them whatever the batch size),
        a checkpoint after each, no progress bar."""
        fields: dict[str, Any] = dict(
            epochs=float(cls.steps), batch_size=4, max_steps=cls.steps, eval_fraction=0.2, seed=cls.seed,
            save_every=1, progress=False, options=dict(cls.options),
        )  # fmt: skip
        fields.update(cls.settings)
        fields.update(overrides)
        return TrainConfig(family=cls._recipe().family, base=cls.base, dataset=str(dataset), out=out, **fields)

    @classmethod
    def train(cls, config: TrainConfig, **hooks: Any) -> RunResult:
        return train_with_recipe(cls._recipe(), config, echo=lambda _line: None, **hooks)

    @pytest.fixture(scope="class")
    @classmethod
    def dataset(cls, tmp_path_factory: pytest.TempPathFactory) -> Path:
        """Generated rows in the kp row format (several templates, so the split has an eval side)."""
        from kp_core.generate import generate_rows, write_rows

        path = tmp_path_factory.mktemp("recipe-data") / "rows.jsonl"
        write_rows(generate_rows(list(cls.languages), n=cls.documents, seed=cls.seed), path)
        return path

    @pytest.fixture(scope="class")
    @classmethod
    def trained(cls, dataset: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[TrainConfig, RunResult]:
        """One uninterrupted run, shared by the checks of a class."""
        config = cls.config(dataset, tmp_path_factory.mktemp("recipe-run") / "model")
        return config, cls.train(config)

    # --- the checks -----------------------------------------------------------------------------

    def test_recipe_fields(self) -> None:
        recipe = self._recipe()
        assert isinstance(recipe.family, str) and recipe.family.strip()
        assert recipe.framework is None or (isinstance(recipe.framework, str) and recipe.framework.strip())
        assert isinstance(recipe(), Recipe), "the recipe lacks a method of kp_core.training.Recipe"

    def test_every_option_is_declared_properly(self) -> None:
        names = []
        for option in self._recipe().options:
            assert isinstance(option, Option)
            assert re.fullmatch(r"[a-z][a-z0-9_]*", option.name), f"option name {option.name!r}: use snake_case"
            assert option.kind is not None, f"option {option.name}: no kind"
            assert option.help.strip(), f"option {option.name}: no help"
            option.parse(option.default)  # a default its own parser refuses is a bug
            names.append(option.name)
        assert len(names) == len(set(names)), "an option is declared twice"

    def test_undeclared_option_names_the_owner(self, dataset: Path, tmp_path: Path) -> None:
        from kp_core.training.driver import recipe_owner

        config = self.config(dataset, tmp_path / "out", options={**self.options, "no_such_setting": "1"})
        with pytest.raises(TrainingError, match=re.escape(recipe_owner(self._recipe()))) as caught:
            self.train(config)
        assert "--no-such-setting" in str(caught.value)

    def test_trained_model_loads_and_predicts(self, trained: tuple[TrainConfig, RunResult]) -> None:
        config, result = trained
        assert result.steps == self.steps
        detector = self.load(Path(config.out))
        assert isinstance(detector, Detector)
        found = detector.predict_spans(list(self.probe_texts))
        assert isinstance(found, list) and len(found) == len(self.probe_texts)
        known = set(entity_names())
        for text, spans in zip(self.probe_texts, found, strict=True):
            previous_end = 0
            for span in spans:
                assert isinstance(span, Span) and span.label in known
                assert previous_end <= span.start < span.end <= len(text), "spans inside the text, sorted"
                previous_end = span.end
                assert span.text is None or span.text == text[span.start : span.end]

    def test_kp_json_names_family_framework_and_eval_split(self, trained: tuple[TrainConfig, RunResult]) -> None:
        from kp_core.plugins.manifest import Manifest
        from kp_core.training.data import prepare_data
        from kp_core.training.driver import eval_rows_sha256

        config, _ = trained
        manifest = Manifest.read(config.out)
        recipe = self._recipe()
        assert manifest is not None, "the run wrote no kp.json"
        assert manifest.family == recipe.family
        assert manifest.framework == recipe.framework
        assert manifest.data is not None and manifest.training is not None
        assert manifest.data["eval_rows_sha256"] == eval_rows_sha256(prepare_data(config))
        assert manifest.data["eval_examples"] > 0, "the dataset should give the split an eval side"
        assert set(manifest.training["options"]) == {option.name for option in recipe.options}

    def kill_step(self) -> int:
        """The step a run is killed after: seeded, anywhere but the last step."""
        return random.Random(f"{self._recipe().family}:{self.seed}").randint(1, self.steps - 1)

    def test_killed_and_resumed_run_ends_with_the_same_weights(
        self, trained: tuple[TrainConfig, RunResult], dataset: Path, tmp_path: Path
    ) -> None:
        from kp_core.plugins.manifest import Manifest

        reference, _ = trained
        kill_at = self.kill_step()

        def kill(state: Any) -> None:
            if state.step == kill_at:
                raise _Killed(f"killed after step {kill_at}")

        config = self.config(dataset, tmp_path / "model")
        with pytest.raises(_Killed):
            self.train(config, on_step=kill)
        resumed = self.train(self.config(dataset, tmp_path / "model", resume=True))
        assert resumed.steps == self.steps
        manifest = Manifest.read(tmp_path / "model")
        assert manifest is not None and manifest.run is not None and manifest.run["resumed_from"] == kill_at
        assert self.weights_digest(tmp_path / "model") == self.weights_digest(Path(reference.out)), (
            f"killed after step {kill_at} and resumed, the saved model differs from an uninterrupted run's"
        )
