"""Legal genres: contracts, court judgments, EUR-Lex-style acts, GDPR Art. 15 replies, powers of
attorney."""

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
from kp_core.generate.phrases._echr import ECHR
from kp_core.generate.phrases._refs import REPORTS


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
            if ctx.chance(0.5, "orgline"):
                org_party_line(ctx, "org", end="")
            else:
                ctx.sentence("party_org")
            ctx.text(";\n" if i == 1 else ".\n")
        elif ctx.chance(0.35, "pline"):
            person_party_line(ctx, "p", end="")
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
    statute_line(ctx, 0.4, "cdstat")
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
    if ctx.chance(0.7, "jcase"):
        case_ref_line(ctx)
        ctx.text("\n")
    ctx.paragraph(["judg_intro"])
    ctx.text("\n")
    if ctx.chance(0.5, "jparties"):
        for line in ctx.rng.sample((0, 1), 2):
            if line:
                org_party_line(ctx, "org")
            else:
                person_party_line(ctx, "p")
        ctx.text("\n")
    facts = ["judg_facts"] * ctx.rng.randrange(1, 4)
    ctx.paragraph(facts, sep="\n" if ctx.rng.random() < 0.5 else " ")
    extra = ECHR.get(ctx.lang)
    if extra and ctx.chance(0.5, "jbodies"):  # public bodies, parties, places as reports name them
        options = extra["facts"]
        index = ctx.rng.randrange(len(options))
        ctx.mark(f"jfacts{index}")
        ctx.say(options[index])
        ctx.text("\n")
    ctx.blank()
    if ctx.chance(0.5, "legalbasis"):
        ctx.text(ctx.rng.choice(("- ", "")))
        ctx.put("statute")
        ctx.text(";\n")
    statute_line(ctx, 0.4, "jdstat")
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
    statute_line(ctx, 0.4, "actdstat")
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
    if ctx.chance(0.7, "gdpraddr"):
        ctx.put("p.address")
        ctx.text("\n")
    ctx.text("\n")
    ctx.header("h_gdpr")
    if ctx.chance(0.6, "gdprcase"):
        case_ref_line(ctx)
        ctx.text("\n")
    ctx.sentence("greet")
    ctx.text("\n\n")
    ctx.paragraph(["gdpr_body"])
    statute_line(ctx, 0.5, "gdprdstat")
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
    if ctx.chance(0.3, "poacase"):
        case_ref_line(ctx)
        ctx.text("\n")
    ctx.paragraph(["poa_body"])
    statute_line(ctx, 0.4, "poadstat")
    ctx.text("\n")
    if ctx.chance(0.5, "poakv"):
        ctx.kv(person_fields(ctx, "q", low=2))
        ctx.text("\n")
    place_date_line(ctx)
    ctx.text("\n" + ctx.label("signature") + ":\n")
    ctx.put("p.name")
    ctx.text("\n")


def court_report(ctx: Context) -> None:
    """A judgment in the style of European court reports: title, application number, numbered
    paragraphs on the procedure, the facts, the law and the operative part; parties are people
    and organisations with their numbers. Languages without report sentences get the national
    judgment with its parties and file number set out."""
    report = REPORTS.get(ctx.lang)
    if report is None:
        if ctx.chance(0.6, "rcase"):
            case_ref_line(ctx)
        org_party_line(ctx, "org")
        person_party_line(ctx, "p")
        ctx.text("\n")
        judgment(ctx)
        return
    extra = ECHR.get(ctx.lang, {})
    # Other countries' names are in Latin script (not el, bg) and given name first (not hu).
    if extra and ctx.lang not in ("el", "bg", "hu"):
        ctx.foreign = 0.5  # applicants, counsel, judges and witnesses from other countries
    if ctx.chance(0.6, "rcourt"):
        label, court = ctx.slot("court")
        ctx.b.value(label, court[0].upper() + court[1:])
        ctx.text("\n\n")
    ctx.render(ctx.rng.choice(report["title"]))
    ctx.text("\n")
    ctx.text("(")
    ctx.put("caseref")
    ctx.text(")\n\n")
    heads = ctx.rng.choice(report["heads"]).split("|")
    numbered = ctx.chance(0.7, "rnum")
    para = 0
    for head, key, low, high in zip(heads, ("proc", "facts", "law", "ruling"), (1, 2, 1, 2), (3, 5, 3, 3), strict=True):
        ctx.text(head + "\n\n")
        options = report[key] + extra.get(key, ())
        picks = sorted(ctx.rng.sample(range(len(options)), min(len(options), ctx.rng.randrange(low, high + 1))))
        ctx.mark(key + ":" + ",".join(map(str, picks)))
        for index in picks:
            para += 1
            if numbered and key != "ruling":
                ctx.text(f"{para}. ")
            elif key == "ruling":
                ctx.text(f"{picks.index(index) + 1}. ")
            ctx.say(options[index])
            ctx.text("\n")
        if key == "proc" and ctx.chance(0.4, "rparties"):
            org_party_line(ctx, "org2")
            person_party_line(ctx, "p")
        ctx.text("\n")
    ctx.put("r.name")
    ctx.text("\n")


GENRES = {
    "court_report": court_report,
    "contract": contract,
    "court_judgment": judgment,
    "eu_act": eu_act,
    "gdpr_access_reply": gdpr_reply,
    "power_of_attorney": power_of_attorney,
}
