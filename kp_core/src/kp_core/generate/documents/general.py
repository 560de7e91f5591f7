"""General genres: e-mails, chat messages, support tickets, CVs, invoices."""

from __future__ import annotations

import datetime as dt

from kp_core.generate.compose import Context
from kp_core.generate.documents._sections import letterhead, org_party_line, person_fields


def email(ctx: Context) -> None:
    if ctx.chance(0.7, "headers"):
        sender, to, date = "From", "To", "Date"
        local = ctx.ph.get("mail_headers")  # optional: a mail client's localised field names
        if local and ctx.chance(0.6, "localhdr"):
            sender, to, date = ctx.rng.choice(local).split("|")
        ctx.render(sender + (": {q.name} <{q.email}>\n" if ctx.rng.random() < 0.6 else ": {q.email}\n"))
        ctx.render(to + ": {p.email}\n")
        if ctx.chance(0.4, "hdate"):
            ctx.render(date + ": {date}\n")
        ctx.text(ctx.label("subject") + ": ")
        if ctx.chance(0.3, "subjcase"):
            ctx.put("caseref")
            ctx.text("\n\n")
        else:
            ctx.text(ctx.pick("products") + "\n\n")
    ctx.sentence("greet")
    ctx.text("\n\n")
    body = ["email_body"] * ctx.rng.randrange(1, 4)
    ctx.paragraph(body, sep=ctx.rng.choice((" ", "\n", "\n\n")))
    ctx.text("\n" + ctx.pick("closing") + "\n")
    ctx.put("q.first" if ctx.rng.random() < 0.5 else "q.name")
    ctx.text("\n")
    if ctx.chance(0.5, "sig"):
        ctx.text("--\n")
        if ctx.chance(0.4, "sigreg"):
            org_party_line(ctx, "org")
        else:
            ctx.put("org.name")
            ctx.text("\n")
        ctx.kv([("phone", "org.phone"), ("website", "org.url")], layout=ctx.rng.choice(("colon", "inline", "dash")))


def chat(ctx: Context) -> None:
    names = ("p.first", "q.first")
    stamp = ctx.rng.choice(("[{h:02d}:{m:02d}] ", "{h}:{m:02d} ", ""))
    ctx.mark("chat:" + stamp)
    options = len(ctx.ph["chat"])
    # Each message once (a chat does not repeat a line), in a drawn order; times run forward.
    lines = ctx.rng.sample(range(options), min(options, ctx.rng.randrange(3, 8)))
    clock = ctx.rng.randrange(7 * 60, 21 * 60)
    for i, index in enumerate(lines):
        clock += ctx.rng.randrange(0, 9) if i else 0
        ctx.text(stamp.format(h=clock // 60 % 24, m=clock % 60))
        ctx.put(names[i % 2])
        ctx.text(": ")
        ctx.sentence("chat", index)
        ctx.text("\n")


def ticket(ctx: Context) -> None:
    ctx.header("h_ticket")
    ctx.text("#")
    ctx.put("ref")
    ctx.text("\n")
    ctx.kv(
        [("name", "p.name"), ("email", "p.email")]
        + ([("phone", "p.phone")] if ctx.rng.random() < 0.5 else [])
        + ([("customer", "p.acct")] if ctx.rng.random() < 0.5 else [])
    )
    ctx.text("\n")
    ctx.paragraph(["ticket_body", "ticket_body"] if ctx.rng.random() < 0.5 else ["ticket_body"])
    ctx.paragraph(["ticket_secret"])
    if ctx.chance(0.4, "tkv"):
        ctx.kv([("username", "p.user"), ("password", "p.pwd")], layout=ctx.rng.choice(("colon", "inline", "table")))
    if ctx.chance(0.3, "tcard"):
        ctx.kv([("card", "p.card"), ("ip", "p.ip")], layout="dash")


def cv(ctx: Context) -> None:
    ctx.header("h_cv")
    ctx.put("p.name")
    ctx.text("\n")
    fields = person_fields(ctx, "p", low=3)[1:]
    if ctx.rng.random() < 0.3:
        fields.append(("website", "org2.url"))
    ctx.kv(fields)
    ctx.text("\n")
    ctx.header("h_experience")
    # Jobs most recent first, each period ending before the next one begins.
    end = ctx.date - dt.timedelta(ctx.rng.randrange(0, 120))
    jobs = ctx.rng.randrange(1, 4)
    ctx.mark(f"jobs{jobs}")
    for key in ("org", "org2", "org3")[:jobs]:
        start = end - dt.timedelta(ctx.rng.randrange(180, 2200))
        ctx.b.value("DATE", ctx.fmt_date(start))
        ctx.text(" – ")
        ctx.b.value("DATE", ctx.fmt_date(end))
        ctx.text(": " + ctx.pick("jobs") + ", ")
        ctx.put(f"{key}.name")
        if ctx.rng.random() < 0.5:
            ctx.text(", ")
            ctx.put("city" if key == "org" else f"{key}.city")
        ctx.text("\n")
        end = start - dt.timedelta(ctx.rng.randrange(10, 240))
    ctx.text("\n")
    ctx.header("h_education")
    first = min(ctx.person("p").birth.year + ctx.rng.randrange(18, 21), end.year - 3)
    ctx.text(f"{first} – {first + ctx.rng.randrange(3, 7)}: {ctx.pick('schools')}\n")


def invoice(ctx: Context) -> None:
    letterhead(ctx)
    ctx.header("h_invoice")
    ctx.text(ctx.rng.choice(("No. ", "Nr. ", "# ", "")))
    ctx.put("ref")
    ctx.text("\n")
    if ctx.chance(0.45, "b2b"):  # a company buys: its name, seat and register number
        ctx.kv([("date", "date")] + ([("customer", "p.acct")] if ctx.rng.random() < 0.5 else []))
        org_party_line(ctx, "org2")
    else:
        ctx.kv(
            [("date", "date"), ("name", "p.name"), ("address", "p.address")]
            + ([("customer", "p.acct")] if ctx.rng.random() < 0.5 else [])
        )
    ctx.text("\n")
    for _ in range(ctx.rng.randrange(1, 5)):
        qty = ctx.rng.randrange(1, 12)
        price = ctx.rng.randrange(5, 900)
        ctx.text(f"{ctx.pick('products')}\t")
        ctx.put("code")
        ctx.text(f"\t{qty}\t{ctx.decimal(price, 2)}\t{ctx.decimal(qty * price, 2)}\n")
    ctx.text(ctx.label("total") + ": ")
    ctx.put("amount")
    ctx.text(" " + ctx.ph.get("currency", ("EUR",))[0] + "\n\n")  # optional key: SEK, DKK
    ctx.paragraph(["invoice_pay", "invoice_pay"] if ctx.rng.random() < 0.5 else ["invoice_pay"])
    if ctx.chance(0.4, "orgcid"):
        ctx.kv([("company_id", "org.cid"), ("iban", "org.iban")], layout="inline")


GENRES = {"email": email, "chat": chat, "support_ticket": ticket, "cv": cv, "invoice": invoice}
