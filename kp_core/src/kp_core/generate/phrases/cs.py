"""Czech document vocabulary.

Czech inflects names, so every slot sits where the nominative is correct: a subject, an
apposition after a colon or comma, a parenthesis ("žalobkyni ({p.name})"). Greetings carry no
name except the automated "Dobrý den, Jan Novák," of system e-mails (a vocative cannot be
derived). Counted nouns follow "do"/"po dobu" (genitive plural for every number).
"""

PHRASES = {
    "name": ["Jméno a příjmení", "Příjmení a jméno", "Jméno", "Titul, jméno, příjmení"],
    "patient": ["Pacient", "Jméno pacienta", "Pacient/ka", "Příjmení a jméno pacienta"],
    "dob": ["Datum narození", "Nar.", "Narozen(a)"],
    "address": ["Adresa", "Trvalé bydliště", "Bydliště", "Kontaktní adresa", "Adresa trvalého pobytu"],
    "phone": ["Telefon", "Tel.", "Mobil", "Tel. číslo"],
    "email": ["E-mail", "Email", "E-mailová adresa"],
    "nid": ["Rodné číslo", "RČ", "R. č.", "Číslo pojištěnce"],
    "iban": ["Číslo účtu (IBAN)", "IBAN", "Bankovní spojení"],
    "customer": ["Zákaznické číslo", "Číslo zákazníka", "Klientské číslo", "Číslo smlouvy"],
    "username": ["Uživatelské jméno", "Login", "Přihlašovací jméno"],
    "password": ["Heslo", "Dočasné heslo", "PIN"],
    "date": ["Datum", "Dne", "Datum vystavení"],
    "mrn": ["Číslo chorobopisu", "Č. chorobopisu", "Číslo zdravotnické dokumentace"],
    "diagnosis": ["Diagnóza", "Hlavní diagnóza", "Dg.", "Diagnóza při propuštění"],
    "medication": ["Medikace", "Doporučená medikace", "Terapie při propuštění"],
    "doctor": ["Ošetřující lékař", "Propouštějící lékař", "Primář", "Vypracoval"],
    "hospital": ["Nemocnice", "Zdravotnické zařízení", "Pracoviště"],
    "company_id": ["IČO", "IČ", "Identifikační číslo"],
    "case_no": ["Č. j.", "Spis. zn.", "Naše značka", "Číslo jednací"],
    "subject": ["Věc", "Předmět"],
    "website": ["Web", "Webové stránky", "www"],
    "signature": ["Podpis", "Podpis žadatele", "Vlastnoruční podpis"],
    "place": ["Místo narození", "Obec narození"],
    "total": ["Celkem k úhradě", "Celkem", "K úhradě"],
    "card": ["Číslo karty", "Platební karta", "Karta č."],
    "ip": ["IP adresa", "IP", "Poslední přihlášení z"],
    "h_discharge": ["Propouštěcí zpráva", "Lékařská zpráva při propuštění", "Epikríza", "Zpráva o hospitalizaci"],
    "h_referral": [
        "Žádanka o vyšetření",
        "Doporučení ke konziliárnímu vyšetření",
        "Poukaz na vyšetření/ošetření",
        "Doporučení k přijetí",
    ],
    "h_lab": ["Výsledky laboratorního vyšetření", "Laboratorní nález", "Biochemie a hematologie"],
    "h_contract": [
        "Smlouva o poskytování služeb",
        "Nájemní smlouva",
        "Pracovní smlouva",
        "Smlouva o dílo",
        "Kupní smlouva",
    ],
    "h_judgment": ["Rozsudek", "Usnesení", "Rozsudek jménem republiky"],
    "h_act": ["Rozhodnutí", "Opatření obecné povahy", "Nařízení", "Vyhláška"],
    "h_gdpr": [
        "Odpověď na žádost o přístup k osobním údajům",
        "Vyřízení žádosti podle čl. 15 GDPR",
        "Informace o zpracování osobních údajů",
    ],
    "h_poa": ["Plná moc", "Generální plná moc", "Zmocnění"],
    "h_declaration": ["Čestné prohlášení", "Prohlášení", "Čestné prohlášení o bezdlužnosti"],
    "h_form": ["Žádost", "Přihláška", "Žádost o změnu údajů", "Formulář"],
    "h_invoice": ["Faktura", "Faktura – daňový doklad", "Zálohová faktura", "Příjmový doklad"],
    "h_cv": ["Životopis", "Curriculum vitae", "Strukturovaný životopis"],
    "h_ticket": ["Požadavek na podporu", "Hlášení incidentu", "Reklamace", "Servisní požadavek"],
    "h_experience": ["Pracovní zkušenosti", "Praxe", "Profesní zkušenosti"],
    "h_education": ["Vzdělání", "Vzdělání a kurzy"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": ["Vážená paní kolegyně, vážený pane kolego,", "Milí kolegové,"],
    "greet": [
        "Dobrý den,",
        "Vážená paní, vážený pane,",
        "Vážen<<ý pane|á paní>>,",
        "Dobrý den, {p.name},",
        "Vážen<<ý kliente|á klientko>>,",
    ],
    "closing": ["S pozdravem", "S pozdravem,", "S úctou", "Děkuji a zdravím", "Hezký den"],
    "admit": [
        "{p.name} byl<<|a>> přijat<<|a>> dne {date2} s dg. {cond}.",
        "Pacient<<|ka>> se dostavil<<|a>> dne {date2} pro obtíže, vstupní dg.: {cond}.",
        "Dne {date2} přijat<<|a>> na {ward} k hospitalizaci pro dg. {cond}, v anamnéze {cond2}.",
        "Přijetí {date2}, hlavní dg.: {cond}; vedlejší dg.: {cond2}.",
    ],
    "therapy": [
        "Nasazena terapie: {med}, pokračovat po dobu {n} dnů.",
        "Propouští se s medikací: {med}.",
        "Doporučeno: {med} 2× denně, kontrola v intervalu {n} týdnů.",
        "Pacient<<|ka>> nadále užívá {med}.",
    ],
    "followup": [
        "Další kontrola – {dr.title} {dr.name}, {fac}, do {n} dnů.",
        "Kontrolní vyšetření zajistí {fac} do {n} dnů.",
        "V případě dotazů kontaktujte ošetřujícího lékaře ({dr.title} {dr.name}) na tel. {org.phone}.",
        "Doporučena kontrola v ambulanci, kterou vede {dr.title} {dr.name}, do {n} dnů.",
    ],
    "refer": [
        "Pacient<<|ka>> {p.name}, nar. {p.dob}, odeslán<<|a>> ke konziliárnímu vyšetření pro dg. {cond}.",
        "Obtíže trvají od {date2}, dg.: {cond}.",
        "{p.first} t. č. užívá {med}.",
        "Prosím o vyšetření a doporučení další léčby, pracovní dg.: {cond}.",
    ],
    "lab_note": [
        "Výsledky ověřeny: {dr.title} {dr.name}, {date}.",
        "Odběr proveden dne {date2}.",
        "Hodnoty mimo referenční meze jsou označeny *.",
        "Vydáno {date}, laboratoř: {fac}.",
    ],
    "party_org": [
        "{org.name}, se sídlem {org.address}, IČO {org.cid}, za kterou jedná {q.name}, jednatel (dále jen „poskytovatel“)",
        "{org.name}, {org.address}, IČO: {org.cid}, bankovní spojení {org.iban} (dále jen „dodavatel“)",
        "obchodní společnost {org.name}, sídlo: {org.address}, IČO {org.cid}",
    ],
    "party_person": [
        "{p.name}, nar. {p.dob}, trvale bytem {p.address}, r. č. {p.nid} (dále jen „objednatel“)",
        "{p.hon} {p.name}, bydliště: {p.address}, tel. {p.phone}, e-mail {p.email}",
        "{p.name}, rodné číslo {p.nid}, bytem {p.address}, č. ú. {p.iban}",
    ],
    "contract_object": [
        "Poskytovatel se zavazuje poskytovat služby specifikované v příloze č. {n} této smlouvy.",
        "Smlouva se uzavírá na dobu {n} měsíců ode dne {date2}.",
        "Měsíční odměna činí {amount} Kč včetně DPH.",
        "Dílo bude předáno nejpozději do {date2}.",
    ],
    "contract_pay": [
        "Úhrada bude provedena bezhotovostně na účet {org.iban} do {n} dnů ode dne doručení faktury.",
        "Objednatel souhlasí s inkasem z účtu {p.iban}.",
        "Nájemné je splatné vždy k 15. dni kalendářního měsíce na účet {org.iban}.",
    ],
    "contract_court": [
        "Případné spory rozhoduje {court}.",
        "Práva a povinnosti touto smlouvou neupravené se řídí ustanovením {statute}.",
        "Smluvní strany se dohodly, že místně příslušným soudem je {court}.",
    ],
    "signed": [
        "{city} dne {date}",
        "{city}, {date}",
        "Vyhotoveno dne {date} ve dvou stejnopisech.",
        "Místo a datum podpisu: {city}, {date}",
    ],
    "judg_intro": [
        "{court} rozhodl v právní věci sp. zn. {case} dne {date} takto:",
        "Sp. zn. {case} – {court}, předseda senátu: {r.name}, rozhodl dne {date} takto:",
        "{court} projednal dne {date} věc vedenou pod sp. zn. {case}; samosoudce: {r.name}.",
    ],
    "judg_facts": [
        "Žalob<<ce|kyně>> {p.name}, nar. {p.dob}, bytem {p.address}, podal<<|a>> žalobu dne {date2}.",
        "Dne {date2} žalovaná {org.name} vypověděla smlouvu s odkazem na {statute}.",
        "Žalob<<ce|kyni>> zastupoval advokát {q.name}.",
        "Rodné číslo žalob<<ce|kyně>>: {p.nid}.",
    ],
    "judg_ruling": [
        "Žaloba se zamítá a žalob<<ce je povinen|kyně je povinna>> nahradit žalované náklady řízení.",
        "Žalovaná {org.name} je povinna zaplatit žalob<<ci|kyni>> ({p.name}) částku {amount} Kč do {n} dnů od právní moci rozsudku.",
        "Rozsudek ze dne {date3} se zrušuje.",
    ],
    "act_recital": [
        "Podle {statute},",
        "Na základě žádosti, kterou dne {date2} podal<<|a>> {p.name},",
        "Vzhledem k tomu, že jsou splněny podmínky stanovené v {statute},",
    ],
    "act_article": [
        "Povolení se uděluje: {p.name}, nar. {p.dob}, r. č. {p.nid}.",
        "Společnosti {org.name}, IČO {org.cid}, se ukládá pokuta ve výši {amount} Kč.",
        "Rozhodnutí se doručuje: {p.name}, {p.address}.",
    ],
    "act_done": ["{city} dne {date}", "Toto rozhodnutí nabývá účinnosti dnem {date}.", "Vydáno: {city}, {date}"],
    "gdpr_body": [
        "V návaznosti na Vaši žádost ze dne {date2} Vám zasíláme kopii osobních údajů, které o Vás zpracováváme.",
        "V souladu s {statute} potvrzujeme, že zpracováváme níže uvedené údaje.",
        "Vaši žádost jsme obdrželi dne {date2} a vyřizujeme ji ve lhůtě jednoho měsíce.",
    ],
    "gdpr_data": [
        "Údaje byly dohledány podle zákaznického čísla {p.acct}.",
        "Své údaje můžete zkontrolovat také na {org.url}.",
        "S dotazy se můžete obrátit na pověřence pro ochranu osobních údajů: {org.email}.",
        "Nejste-li s vyřízením spokojen<<|a>>, můžete podat stížnost u Úřadu pro ochranu osobních údajů.",
    ],
    "poa_body": [
        "Já, níže podepsan<<ý|á>> {p.name}, nar. {p.dob}, r. č. {p.nid}, bytem {p.address}, zmocňuji tímto "
        "zmocněnce: {q.name}, nar. {q.dob}, k zastupování ve všech úkonech (orgán: {body}).",
        "Zmocněnec je oprávněn jednat i v řízení, které vede {court}.",
        "Tuto plnou moc uděluji do {date} a zmocněnec ji v plném rozsahu přijímá.",
    ],
    "decl_body": [
        "Já, níže podepsan<<ý|á>> {p.name}, nar. {p.dob}, místo narození {p.birthplace}, trvale bytem {p.address}, "
        "čestně prohlašuji, že všechny uvedené údaje jsou pravdivé.",
        "Jsem si vědom<<|a>> právních následků nepravdivého prohlášení podle {statute}.",
        "Prohlašuji, že nemám žádné daňové nedoplatky (správce daně: {body}).",
    ],
    "letter_body": [
        "Sdělujeme Vám, že Vaše žádost ze dne {date2} byla zaevidována pod č. j. {case}.",
        "Vaši věc vyřizuje {q.name}.",
        "Žádáme Vás o doplnění chybějících dokladů do {n} dnů od doručení tohoto dopisu.",
        "Proti tomuto rozhodnutí se lze odvolat do 15 dnů ode dne jeho doručení.",
    ],
    "letter_contact": [
        "V případě dotazů nás kontaktujte na tel. {org.phone} nebo e-mailem na {org.email}.",
        "Úřední hodiny: Po a St 8:00–17:00, Út a Čt 8:00–14:00.",
        "Podání lze učinit i datovou schránkou.",
    ],
    "email_body": [
        "Díky za zprávu, jsem k zastižení na čísle {q.phone}.",
        "Podepsanou smlouvu prosím pošlete na {q.email} do {date}.",
        "V příloze posílám podklady (klient: {p.name}); schůzka je domluvená na {date2}.",
        "{p.first} potvrdil<<|a>> termín {date2}, takže to platí.",
    ],
    "chat": [
        "ahoj, tady {p.first}, mám nový číslo {p.phone}",
        "ok, tak se vidíme {date2}",
        "pošleš mi mail? můj je {p.email}",
        "adresa je {p.address}",
        "jasně, dík!",
        "budu tam za 10 minut",
    ],
    "ticket_body": [
        "Zákazník {p.name} (zákaznické číslo {p.acct}) hlásí, že od {date2} nefunguje přihlášení.",
        "Uživatel {p.user} si nemůže obnovit heslo; poslední přihlášení z IP {p.ip}.",
        "Platba kartou {p.card} byla dvakrát zamítnuta.",
    ],
    "ticket_secret": [
        "Nastavili jsme dočasné heslo {p.pwd}, po přihlášení ho prosím změňte.",
        "Prosím nevkládejte API klíč {apikey} do tiketů.",
        "Nový token: {apikey}",
    ],
    "invoice_pay": [
        "Splatnost {n} dnů, číslo účtu {org.iban}.",
        "Variabilní symbol: {ref}.",
        "Dotazy k faktuře: {org.email}",
        "Dodavatel je zapsán v obchodním rejstříku.",
    ],
    "hospital_fmts": [
        "Fakultní nemocnice {city}",
        "Krajská nemocnice {city}",
        "Nemocnice {city}",
        "Městská nemocnice {city}",
        "Všeobecná fakultní nemocnice v Praze",
        "Nemocnice Na Homolce",
        "Thomayerova nemocnice",
    ],
    "court_fmts": [
        "Okresní soud v Kladně",
        "Okresní soud v Liberci",
        "Okresní soud v Jihlavě",
        "Okresní soud v Pardubicích",
        "Okresní soud ve Zlíně",
        "Okresní soud Plzeň-město",
        "Obvodní soud pro Prahu {n2}",
        "Městský soud v Praze",
        "Městský soud v Brně",
        "Krajský soud v Brně",
        "Krajský soud v Ostravě",
        "Krajský soud v Hradci Králové",
        "Vrchní soud v Olomouci",
        "Nejvyšší soud",
        "Nejvyšší správní soud",
    ],
    "statute_fmts": [
        "§ {n} zákona č. 89/2012 Sb.",
        "§ {n} odst. {n2} občanského zákoníku",
        "§ {n} zákoníku práce",
        "čl. {n2} odst. 1 nařízení (EU) 2016/679",
        "čl. 15 GDPR",
        "§ {n} zákona č. 110/2019 Sb.",
        "§ 209 trestního zákoníku",
        "§ {n2} zákona č. 500/2004 Sb., správního řádu",
    ],
    "case_fmts": ["## C ###/{year}", "{n2} Co {n}/{year}", "## T ##/{year}", "MMB/######/{year}", "{n}/{year}"],
    "mrn_fmts": ["{year}/#####", "######", "CH-#######"],
    "conditions": "diabetes mellitus 2. typu, arteriální hypertenze, komunitní pneumonie, asthma bronchiale, CHOPN, "
    "fibrilace síní, chronické onemocnění ledvin, migréna, deprese, sideropenická anémie, chronická gastritida, "
    "hypotyreóza, lumboischiadický syndrom, gonartróza, akutní bronchitida, ischemická choroba srdeční",
    "medications": "Metformin 500 mg, Ramipril 5 mg, Atorvastatin 20 mg, Ventolin inh., Eliquis 5 mg, "
    "Controloc 40 mg, Amoksiklav 1 g, Euthyrox 50 µg, Zoloft 50 mg, Paralen 500 mg",
    "wards": "Interní oddělení, Kardiologické oddělení, Plicní oddělení, Chirurgické oddělení, Ortopedické oddělení, "
    "Neurologické oddělení, Oddělení ARO",
    "lab_tests": "Hemoglobin|g/l|120|170, Leukocyty|10^9/l|4|10, Trombocyty|10^9/l|150|400, Natrium|mmol/l|136|145, "
    "Kalium|mmol/l|3.5|5.1, Kreatinin|umol/l|62|106, CRP|mg/l|0|5, Glukóza|mmol/l|3.9|5.6, TSH|mU/l|0.27|4.2, "
    "Cholesterol|mmol/l|2.9|5",
    "jobs": "účetní, programátor, zdravotní sestra, obchodní manažer, učitelka, projektový manažer, elektrikář, "
    "operátor zákaznické linky, datový analytik, farmaceutka",
    "products": "Poradenské služby, Měsíční předplatné, Kancelářská židle, Toner do tiskárny, Softwarová licence, "
    "Servisní zásah, Doprava",
    "public_bodies": "Finanční úřad pro hlavní město Prahu, Úřad pro ochranu osobních údajů, Česká správa sociálního "
    "zabezpečení, Všeobecná zdravotní pojišťovna, Krajský úřad Jihomoravského kraje, Ministerstvo vnitra, "
    "Živnostenský úřad, Katastrální úřad",
    "org_words": "Vltava, Morava, Sněžka, Šumava, Beskyd, Labe, Praga, Bohemia, Javor, Jizera",
    "org_suffixes": "s.r.o., a.s., spol. s r.o., v.o.s., k.s.",
    "schools": "Univerzita Karlova, Masarykova univerzita, České vysoké učení technické v Praze, "
    "Vysoká škola ekonomická v Praze, Univerzita Palackého v Olomouci",
    "currency": "Kč",
    "mail_headers": ["Od|Komu|Datum", "Odesílatel|Příjemce|Odesláno"],
    "article": ["Článek {n}", "Čl. {n}", "{n}."],
}
