"""reidentify(pseudonymize(x)) == x: from the vault's per-document records, whatever the vault
holds; the token fallback for edited texts behaves as documented; cost does not grow with the
vault (no full decryption, no regex of the vault)."""

from __future__ import annotations

import json
import sqlite3
import time
import tracemalloc

import pytest

import kp_core
from kp_core.anonymize.pseudonymizer import Pseudonymizer
from kp_core.anonymize.reidentify import UnrecordedTextError, boundaries, reidentify
from kp_core.anonymize.vault import Vault, source_key
from kp_core.generate.engine import generate_rows, row_to_example

KEY = b"reidentify-test-key-0123456789ab"


def person_spans(text: str, *names: str) -> list[dict]:
    """PERSON spans over every occurrence of each name."""
    spans, seen = [], set()
    for name in names:
        start = text.find(name)
        while start >= 0:
            if start not in seen:
                spans.append({"start": start, "end": start + len(name), "label": "PERSON"})
                seen.add(start)
            start = text.find(name, start + 1)
    return sorted(spans, key=lambda s: s["start"])


def filled_vault(path, pairs: list[tuple[str, str]]) -> None:
    """A vault that already maps ``source → surrogate`` for each pair (claimed directly)."""
    with Vault.open(path, KEY) as vault:
        for source, surrogate in pairs:
            assert vault.claim("NUMBER", source, surrogate)


def round_trip(texts: list[str], spans: list[list[dict]], vault) -> list[str]:
    results = kp_core.pseudonymize(texts, key=KEY, vault=vault, spans=spans, language="ro", country="RO")
    return [r.text for r in results]


def test_lab_range_is_not_taken_for_a_surrogate(tmp_path):
    vault = tmp_path / "v.db"
    filled_vault(vault, [("+40 721 000 145", "145"), ("0135", "135")])
    with_pii = "Pacientul Ion Popescu: Na 135-145 mmol/L, K 4.1 mmol/L."
    without_pii = "Control: Na 135-145 mmol/L."
    texts = [with_pii, without_pii]
    outputs = round_trip(texts, [person_spans(with_pii, "Ion Popescu"), []], vault)
    assert "Ion Popescu" not in outputs[0] and "135-145" in outputs[0]
    assert [kp_core.reidentify(out, vault, KEY) for out in outputs] == texts


def test_short_surrogates_rewrite_nothing_else(tmp_path):
    vault = tmp_path / "v.db"
    filled_vault(vault, [("a", "11"), ("b", "17"), ("c", "Dace"), ("d", "ani"), ("e", "L")])
    text = "Ana Dace, 11 ani, salon 17; Dace a scris 11/17 L. Dacei 1117."
    outputs = round_trip([text], [person_spans(text, "Ana Dace")], vault)
    assert kp_core.reidentify(outputs[0], vault, KEY) == text


def test_casing_of_each_occurrence_comes_back(tmp_path):
    vault = tmp_path / "v.db"
    first = "Ion Popescu a sosit. ION POPESCU, internat. ion popescu (semnat). Ion  POPESCU."
    second = "Externare: Ion Popescu."
    third = "EXTERNARE: ION POPESCU."
    texts = [first, second, third]
    spans = [person_spans(t, "Ion Popescu", "ION POPESCU", "ion popescu", "Ion  POPESCU") for t in texts]
    outputs = round_trip(texts, spans, vault)
    assert not any("popescu" in out.lower() for out in outputs)
    assert [kp_core.reidentify(out, vault, KEY) for out in outputs] == texts
    # A later call (its representative is another casing) restores its own casing too.
    later = "ion popescu, din nou."
    [out] = round_trip([later], [person_spans(later, "ion popescu")], vault)
    assert kp_core.reidentify(out, vault, KEY) == later


