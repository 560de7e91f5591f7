"""The whole-document leak rule: no surrogate may put a 4-character window of one of the
document's national IDs into the output, alone or together with the text written around it
(EuroPriv-Bench's redaction_leakage looks for those windows in the whole output document)."""

from __future__ import annotations

from kp_core.anonymize.leaks import squeeze, survives
from kp_core.anonymize.pseudonymizer import Pseudonymizer
from kp_core.generate import generate_rows
from kp_core.identifiers.national_id import parse_national_id
from kp_core.types import Span

KEY = b"document-leak-test-key-0123456789"
CASE = "4711/2019"


def _spans(text: str, *pairs: tuple[str, str]) -> list[Span]:
    return [Span(text.index(value), text.index(value) + len(value), label) for value, label in pairs]


def _alone(text: str, value: str, label: str) -> str:
    """The surrogate ``value`` gets in a document where nothing constrains it but itself."""
    [result] = Pseudonymizer(KEY).pseudonymize([text], [_spans(text, (value, label))])
    return result.surrogates[value]


def _valid_cpr(prefix: str) -> str:
    """A valid Danish CPR number starting with ``prefix`` (date, '-', serial digits)."""
    for last in "0123456789":
        candidate = prefix + last * (11 - len(prefix))
        if parse_national_id(candidate, "DK") is not None:
            return candidate
    raise AssertionError("no valid CPR with that prefix")


def test_a_surrogate_glued_to_the_text_before_it_cannot_complete_a_national_id_window():
    # "B-" stays (outside the span), so the output reads "B-<surrogate>": a CPR whose serial
    # starts with the surrogate's first three digits would survive as "-ddd", a window that is
    # in neither the surrogate alone nor the source.
    lone = f"Sag nr. B-{CASE} afgjort."
    first = _alone(lone, CASE, "CASE_NUMBER")
    cpr = _valid_cpr(f"050385-{first[:3]}")
    if cpr[10] == first[3]:  # keep the CPR's own windows out of the surrogate alone
        cpr = _valid_cpr(f"050385-{first[:3]}{(int(first[3]) + 1) % 10}")
    text = f"Sag nr. B-{CASE} afgjort. CPR-nr. {cpr}."
    assert not any(w in squeeze(first) for w in {squeeze(cpr)[i : i + 4] for i in range(len(squeeze(cpr)) - 3)})
    # The first choice would leak the CPR by the harness's rule once written after "B-" ...
    assert survives(cpr, text.replace(CASE, first).replace(cpr, "0" * len(cpr)))

    [result] = Pseudonymizer(KEY).pseudonymize([text], [_spans(text, (CASE, "CASE_NUMBER"), (cpr, "NATIONAL_ID"))])
    surrogate = result.surrogates[CASE]
    assert surrogate != first  # ... so another candidate was taken,
    assert not survives(cpr, result.text)  # and the whole output holds no window of the CPR
    assert surrogate.count("/") == 1 and surrogate.replace("/", "").isdigit()  # still a case number


def test_a_case_number_surrogate_never_keeps_a_year_that_is_a_window_of_a_national_id():
    lone = f"Mål nr {CASE} avgjort."
    first = _alone(lone, CASE, "CASE_NUMBER")
    year = first[-4:]
    # A Swedish personnummer born in the year the surrogate would carry.
    pnr = next(
        p
        for p in (f"{year}0512{serial:03d}{check}" for serial in range(100) for check in range(10))
        if parse_national_id(p, "SE") is not None
    )
    text = f"Mål nr {CASE} avgjort. Personnummer {pnr}."
    [result] = Pseudonymizer(KEY).pseudonymize([text], [_spans(text, (CASE, "CASE_NUMBER"), (pnr, "NATIONAL_ID"))])
    assert year not in result.surrogates[CASE]
    assert not survives(pnr, result.text)


def test_a_window_in_text_that_is_no_pii_is_left_alone_and_still_counts():
    """The limit, pinned: the rule moves surrogates only. A year written in running text that is
    four digits of an ID stays in the output, and the harness's rule counts it."""
    cpr = next(c for c in (f"12032016{n:02d}" for n in range(100)) if parse_national_id(c, "DK") is not None)
    text = f"I 2016 blev sagen rejst. CPR-nr. {cpr}."
    [result] = Pseudonymizer(KEY).pseudonymize([text], [_spans(text, (cpr, "NATIONAL_ID"))])
    assert result.text.startswith("I 2016 blev sagen rejst.")
    assert not survives(cpr, result.surrogates[cpr])  # the surrogate holds no window of the CPR,
    assert survives(cpr, result.text)  # yet "2016" of the running text is one


def _plain_text(text: str, spans: list[Span]) -> str:
    """The text outside every span, whitespace removed, the gaps cut apart."""
    cuts = sorted((s.start, s.end) for s in spans)
    starts = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(text)]
    return "\x00".join(squeeze(text[a:b]) for a, b in zip(starts, ends, strict=True))


def _windows(text: str) -> set[str]:
    return {text[i : i + 4] for i in range(len(text) - 3)}


def test_generated_documents_leak_national_ids_only_through_text_that_is_no_pii():
    """Over generated legal and clinical documents (gold spans): every national-ID window in an
    output is one the source already had outside every span."""
    rows = list(generate_rows(n=256, seed=5, domains=["legal", "clinical"]))
    pseudonymizer = Pseudonymizer(KEY)
    subjects = 0
    for start in range(0, len(rows), 64):
        batch = rows[start : start + 64]
        spans = [[Span(s["start"], s["end"], s["label"]) for s in r["spans"]] for r in batch]
        results = pseudonymizer.pseudonymize([r["text"] for r in batch], spans)
        for number, (row, doc, result) in enumerate(zip(batch, spans, results, strict=True), start):
            output, plain = _windows(squeeze(result.text)), _plain_text(row["text"], doc)
            for span in doc:
                if span.label != "NATIONAL_ID":
                    continue
                subjects += 1
                found = _windows(squeeze(row["text"][span.start : span.end])) & output
                assert all(w in plain for w in found), f"document {number}: a surrogate wrote a national-ID window"
    assert subjects > 100
