"""The synthetic PII corpus generator: validity of every row and value, diversity, determinism."""

from __future__ import annotations

import json
import random
import re
from collections import Counter, defaultdict

import pytest
from click.testing import CliRunner

from kp_core.data.skeleton import skeleton
from kp_core.data.split import template_disjoint_split
from kp_core.data.validate import validate
from kp_core.generate import DOMAINS, GENRES, LANGUAGES, generate_rows, write_dataset
from kp_core.generate.engine import row_to_example
from kp_core.generate.values import Person
from kp_core.identifiers.checksums import iban_is_valid
from kp_core.identifiers.company_id import parse_company_id
from kp_core.identifiers.national_id import is_valid_national_id, parse_national_id, supported_countries
from kp_core.identifiers.national_id.extras import is_valid_extra_national_id
from kp_core.locales import get_locale
from kp_core.taxonomy import entity_names
from kp_core.types import Span

N_ROWS = 20_000
_IBAN_SHAPE = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9 ]{10,}$")
_INITIAL = re.compile(r"^[^\W\d_]\.$")


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return list(generate_rows(LANGUAGES, DOMAINS, N_ROWS, seed=7))


def _spans(row: dict) -> list[Span]:
    return [Span(s["start"], s["end"], s["label"]) for s in row["spans"]]


def test_every_row_passes_validation(rows: list[dict]) -> None:
    report = validate(rows, strict=True, progress=False)
    assert report.rows == N_ROWS
    assert report.ok, [str(p) for p in report.problems[:5]]
    assert report.valid_rows == N_ROWS and report.dropped_spans == 0


def test_rows_cover_every_language_domain_and_genre(rows: list[dict]) -> None:
    pairs = Counter((row["language"], row["domain"]) for row in rows)
    assert set(pairs) == {(lang, dom) for lang in LANGUAGES for dom in DOMAINS}
    assert min(pairs.values()) >= N_ROWS // (len(LANGUAGES) * len(DOMAINS)) - 1
    genres = defaultdict(set)
    for row in rows:
        genres[row["language"]].add((row["domain"], row["genre"]))
    every = {(dom, genre) for dom in DOMAINS for genre in GENRES[dom]}
    for lang in LANGUAGES:
        assert genres[lang] == every, (lang, every - genres[lang])


def test_every_national_id_iban_and_company_id_is_valid(rows: list[dict]) -> None:
    """National IDs by our validator for the row's country (the 15 harness countries through
    kp_core.identifiers.national_id, the others through kp_core.identifiers.national_id.extras), IBANs by mod-97 and
    of the row's country, company numbers by kp_core.identifiers.company_id."""
    checked: Counter = Counter()
    validated = set(supported_countries())
    for row in rows:
        country = row["country"]
        for span in row["spans"]:
            value = row["text"][span["start"] : span["end"]]
            where = (row["doc_id"], span["start"], span["label"])
            if span["label"] == "NATIONAL_ID":
                if country in validated:
                    assert is_valid_national_id(value, country), where
                    checked["nid:harness"] += 1
                else:
                    assert is_valid_extra_national_id(value, country), where
                    checked["nid:extra"] += 1
                checked["nid:" + country] += 1
            elif span["label"] == "ACCOUNT_ID" and _IBAN_SHAPE.match(value):
                assert iban_is_valid(value) and value.startswith(country), where
                checked["iban:" + country] += 1
            elif span["label"] == "COMPANY_ID":
                assert parse_company_id(value, country) is not None, where
                checked["cid"] += 1
    countries = {get_locale(lang).country for lang in LANGUAGES}
    assert checked["nid:harness"] > 1000 and checked["nid:extra"] > 500 and checked["cid"] > 1000
    for country in countries:
        assert checked["nid:" + country] > 50 and checked["iban:" + country] > 20, country


def test_spans_follow_the_annotation_conventions(rows: list[dict]) -> None:
    honorifics = {h for lang in LANGUAGES for s in "MF" for h in get_locale(lang).honorifics[s]}
    for row in rows[:5000]:
        text = row["text"]
        for span in row["spans"]:
            value = text[span["start"] : span["end"]]
            assert value == value.strip(), (row["doc_id"], span["start"])
            assert value[-1] not in ",;:", (row["doc_id"], span["start"])
            first = value.split()[0]
            # An initial ("M. Novák") has the shape of some honorifics (French "M."): not checked.
            if span["label"] in ("PERSON", "PROVIDER") and not _INITIAL.match(first):
                assert first not in honorifics, (row["doc_id"], span["start"])


def test_every_kp_type_in_every_language(rows: list[dict]) -> None:
    seen = defaultdict(set)
    for row in rows:
        seen[row["language"]].update(s["label"] for s in row["spans"])
    for lang in LANGUAGES:
        assert seen[lang] == set(entity_names()), (lang, set(entity_names()) - seen[lang])


def test_skeletons_are_diverse(rows: list[dict]) -> None:
    by_lang = defaultdict(set)
    counts = Counter()
    for row in rows:
        by_lang[row["language"]].add(skeleton(row["text"], _spans(row)))
        counts[row["language"]] += 1
    for lang in LANGUAGES:
        assert len(by_lang[lang]) / counts[lang] >= 0.9, lang


