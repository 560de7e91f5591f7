"""Clinical genres: discharge letters, referrals, lab reports."""

from __future__ import annotations

from functools import cache

from kp_core.generate.compose import Context, lab_tests
from kp_core.generate.documents._sections import clinical_plain, pick_fields, signature_block
from kp_core.generate.phrases import get_phrases
from kp_core.generate.phrases._plain import DX_PLAIN


def _facility_line(ctx: Context) -> None:
    ctx.put("fac")
    if ctx.chance(0.6, "ward"):
        ctx.text(ctx.rng.choice((" — ", " - ", "\n", ", ")))
        ctx.put("ward")
    ctx.text("\n")
    if ctx.chance(0.3, "facaddr"):
        ctx.put("org.address")
        ctx.text("\n")
    if ctx.chance(0.25, "facreg"):  # hospitals' letterheads print their tax or register number
        ctx.put("org.reg")
        ctx.text("\n")
    ctx.text("\n")


def _patient_block(ctx: Context) -> None:
    fields = pick_fields(
        ctx,
        [("patient", "p.name")],
        [("dob", "p.dob"), ("nid", "p.nid"), ("address", "p.address"), ("phone", "p.phone"), ("mrn", "mrn")],
        low=2,
    )
    ctx.kv(fields)
    ctx.blank()


def _plain_diagnosis(ctx: Context) -> None:
    """A diagnosis field whose value names no diagnosis (``Diagnosi: vedi modulo allegato``,
    ``Diagnose: beskrevne symptomatologi``): unlabelled, where a condition stands elsewhere."""
    phrases = DX_PLAIN.get(ctx.lang)
    if not phrases:
        ctx.kv([("diagnosis", "cond")])
        return
    index = ctx.rng.randrange(len(phrases))
    ctx.mark(f"dxplain{index}")
    ctx.text(f"{ctx.label('diagnosis')}: {phrases[index]}\n")


def discharge(ctx: Context) -> None:
    head_first = ctx.chance(0.5, "headfirst")
    if head_first:
        ctx.header("h_discharge")
        _facility_line(ctx)
    else:
        _facility_line(ctx)
        ctx.header("h_discharge")
    _patient_block(ctx)
    sections = ["dx", "story", "therapy"]
    ctx.rng.shuffle(sections[1:])
    ctx.mark(*sections)
    for section in sections:
        if section == "dx":
            if ctx.chance(0.15, "dxplain"):  # the field holds no diagnosis: unlabelled
                _plain_diagnosis(ctx)
            elif ctx.chance(0.6, "dxkv"):
                ctx.kv(
                    [("diagnosis", "cond")]
                    + ([("=" + ctx.pick("diagnosis") + " 2", "cond2")] if ctx.rng.random() < 0.3 else [])
                )
            else:
                ctx.paragraph(["admit"])
        elif section == "story":
            ctx.paragraph(["admit", "followup"] if ctx.rng.random() < 0.5 else ["followup"])
        else:
            if ctx.chance(0.5, "medlist"):
                ctx.text(ctx.label("medication") + ":\n")
                bullet = ctx.rng.choice(("- ", "• ", "* ", "1) "))
                ctx.text(bullet)
                ctx.put("med")
                ctx.text("\n")
            else:
                ctx.paragraph(["therapy"])
        ctx.blank()
    clinical_plain(ctx)
    if ctx.chance(0.4, "idrepeat"):
        ctx.kv([("nid", "p.nid")], layout="colon")
    ctx.kv([("doctor", "{dr.title} {dr.name}"), ("date", "date")])


def referral(ctx: Context) -> None:
    if ctx.chance(0.5, "hdr"):
        ctx.header("h_referral")
    ctx.render("{dr2.title} {dr2.name}\n")
    ctx.put("fac")
    ctx.text("\n\n")
    ctx.put("date")
    ctx.text("\n\n")
    if ctx.chance(0.5, "subj"):
        ctx.text(ctx.label("subject") + ": ")
        ctx.put("p.name")
        ctx.text(", ")
        ctx.put("p.dob")
        ctx.text("\n\n")
    ctx.text(_bare_greeting(ctx) + "\n")
    ctx.text("\n")
    ctx.paragraph(["refer", "therapy"] if ctx.rng.random() < 0.5 else ["refer"])
    if ctx.chance(0.6, "pblock"):
        _patient_block(ctx)
    clinical_plain(ctx)
    ctx.paragraph(["followup"])
    ctx.text("\n")
    signature_block(ctx, "dr", with_date=False)
    if ctx.chance(0.5, "drphone"):
        ctx.kv([("phone", "org.phone"), ("email", "org.email")], layout="inline")


def _bare_greeting(ctx: Context) -> str:
    """A referral is written to a colleague: it opens with the phrasebook's colleague greeting
    (optional key ``greet_colleague``) or a greeting that names nobody ("Sehr geehrte Damen und
    Herren,"); never with a greeting to the patient, nor a salutation cut from a named pattern
    ("Dear", "Kedves") that would dangle."""
    colleague = ctx.ph.get("greet_colleague", ())
    options = colleague if colleague and ctx.chance(0.75, "colleague") else _bare_greetings(ctx.lang)
    if not options:
        raise KeyError(f"{ctx.lang} phrasebook has no greeting without slots")
    index = ctx.rng.randrange(len(options))
    ctx.mark(f"greet{index}")
    return options[index]


@cache
def _bare_greetings(lang: str) -> tuple[str, ...]:
    return tuple(g for g in get_phrases(lang)["greet"] if "{" not in g and "<<" not in g)


def lab_report(ctx: Context) -> None:
    ctx.header("h_lab")
    _facility_line(ctx)
    _patient_block(ctx)
    tests = ctx.rng.sample(lab_tests(ctx.lang), ctx.rng.randrange(3, 8))
    table = ctx.rng.choice(("pipe", "tab", "pad"))
    ctx.mark("lab:" + table + str(len(tests)))
    for name, unit, lo, hi in tests:
        number = round(ctx.rng.uniform(lo * 0.7, hi * 1.3), 1)
        flag = " *" if not lo <= number <= hi else ""
        value = ctx.decimal(number)  # "5,4" where the language writes a decimal comma
        ref = "-".join(ctx.decimal(x, 0 if x == int(x) else 1) for x in (lo, hi))
        if table == "pipe":
            ctx.text(f"| {name} | {value}{flag} | {unit} | {ref} |\n")
        elif table == "tab":
            ctx.text(f"{name}\t{value}{flag}\t{unit}\t({ref})\n")
        else:
            ctx.text(f"{name:<22}{value + flag:>8} {unit:<10} {ref}\n")
    ctx.blank()
    if ctx.chance(0.5, "labdx"):
        if ctx.rng.random() < 0.2:
            _plain_diagnosis(ctx)
        else:
            ctx.kv([("diagnosis", "cond")])
    clinical_plain(ctx, 0.5)
    ctx.paragraph(["lab_note"])
    ctx.kv([("doctor", "dr.name"), ("date", "date")], layout=ctx.rng.choice(("colon", "inline", "dash")))


GENRES = {"discharge_letter": discharge, "referral": referral, "lab_report": lab_report}
