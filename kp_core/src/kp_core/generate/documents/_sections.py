"""Sections shared by several genres."""

from __future__ import annotations

from kp_core.generate.compose import Context
from kp_core.generate.phrases._plain import CLINICAL_PLAIN, STATUTE_LINES
from kp_core.generate.phrases._refs import COMPANY_WORDS


def pick_fields(ctx: Context, required: list[tuple[str, str]], optional: list[tuple[str, str]], low: int = 1) -> list:
    """The required fields plus a random subset of the optional ones, in a shuffled order that
    keeps the first required field (the name) first most of the time."""
    # Addresses are the easiest type and were over-represented: a field holding one is drawn
    # less often than the others.
    chosen = [f for f in optional if ctx.rng.random() < (0.35 if f[1].endswith(".address") else 0.6)]
    if len(chosen) < low:
        chosen = ctx.rng.sample(optional, min(low, len(optional)))
    fields = required[1:] + chosen
    ctx.rng.shuffle(fields)
    fields = ([required[0]] + fields) if ctx.rng.random() < 0.8 else fields + [required[0]]
    ctx.mark("fields:" + ",".join(f[1] for f in fields))
    return fields


def person_fields(ctx: Context, who: str = "p", name_label: str = "name", low: int = 2) -> list:
    return pick_fields(
        ctx,
        [(name_label, f"{who}.name")],
        [
            ("dob", f"{who}.dob"),
            ("nid", f"{who}.nid"),
            ("address", f"{who}.address"),  # drawn less often than the others (see pick_fields)
            ("phone", f"{who}.phone"),
            ("email", f"{who}.email"),
        ],
        low,
    )


def signature_block(ctx: Context, who: str, with_org: bool = False, with_date: bool = True) -> None:
    ctx.text(ctx.pick("closing") + "\n" if ctx.chance(0.6, "close") else "")
    if ctx.chance(0.3, "sigline"):
        ctx.text("_" * ctx.rng.randrange(10, 25) + "\n")
    ctx.put(f"{who}.name")
    ctx.text("\n")
    if with_org:
        ctx.put("org.name")
        ctx.text("\n")
    if with_date and ctx.chance(0.6, "sigdate"):
        ctx.put("date")
        ctx.text("\n")


def place_date_line(ctx: Context) -> None:
    ctx.sentence("signed")
    ctx.text("\n")


def letterhead(ctx: Context) -> None:
    """Sender block of an organisation: name, address, contacts, registry number, in varying order."""
    lines = [["org.name"]] + ([["org.address"]] if ctx.chance(0.75, "lhaddr") else [])
    extras = [
        ["=" + ctx.label("phone") + ": ", "org.phone"],
        ["org.email"],
        ["org.url"],
    ]
    lines += [x for x in extras if ctx.rng.random() < 0.5]
    # The register number: most letterheads print one, after its label or register word.
    if ctx.chance(0.8, "lhcid"):
        cid = ["=" + ctx.label("company_id") + ": ", "org.cid"] if ctx.rng.random() < 0.4 else ["org.reg"]
        lines.insert(ctx.rng.randrange(min(2, len(lines)), len(lines) + 1), cid)
    if "register_line" in ctx.ph and ctx.rng.random() < 0.5:  # optional: further register numbers
        lines.append(["@" + ctx.pick("register_line")])
    ctx.mark("lh" + str(len(lines)))
    inline = ctx.chance(0.3, "lhinline")
    for i, line in enumerate(lines):
        if i and inline:
            ctx.text(ctx.rng.choice((" · ", ", ", " | ")))
        for piece in line:
            if piece.startswith("="):
                ctx.text(piece[1:])
            elif piece.startswith("@"):
                ctx.render(piece[1:])
            else:
                ctx.put(piece)
        if not inline:
            ctx.text("\n")
    ctx.text("\n\n" if inline else "\n")


def case_ref_line(ctx: Context, with_date: bool = False) -> None:
    """A subject or reference line naming the file by a bare number: ``Oggetto: pratica n. 482``,
    ``Dnr 2231``, ``Réf. : dossier n° 12 / 3 mars 2021``."""
    shape = ctx.rng.randrange(3)
    ctx.mark(f"caseline{shape}")
    close = ""
    if shape == 0:
        ctx.text(ctx.label("subject") + ": ")
    elif shape == 1:
        opening = ctx.rng.choice(("", "(", "— "))
        close = ")" if opening == "(" else ""
        ctx.text(opening)
    ctx.put("caseref")
    ctx.text(close)
    if with_date and ctx.rng.random() < 0.5:
        ctx.text(ctx.rng.choice((" / ", " – ", ", ")))
        ctx.put("date2")
    ctx.text("\n")


def org_party_line(ctx: Context, key: str = "org", end: str = "\n") -> None:
    """An organisation as a party: ``<name>, <address or city>, <register word> <number>``, at
    times with its VAT number, IBAN or phone number in the same line."""
    ctx.put(f"{key}.name")
    where = ctx.rng.random()
    ctx.mark("opl" + ("a" if where < 0.45 else "c" if where < 0.7 else "-"))
    if where < 0.45:
        ctx.text(", ")
        ctx.put(f"{key}.address")
    elif where < 0.7:
        ctx.text(", ")
        ctx.put(f"{key}.city")
    ctx.text(", ")
    ctx.put(f"{key}.reg")
    second = f"{key}.reg2" if len(COMPANY_WORDS.get(ctx.lang, ())) > 1 else f"{key}.telw"
    extras = list(dict.fromkeys(x for x in (f"{key}.ibanw", f"{key}.telw", second) if ctx.rng.random() < 0.3))
    for slot in extras:
        ctx.text(", ")
        ctx.put(slot)
    ctx.text(end)


def person_party_line(ctx: Context, who: str = "p", end: str = "\n") -> None:
    """A person with their numbers in one line: ``<name>, <national-id word> <id>, tel. <phone>,
    IBAN <iban>`` (the words tell the numbers apart)."""
    ctx.put(f"{who}.name")
    extras = [f"{who}.nidw"] + [x for x in (f"{who}.telw", f"{who}.ibanw", f"{who}.address") if ctx.rng.random() < 0.45]
    ctx.rng.shuffle(extras)
    ctx.mark("ppl" + str(len(extras)))
    for slot in extras:
        ctx.text(", ")
        ctx.put(slot)
    ctx.text(end)


def statute_line(ctx: Context, p: float, tag: str) -> None:
    """With probability ``p``, a sentence citing an act or decree with its full date and number
    (``ai sensi dell'art. 3 del D.P.R. 14 marzo 2003, n. 212``): the citation is one
    STATUTE_REF span, its date never a DATE."""
    lines = STATUTE_LINES.get(ctx.lang)
    if not lines or not ctx.chance(p, tag):
        return
    index = ctx.rng.randrange(len(lines))
    ctx.mark(f"dstat{index}")
    ctx.say(lines[index])
    ctx.text("\n")


def clinical_plain(ctx: Context, p: float = 0.6) -> None:
    """With probability ``p``, one or two clinical sentences whose words stand where a diagnosis
    could (the described symptomatology, findings, the attached form, further examination,
    follow-up) but name none: unlabelled. Some are consent lines citing a dated statute."""
    lines = CLINICAL_PLAIN.get(ctx.lang)
    if not lines or not ctx.chance(p, "cplain"):
        return
    picks = ctx.rng.sample(range(len(lines)), ctx.rng.randrange(1, 3))
    ctx.mark("cplain:" + ",".join(map(str, picks)))
    for i, index in enumerate(picks):
        if i:
            ctx.text(" ")
        ctx.say(lines[index])
    ctx.text("\n")