def test_template_disjoint_split_shares_no_skeleton(rows: list[dict]) -> None:
    examples = [row_to_example(r) for r in rows[:4000]]
    result = template_disjoint_split(examples, eval_fraction=0.1, seed=0)
    train = {skeleton(e.text, e.spans) for e in result.train}
    held = {skeleton(e.text, e.spans) for e in result.eval}
    assert result.eval and result.train and not train & held


def test_cli_same_seed_same_bytes_other_seed_other_documents(tmp_path) -> None:
    from kp_core.cli import build_cli

    runner = CliRunner()
    paths = {name: tmp_path / f"{name}.jsonl" for name in ("a", "b", "c")}
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        args = ["data", "generate", "--docs", "440", "--seed", str(seed), "--out", str(paths[name])]
        result = runner.invoke(build_cli(), args)
        assert result.exit_code == 0, result.output
    assert paths["a"].read_bytes() == paths["b"].read_bytes()
    texts_a = [json.loads(line)["text"] for line in paths["a"].read_text(encoding="utf-8").splitlines()]
    texts_c = [json.loads(line)["text"] for line in paths["c"].read_text(encoding="utf-8").splitlines()]
    assert len(texts_a) == len(texts_c) == 440
    assert all(x != y for x, y in zip(texts_a, texts_c, strict=True))


def test_same_seed_same_bytes_other_seed_other_documents(tmp_path) -> None:
    a, b, c = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    write_dataset(a, n=300, seed=11)
    write_dataset(b, n=300, seed=11)
    write_dataset(c, n=300, seed=12)
    assert a.read_bytes() == b.read_bytes()
    texts_a = [json.loads(line)["text"] for line in a.read_text(encoding="utf-8").splitlines()]
    texts_c = [json.loads(line)["text"] for line in c.read_text(encoding="utf-8").splitlines()]
    assert sum(x != y for x, y in zip(texts_a, texts_c, strict=True)) == len(texts_a)


def test_document_does_not_depend_on_what_came_before() -> None:
    full = list(generate_rows(n=50, seed=3))
    for index in (0, 17, 49):
        assert next(generate_rows(n=1, seed=3, start=index)) == full[index]


def test_national_id_encodes_the_persons_birth_date_and_sex() -> None:
    for lang in LANGUAGES:
        loc = get_locale(lang)
        if loc.country not in supported_countries():
            continue
        for i in range(50):
            person = Person(loc, random.Random(i))
            parsed = parse_national_id(person.national_id(), loc.country)
            assert parsed is not None
            if parsed.sex is not None:
                assert parsed.sex == person.sex
            if parsed.birth_date is not None and not parsed.century_inferred:
                assert parsed.birth_date == person.birth


def test_europriv_scheme_projects_fine_types() -> None:
    rows = list(generate_rows(n=400, seed=5, label_scheme="europriv"))
    labels = {s["label"] for r in rows for s in r["spans"]}
    assert not labels & {"PROVIDER", "FACILITY", "COURT", "STATUTE_REF"}
    assert {"PERSON", "ORG_PARTY"} <= labels


def test_unknown_language_or_domain_is_an_error() -> None:
    with pytest.raises(ValueError, match="xx"):
        next(generate_rows(["xx"], n=1))
    with pytest.raises(ValueError, match="poetry"):
        next(generate_rows(domains=["poetry"], n=1))


def test_cli_generate_and_split(tmp_path) -> None:
    from kp_core.cli import build_cli

    out = tmp_path / "g.jsonl"
    runner = CliRunner()
    args = ["data", "generate", "--languages", ",".join(LANGUAGES), "--domains", "clinical,general"]
    result = runner.invoke(build_cli(), [*args, "-n", "200", "--seed", "1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 200
    assert validate(out, progress=False).ok
    split = [*args, "-n", "400", "--seed", "1", "--out", str(out), "--split", "--overwrite"]
    result = runner.invoke(build_cli(), split)
    assert result.exit_code == 0, result.output
    # --out is the training file, the eval rows go beside it
    train = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    held = [json.loads(x) for x in (tmp_path / "g.eval.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(train) + len(held) == 400 and held
    train_skeletons = {skeleton(r["text"], _spans(r)) for r in train}
    held_skeletons = {skeleton(r["text"], _spans(r)) for r in held}
    assert held_skeletons and not train_skeletons & held_skeletons
    result = runner.invoke(build_cli(), ["data", "generate", "--languages", "xx", "--out", str(tmp_path / "x.jsonl")])
    assert result.exit_code != 0 and "xx" in result.output


def test_cli_language_and_domain_codes_in_any_case(tmp_path) -> None:
    from kp_core.cli import build_cli

    runner = CliRunner()
    upper = tmp_path / "upper.jsonl"
    lower = tmp_path / "lower.jsonl"
    args = ["data", "generate", "-n", "20", "--seed", "3"]
    first = runner.invoke(build_cli(), [*args, "--languages", "RO,Pl", "--domains", "Legal", "--out", str(upper)])
    second = runner.invoke(build_cli(), [*args, "--languages", "ro,pl", "--domains", "legal", "--out", str(lower)])
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert upper.read_bytes() == lower.read_bytes()