def test_an_edited_output_goes_through_the_documented_fallback(tmp_path):
    vault = tmp_path / "v.db"
    filled_vault(vault, [("+40 721 000 145", "145")])
    text = "Ion Popescu: Na 135-145 mmol/L. Semnat ion popescu."
    pseudonymizer = Pseudonymizer(KEY, vault, "ro", "RO")
    try:
        [result] = pseudonymizer.pseudonymize([text], [_spans(text, "Ion Popescu", "ion popescu")])
    finally:
        pseudonymizer.close()
    (s1, e1, _), (s2, e2, _) = result.replacements
    surrogate = result.text[s1:e1]
    assert result.text[s2:e2] == surrogate.lower()
    edited = "Addendum. " + result.text + f" Copy: {surrogate.upper()}. Cut: {surrogate[:-1]}. Inside: x{surrogate}y."
    with Vault.open(vault, KEY, create=False) as store:
        restored = reidentify(store, edited)
        assert not restored.exact and restored.restored == 4
        # Casing follows the edited text: as recorded, lower case, upper case.
        assert restored.text.startswith("Addendum. Ion Popescu: ")
        assert "Semnat ion popescu. Copy: ION POPESCU." in restored.text
        # Documented limit: the fallback cannot tell the lab value from the surrogate "145".
        assert "135-+40 721 000 145" in restored.text
        # A cut surrogate, or one glued inside a longer word, is not a whole-token run.
        assert f"Cut: {surrogate[:-1]}." in restored.text and f"x{surrogate}y" in restored.text
        with pytest.raises(UnrecordedTextError) as refused:
            reidentify(store, edited, fallback=False)
    assert "Popescu" not in str(refused.value) and surrogate not in str(refused.value)
    with pytest.raises(UnrecordedTextError):
        kp_core.reidentify(edited, vault, KEY, fallback=False)
    assert kp_core.reidentify(result.text, vault, KEY, fallback=False) == text


def _spans(text: str, *names: str):
    from kp_core.types import Span

    return [Span(s["start"], s["end"], s["label"]) for s in person_spans(text, *names)]


def test_boundaries_never_split_a_word_or_number():
    text = "Na 135-145, x1145 Ümit"
    starts, ends = boundaries(text)
    assert text.index("145") in starts and text.index("1145") not in starts
    assert text.index("1145") + 1 not in starts  # "145" inside "1145"
    assert text.index("135") + 3 in ends and text.index("135") + 2 not in ends
    assert text.index("Ümit") in starts and len(text) in ends


def test_reidentify_decrypts_only_what_it_restores(tmp_path, monkeypatch):
    vault = tmp_path / "v.db"
    filled_vault(vault, [(f"source {i}", f"S{i:04d}") for i in range(2_000)])
    text = "Ion Popescu, S0007 S0008 și Ion Popescu."
    [out] = round_trip([text], [person_spans(text, "Ion Popescu")], vault)
    decrypted = []
    original = Vault._decrypt

    def counting(self, *args):
        decrypted.append(1)
        return original(self, *args)

    monkeypatch.setattr(Vault, "_decrypt", counting)
    monkeypatch.setattr(Vault, "mapping", lambda self: pytest.fail("the whole vault was decrypted"))
    assert kp_core.reidentify(out, vault, KEY) == text
    assert len(decrypted) == 1  # the document's record
    decrypted.clear()
    assert kp_core.reidentify("Edit: " + out, vault, KEY) == "Edit: " + text.replace("S0007", "source 7").replace(
        "S0008", "source 8"
    )
    assert len(decrypted) == 3  # the three distinct surrogates found, nothing else


def test_a_vault_written_before_document_records_still_opens_and_reidentifies(tmp_path):
    vault = tmp_path / "old.db"
    text = "Ion Popescu, 11 ani."
    [out] = round_trip([text], [person_spans(text, "Ion Popescu")], vault)
    # Strip what this version adds: what an older version's file looks like.
    with sqlite3.connect(vault) as db:
        db.execute("DROP TABLE documents")
        db.execute("DELETE FROM meta WHERE name = 'surrogate_chars'")
    db.close()
    assert kp_core.reidentify(out, vault, KEY) == text  # the fallback, its longest surrogate computed once
    with sqlite3.connect(vault) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        longest = db.execute("SELECT value FROM meta WHERE name = 'surrogate_chars'").fetchone()
    db.close()
    assert "documents" in tables and longest is not None and longest[0] >= len(out.split(",")[0].replace(" ", ""))
    assert kp_core.pseudonymize(text, key=KEY, vault=vault, spans=[person_spans(text, "Ion Popescu")]).text == out
    assert kp_core.reidentify(out, vault, KEY, fallback=False) == text  # recorded now


