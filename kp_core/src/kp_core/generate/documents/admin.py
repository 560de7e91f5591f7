"""Administrative genres: declarations, letters, forms."""

from __future__ import annotations

from kp_core.generate.compose import Context
from kp_core.generate.documents._sections import (
    case_ref_line,
    letterhead,
    org_party_line,
    person_fields,
    person_party_line,
    place_date_line,
    signature_block,
    statute_line,
)


def declaration(ctx: Context) -> None:
    ctx.header("h_declaration")
    if ctx.chance(0.3, "declcase"):
        case_ref_line(ctx)
        ctx.text("\n")
    if ctx.chance(0.4, "declbasis"):
        ctx.text("(")
        ctx.put("statute")
        ctx.text(")\n\n")
    ctx.paragraph(["decl_body"])
    statute_line(ctx, 0.6, "decldstat")
    if ctx.chance(0.3, "declppl"):
        person_party_line(ctx, "p")
    if ctx.chance(0.5, "declkv"):
        ctx.text("\n")
        ctx.kv(person_fields(ctx, "p", low=2)[1:] or [("phone", "p.phone")])
    ctx.text("\n")
    place_date_line(ctx)
    ctx.text(ctx.label("signature") + ": " + "_" * ctx.rng.randrange(8, 20) + "\n")


def letter(ctx: Context) -> None:
    if ctx.chance(0.5, "lh"):
        letterhead(ctx)
    to_first = ctx.chance(0.7, "tofirst")
    if to_first:
        recipient = ctx.rng.randrange(4)
        ctx.mark(f"recipient{recipient}")
        if recipient == 0:
            person_party_line(ctx, "p")
        elif recipient == 1:
            org_party_line(ctx, "org2")
        else:
            ctx.kv([("name", "p.name"), ("address", "p.address")], layout=ctx.rng.choice(("colon", "dash", "tab")))
        ctx.text("\n")
    if ctx.chance(0.5, "caseline"):
        case_ref_line(ctx, with_date=True)
        ctx.text("\n")
    else:
        ctx.text(ctx.label("subject") + ": " + ctx.label("case_no") + " ")
        ctx.put("case")
        ctx.text(" / ")
        ctx.put("date2")
        ctx.text("\n\n")
    ctx.sentence("greet")
    ctx.text(" " if ctx.rng.random() < 0.3 else "\n")
    ctx.paragraph(["letter_body", "letter_body"] if ctx.rng.random() < 0.5 else ["letter_body"])
    ctx.paragraph(["letter_contact"])
    statute_line(ctx, 0.25, "letterdstat")
    ctx.text("\n")
    signature_block(ctx, "q", with_org=True)
    if not to_first:
        ctx.text("\n")
        ctx.put("p.name")
        ctx.text("\n")
        if ctx.chance(0.6, "toaddr"):
            ctx.put("p.address")
            ctx.text("\n")


def form(ctx: Context) -> None:
    ctx.header("h_form")
    ctx.text(ctx.pick("public_bodies") + "\n\n" if ctx.chance(0.5, "formbody") else "")
    if ctx.chance(0.35, "formcase"):
        case_ref_line(ctx)
        ctx.text("\n")
    fields = person_fields(ctx, "p", low=4)
    if ctx.rng.random() < 0.5:
        fields.append(("iban", "p.iban"))
    if ctx.rng.random() < 0.3:
        fields.append(("place", "p.birthplace"))
    ctx.kv(fields, layout=ctx.rng.choice(("colon", "table", "dots", "upper", "numbered", "tab")))
    ctx.text("\n")
    statute_line(ctx, 0.5, "formdstat")
    if ctx.chance(0.4, "boxes"):
        for _ in range(ctx.rng.randrange(1, 4)):
            ctx.text(ctx.rng.choice(("[x] ", "[ ] ", "☐ ", "☒ ")) + ctx.pick("public_bodies") + "\n")
        ctx.text("\n")
    ctx.kv([("date", "date"), ("signature", "p.name")], layout=ctx.rng.choice(("colon", "inline")))


GENRES = {"declaration": declaration, "admin_letter": letter, "form": form}
