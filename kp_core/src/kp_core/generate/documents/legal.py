"""Legal genres: contracts, court judgments, EUR-Lex-style acts, GDPR Art. 15 replies, powers of
attorney."""

from __future__ import annotations

from kp_core.generate.compose import Context
from kp_core.generate.documents._sections import letterhead, person_fields, place_date_line, signature_block


def _article_heading(ctx: Context, number: int, style: str) -> None:
    word = {
        "en": "Article",
        "ro": "Art.",
        "it": "Art.",
        "pl": "§",
        "de": "§",
        "fr": "Article",
        "es": "Artículo",
        "pt": "Artigo",
        "nl": "Artikel",
        "sv": "§",
        "da": "§",
        "fi": "§",
        "et": "§",
        "lt": "Straipsnis",
        "lv": "Pants",
        "cs": "Článek",
        "sk": "Článok",
        "sl": "Člen",
        "hr": "Članak",
        "hu": "§",
        "el": "Άρθρο",
        "bg": "Чл.",
    }[ctx.lang]
    shown = ["I", "II", "III", "IV", "V", "VI"][number - 1] if style == "roman" else str(number)
    if style == "numbered":
        ctx.text(f"{number}. ")
    elif "article" in ctx.ph:  # the language's own heading order: "3. pants", "3. §", "Članak 3."
        fmt = ctx.memo("article", lambda: (None, ctx.pick("article")))[1]  # one form per document
        ctx.text(fmt.format(n=shown, a=number) + "\n")
    elif ctx.lang == "fi":  # Finnish writes the number first: "3 §"
        ctx.text(f"{shown} {word}\n")
    else:
        ctx.text(f"{word} {shown}\n")


def contract(ctx: Context) -> None:
    ctx.header("h_contract")
    if ctx.chance(0.6, "cno"):
        ctx.text(ctx.label("case_no") + " ")
        ctx.put("case")
        ctx.text(" / " if ctx.rng.random() < 0.5 else " — ")
        ctx.put("date")
        ctx.text("\n\n")
    order = ["org", "person"] if ctx.rng.random() < 0.6 else ["person", "org"]
    ctx.mark(*order)
    as_kv = ctx.chance(0.3, "partykv")
    for i, party in enumerate(order, 1):
        ctx.text(f"{i}. " if ctx.rng.random() < 0.7 else "")
        if party == "org":
            ctx.sentence("party_org")
            ctx.text(";\n" if i == 1 else ".\n")
        elif as_kv:
            ctx.text("\n")
            ctx.kv(person_fields(ctx, "p", low=3))
        else:
            ctx.sentence("party_person")
            ctx.text(";\n" if i == 1 else ".\n")
    ctx.text("\n")
    style = ctx.rng.choice(("word", "roman", "numbered"))
    clauses = ["contract_object", "contract_pay", "contract_court"]
    if ctx.chance(0.5, "extraobj"):
        clauses.insert(1, "contract_object")
    for n, key in enumerate(clauses, 1):
        _article_heading(ctx, n, style)
        ctx.paragraph([key])
        ctx.blank()
    place_date_line(ctx)
    ctx.text("\n")
    left, right = ("q", "p") if ctx.rng.random() < 0.5 else ("p", "q")
    for who in (left, right):
        if ctx.rng.random() < 0.5:
            ctx.text("_" * 16 + "\n")
        ctx.put(f"{who}.name")
        ctx.text("\n")


def judgment(ctx: Context) -> None:
    if ctx.chance(0.6, "courthead"):
        label, court = ctx.slot("court")
        court_text = ctx.upper(court) if ctx.rng.random() < 0.5 else court
        ctx.b.value(label, court_text[0].upper() + court_text[1:])
        ctx.text("\n")
    ctx.header("h_judgment")
    ctx.paragraph(["judg_intro"])
    ctx.text("\n")
    facts = ["judg_facts"] * ctx.rng.randrange(1, 4)
    ctx.paragraph(facts, sep="\n" if ctx.rng.random() < 0.5 else " ")
    ctx.blank()
    if ctx.chance(0.5, "legalbasis"):
        ctx.text(ctx.rng.choice(("- ", "")))
        ctx.put("statute")
        ctx.text(";\n")
    ctx.paragraph(["judg_ruling"])
    ctx.text("\n")
    ctx.put("r.name")
    ctx.text("\n")
    ctx.put("date")
    ctx.text("\n")


def eu_act(ctx: Context) -> None:
    number = f"{ctx.rng.randrange(2000, 2025)}/{ctx.rng.randrange(1, 2500)}"
    ctx.text(ctx.upper(ctx.pick("h_act")) + f" {number}\n")
    if ctx.chance(0.5, "actbody"):
        ctx.text(ctx.pick("public_bodies") + "\n")
    ctx.text("\n")
    for _ in range(ctx.rng.randrange(1, 4)):
        ctx.sentence("act_recital")
        ctx.text("\n")
    ctx.text("\n")
    style = ctx.rng.choice(("word", "roman"))
    for n in range(1, ctx.rng.randrange(2, 5)):
        _article_heading(ctx, n, style)
        ctx.paragraph(["act_article"])
        ctx.blank()
    ctx.paragraph(["act_done"])
    if ctx.chance(0.5, "actsign"):
        ctx.put("r.name")
        ctx.text("\n")


def gdpr_reply(ctx: Context) -> None:
    letterhead(ctx)
    ctx.put("date")
    ctx.text("\n\n")
    ctx.put("p.name")
    ctx.text("\n")
    ctx.put("p.address")
    ctx.text("\n\n")
    ctx.header("h_gdpr")
    ctx.sentence("greet")
    ctx.text("\n\n")
    ctx.paragraph(["gdpr_body"])
    ctx.text("\n")
    fields = person_fields(ctx, "p", low=3)
    if ctx.rng.random() < 0.5:
        fields.append(("customer", "p.acct"))
    if ctx.rng.random() < 0.4:
        fields.append(("iban", "p.iban"))
    if ctx.rng.random() < 0.3:
        fields.append(("ip", "p.ip"))
    ctx.kv(fields)
    ctx.text("\n")
    ctx.paragraph(["gdpr_data", "gdpr_data"] if ctx.rng.random() < 0.4 else ["gdpr_data"])
    ctx.text("\n")
    signature_block(ctx, "q", with_org=True, with_date=False)


def power_of_attorney(ctx: Context) -> None:
    ctx.header("h_poa")
    ctx.paragraph(["poa_body"])
    ctx.text("\n")
    if ctx.chance(0.5, "poakv"):
        ctx.kv(person_fields(ctx, "q", low=2))
        ctx.text("\n")
    place_date_line(ctx)
    ctx.text("\n" + ctx.label("signature") + ":\n")
    ctx.put("p.name")
    ctx.text("\n")


GENRES = {
    "contract": contract,
    "court_judgment": judgment,
    "eu_act": eu_act,
    "gdpr_access_reply": gdpr_reply,
    "power_of_attorney": power_of_attorney,
}
