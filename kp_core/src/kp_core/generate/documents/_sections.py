"""Sections shared by several genres."""

from __future__ import annotations

from kp_core.generate.compose import Context


def pick_fields(ctx: Context, required: list[tuple[str, str]], optional: list[tuple[str, str]], low: int = 1) -> list:
    """The required fields plus a random subset of the optional ones, in a shuffled order that
    keeps the first required field (the name) first most of the time."""
    chosen = [f for f in optional if ctx.rng.random() < 0.6]
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
            ("address", f"{who}.address"),
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
    lines = [["org.name"], ["org.address"]]
    extras = [
        ["=" + ctx.label("phone") + ": ", "org.phone"],
        ["org.email"],
        ["org.url"],
        ["=" + ctx.label("company_id") + ": ", "org.cid"],
    ]
    if "register_line" in ctx.ph:  # optional: the further register numbers a letterhead prints
        extras.append(["@" + ctx.pick("register_line")])
    lines += [x for x in extras if ctx.rng.random() < 0.5]
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