def test_bulk_pseudonymize_with_a_vault_records_every_document(tmp_path):
    from click.testing import CliRunner

    from kp_core.cli import build_cli

    docs = [row_to_example(row) for row in generate_rows(["ro", "de", "lv"], None, 60, seed=9)]
    source, out, vault, key_file = (tmp_path / n for n in ("in.jsonl", "out.jsonl", "v.db", "key"))
    key_file.write_bytes(KEY)
    cheap = {"PERSON", "PROVIDER", "DATE", "ADDRESS", "EMAIL", "ORG_PARTY", "FACILITY", "COURT"}
    rows = [
        {
            "text": d.text,
            "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in d.spans if s.label in cheap],
        }
        for d in docs
    ] + [{"text": "Na 135-145 mmol/L, 11 ani.", "spans": []}]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    args = ["deidentify", "--method", "pseudonymize", "--spans-field", "spans", "--vault", str(vault)]
    args += ["--key-file", str(key_file), "--batch-size", "16", "--no-progress", "--input", str(source)]
    result = CliRunner().invoke(build_cli(), [*args, "--output", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    outputs = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sum(o != r["text"] for o, r in zip(outputs, rows, strict=True)) >= 55  # pseudonymized
    assert [kp_core.reidentify(o, vault, KEY, fallback=False) for o in outputs] == [r["text"] for r in rows]


# -- volume: 10,000 generated documents against a vault of more than 100,000 entries -------------

N_DOCS = 10_000
N_FILLER = 100_000
LANGUAGES = ["ro", "pl", "de", "it", "fr", "sv", "cs", "lv"]


def _text_tokens(docs) -> list[str]:
    """Every whitespace token outside the PII spans: the vault's filler surrogates, so that any
    re-identification that matched text against the vault would rewrite ordinary words."""
    tokens: set[str] = set()
    for doc in docs:
        cursor = 0
        for span in doc.spans:
            tokens.update(doc.text[cursor : span.start].split())
            cursor = span.end
        tokens.update(doc.text[cursor:].split())
    return sorted(tokens)


def test_reidentify_is_exact_on_10000_documents_against_a_large_vault(tmp_path):
    started = time.perf_counter()
    docs = [row_to_example(row) for row in generate_rows(LANGUAGES, None, N_DOCS, seed=2024)]

    path = tmp_path / "large.db"
    # Every word of the corpus and every number below 100,000 (as far as they fit) is a surrogate.
    fillers = {source_key(s): s for s in [*_text_tokens(docs), *map(str, range(N_FILLER))]}
    with Vault.open(path, KEY) as vault:
        for i, surrogate in enumerate(list(fillers.values())[:N_FILLER]):
            assert vault.claim("FILLER", f"filler {i}", surrogate)
        vault.commit()

    pseudonymizer = Pseudonymizer(KEY, path)
    outputs: list[str] = []
    try:
        for start in range(0, N_DOCS, 500):
            batch = docs[start : start + 500]
            outputs += [r.text for r in pseudonymizer.pseudonymize([d.text for d in batch], [d.spans for d in batch])]
    finally:
        pseudonymizer.close()
    prepared = time.perf_counter()

    with Vault.open(path, KEY, create=False) as vault:
        entries = len(vault)
        assert entries >= N_FILLER + 10_000
        call_started = time.perf_counter()
        restored = [reidentify(vault, out) for out in outputs]
        per_call = (time.perf_counter() - call_started) / N_DOCS
        exact = sum(r.text == d.text for r, d in zip(restored, docs, strict=True))
        assert all(r.exact for r in restored)
        assert exact == N_DOCS
        tracemalloc.start()
        for out in outputs[:200]:
            reidentify(vault, out)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        edited = [f"Addendum. {out}" for out in outputs[:200]]
        fallback_started = time.perf_counter()
        fallback = [reidentify(vault, text) for text in edited]
        fallback_per_call = (time.perf_counter() - fallback_started) / len(edited)
        fallback_exact = sum(r.text == f"Addendum. {d.text}" for r, d in zip(fallback, docs[:200], strict=True))
    sdk_started = time.perf_counter()
    for out, doc in zip(outputs[:100], docs[:100], strict=True):
        assert kp_core.reidentify(out, path, KEY) == doc.text
    sdk_per_call = (time.perf_counter() - sdk_started) / 100
    print(
        f"\n{N_DOCS} documents, vault of {entries} entries: exact {exact}/{N_DOCS}; "
        f"reidentify {per_call * 1e6:.0f} us/call, peak {peak / 1024:.0f} KiB traced over 200 calls; "
        f"kp_core.reidentify (opens the vault) {sdk_per_call * 1e3:.1f} ms/call; "
        f"fallback on edited texts {fallback_per_call * 1e3:.1f} ms/call, {fallback_exact}/200 exact "
        f"(every word of the corpus is a surrogate here); prepared in {prepared - started:.1f} s, "
        f"total {time.perf_counter() - started:.1f} s"
    )
