"""The framework-free parts every training family shares: data preparation, declared options,
kp.json, loop bookkeeping and whole-document tokenization."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kp_core.data import DataError, write_jsonl
from kp_core.encoding.tokens import (
    SpecialLayout,
    TokenizerError,
    content_window,
    default_overlap,
    require_fast,
    tokenize_documents,
)
from kp_core.training.config import TrainConfig
from kp_core.training.data import TrainingError, alignment_note, prepare_data
from kp_core.training.options import Option, OptionError, fingerprint_options, parse_flag, parse_list, resolve_options
from kp_core.training.state import LoopState, changed_settings, latest_checkpoint, resume_refusal, tail_mean
from kp_core.types import Example, Span

OPTIONS = (
    Option(name="window_overlap", kind=int, default=None, help="Window overlap in tokens."),
    Option(name="progress", kind=bool, default=True, help="Progress bar.", affects_weights=False),
    Option(name="lora_targets", kind=parse_list, default=(), help="Modules that get LoRA."),
    Option(name="label_scheme", kind=str, default="all", help="Subwords labelled.", choices=("first", "all")),
)


def _config(dataset: Path, tmp_path: Path, **kw: Any) -> TrainConfig:
    return TrainConfig(family="test", base="none", dataset=str(dataset), out=tmp_path / "out", **kw)


def _rows(templates: int, per_template: int) -> list[Example]:
    rows = []
    for t in range(templates):
        for i in range(per_template):
            prefix = f"form {t}: name "  # the row number only in the span: one skeleton per template
            name = f"Name{t}x{i}"
            text = f"{prefix}{name} end {'word ' * t}."
            rows.append(
                Example(
                    text,
                    [Span(len(prefix), len(prefix) + len(name), "PERSON")],
                    language="en",
                    doc_id=f"{t}-{i}",
                    template_id=f"t{t}",
                )
            )
    return rows


# --- --option parsing -----------------------------------------------------------------------------


def test_options_parse_by_their_declarations_with_defaults_filled_in() -> None:
    parsed = resolve_options(OPTIONS, {"window_overlap": "16", "progress": "off", "lora-targets": "q, v,,"}, owner="fam")
    assert parsed == {"window_overlap": 16, "progress": False, "lora_targets": ("q", "v"), "label_scheme": "all"}
    # Values given from Python keep working: a bool flag, a list of targets, an int.
    typed = resolve_options(OPTIONS, {"window_overlap": 8, "progress": True, "lora_targets": ["k"]}, owner="fam")
    assert typed == {"window_overlap": 8, "progress": True, "lora_targets": ("k",), "label_scheme": "all"}


def test_an_option_the_recipe_does_not_take_names_the_owner_and_its_options() -> None:
    with pytest.raises(OptionError, match=r"^fam on torch does not take --colour \(it takes: --window-overlap, --progress"):
        resolve_options(OPTIONS, {"colour": "red"}, owner="fam on torch")


def test_a_value_the_parser_refuses_names_the_option() -> None:
    with pytest.raises(OptionError, match=r"--window-overlap='lots': invalid literal"):
        resolve_options(OPTIONS, {"window_overlap": "lots"}, owner="fam")
    with pytest.raises(OptionError, match=r"--progress='maybe': expected one of"):
        resolve_options(OPTIONS, {"progress": "maybe"}, owner="fam")
    with pytest.raises(OptionError, match=r"--label-scheme='every': expected one of first, all"):
        resolve_options(OPTIONS, {"label_scheme": "every"}, owner="fam")
    with pytest.raises(OptionError, match=r"--window-overlap=2.5: expected a whole number"):
        resolve_options(OPTIONS, {"window_overlap": 2.5}, owner="fam")


@pytest.mark.parametrize(("text", "value"), [("1", True), ("Yes", True), ("on", True), ("0", False), ("FALSE", False)])
def test_flags(text: str, value: bool) -> None:
    assert parse_flag(text) is value


def test_only_options_that_change_the_weights_enter_the_fingerprint() -> None:
    values = resolve_options(OPTIONS, {"progress": "off"}, owner="fam")
    assert fingerprint_options(OPTIONS, values) == {"window_overlap": None, "lora_targets": (), "label_scheme": "all"}
    assert Option(name="lora_rank", kind=int, default=16, help="LoRA rank.").describe() == "LoRA rank. [default: 16]"


# --- data preparation -----------------------------------------------------------------------------


def test_missing_and_empty_datasets_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    with pytest.raises(TrainingError, match=rf"--data {missing}: no such file"):
        prepare_data(_config(missing, tmp_path))
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(TrainingError, match=rf"--data {empty}: no rows"):
        prepare_data(_config(empty, tmp_path))


def test_a_bad_row_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    write_jsonl(_rows(2, 2), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[0])
    bad["spans"][0]["label"] = "NOT_A_KP_LABEL"
    path.write_text("\n".join([lines[0], json.dumps(bad), *lines[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"^{re.escape(str(path))}:2: "):
        prepare_data(_config(path, tmp_path))


def test_split_is_template_disjoint_capped_and_hashed(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    write_jsonl(_rows(10, 4), path)
    config = _config(path, tmp_path, eval_fraction=0.2, seed=3, max_train=20)
    data = prepare_data(config)
    train_templates = {ex.template_id for ex in data.train}
    eval_templates = {ex.template_id for ex in data.eval}
    assert train_templates and eval_templates and not train_templates & eval_templates
    assert len(data.train) == 20  # capped: at least 24 rows stay on the train side
    assert data.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert data.split_info["total_rows"] == 40
    again = prepare_data(config)
    assert [ex.doc_id for ex in again.train] == [ex.doc_id for ex in data.train]


def test_alignment_note() -> None:
    assert alignment_note("train", {}, []) is None
    note = alignment_note("eval", {"split": 2, "inside": 1}, ["doc 3 at 4-9 PERSON"])
    assert note == "eval: spans not aligned cleanly to subwords: inside 1, split 2; e.g. doc 3 at 4-9 PERSON"


# --- loop bookkeeping -----------------------------------------------------------------------------


def test_latest_checkpoint_orders_by_step_number(tmp_path: Path) -> None:
    assert latest_checkpoint(tmp_path) is None
    for name in ("step-00000009", "step-00000100", "step-00000010", ".tmp-step-00000200", "step-notes"):
        (tmp_path / "checkpoints" / name).mkdir(parents=True)
    assert latest_checkpoint(tmp_path) == tmp_path / "checkpoints" / "step-00000100"


def test_fingerprint_changes_and_refusal() -> None:
    changed = changed_settings({"lr": 1e-3, "seed": 0}, {"lr": 2e-3, "seed": 0, "bf16": True})
    assert changed == ["bf16", "lr"]
    assert "(bf16, lr changed)" in resume_refusal(Path("ck"), changed)


def test_tail_mean_and_state_round_trip() -> None:
    assert tail_mean([]) is None
    assert tail_mean([4.0, 2.0]) == 2.0
    assert tail_mean([float(i) for i in range(100)]) == pytest.approx(sum(range(90, 100)) / 10)
    state = LoopState(step=3, losses=[1.0, 0.5])
    assert LoopState.from_json(json.loads(json.dumps(state.to_json()))) == state


def test_throughput() -> None:
    assert LoopState(samples=30, train_seconds=2.0).samples_per_s == 15.0
    assert LoopState().samples_per_s == 0.0


# --- tokenization ---------------------------------------------------------------------------------


class WordTokenizer:
    """A duck-typed fast tokenizer: one id per whitespace word, ``[CLS] ... [SEP]`` around it."""

    is_fast = True
    CLS, SEP = 1, 2

    def _one(self, text: str, add_special_tokens: bool) -> tuple[list[int], list[tuple[int, int]]]:
        ids, offsets, at = [], [], 0
        for word in text.split():
            start = text.index(word, at)
            at = start + len(word)
            ids.append(10 + len(word))
            offsets.append((start, at))
        if add_special_tokens:
            ids = [self.CLS, *ids, self.SEP]
        return ids, offsets

    def __call__(self, texts: Any, *, add_special_tokens: bool = True, **_: Any) -> dict[str, Any]:
        if isinstance(texts, str):
            return {"input_ids": self._one(texts, add_special_tokens)[0]}
        encoded = [self._one(t, add_special_tokens) for t in texts]
        return {"input_ids": [e[0] for e in encoded], "offset_mapping": [e[1] for e in encoded]}


def test_special_layout_and_windows() -> None:
    layout = SpecialLayout.of(WordTokenizer())
    assert (layout.prefix, layout.suffix, layout.extra) == ((1,), (2,), 2)
    assert layout.wrap(np.array([7, 8])) == [1, 7, 8, 2]
    assert SpecialLayout.find([5, 6], [9, 5, 6]) == SpecialLayout(prefix=(9,), suffix=())
    assert SpecialLayout.find([5, 6], [5, 9, 6]) is None
    assert content_window(32, layout) == 30
    assert default_overlap(30) == 7
    with pytest.raises(ValueError, match="max_length 9 leaves 7 tokens"):
        content_window(9, layout)


def test_tokenize_documents_gives_ids_and_offsets_without_specials() -> None:
    texts = ["Ana  Pop", "", "x"]
    docs = tokenize_documents(WordTokenizer(), texts, chunk=2)
    assert [len(d) for d in docs] == [2, 0, 1]
    assert docs[0].ids.tolist() == [13, 13] and docs[0].offsets.tolist() == [[0, 3], [5, 8]]
    assert docs[1].offsets.shape == (0, 2)


def test_slow_tokenizers_are_refused() -> None:
    class Slow(WordTokenizer):
        is_fast = False

    with pytest.raises(TokenizerError, match="Slow is a slow tokenizer"):
        require_fast(Slow())


def test_shared_modules_import_no_framework() -> None:
    code = (
        "import sys, kp_core.training.data, kp_core.training.state, kp_core.plugins.manifest, kp_core.encoding.tokens\n"
        "loaded = sorted(m for m in ('torch', 'mlx', 'transformers', 'tokenizers', 'gliner') if m in sys.modules)\n"
        "print(','.join(loaded))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
