"""Slovenian document vocabulary.

Slovenian inflects names and city names, so slots sit where the nominative is correct (subject,
apposition after a colon, parenthesis); courts and hospitals with a locative city are written
out ("Okrajno sodišče v Celju"). Statute references are headed by "člen"/"zakon", whose
accusative equals the nominative. Articles are numbered before the word ("3. člen").
"""

PHRASES = {
    "name": ["Ime in priimek", "Priimek in ime", "Ime"],
    "patient": ["Pacient", "Ime in priimek pacienta", "Bolnik/bolnica", "Pacient(ka)"],
    "dob": ["Datum rojstva", "Roj.", "Rojen(a)"],
    "address": ["Naslov", "Stalno prebivališče", "Naslov bivališča", "Naslov za vročanje"],
    "phone": ["Telefon", "Tel.", "GSM", "Mobilni telefon"],
    "email": ["E-pošta", "E-naslov", "Elektronski naslov", "E-mail"],
    "nid": ["EMŠO", "Enotna matična številka občana"],
    "iban": ["IBAN", "Številka računa", "TRR"],
    "customer": ["Številka stranke", "Št. kupca", "ID stranke"],
    "username": ["Uporabniško ime", "Uporabnik", "Prijavno ime"],
    "password": ["Geslo", "Začasno geslo", "PIN"],
    "date": ["Datum", "Dne", "Datum izdaje"],
    "mrn": ["Številka popisa", "Št. hospitalizacije", "Matična številka bolnika"],
    "diagnosis": ["Diagnoza", "Glavna diagnoza", "Odpustna diagnoza", "Dg."],
    "medication": ["Terapija", "Priporočena terapija", "Zdravila ob odpustu"],
    "doctor": ["Lečeči zdravnik", "Odpustni zdravnik", "Predstojnik oddelka", "Zdravnik specialist"],
    "hospital": ["Bolnišnica", "Zdravstveni zavod", "Ustanova"],
    "company_id": ["Matična številka", "Matična št.", "MŠ"],
    "case_no": ["Številka", "Opr. št.", "Št. zadeve", "Naša številka"],
    "subject": ["Zadeva", "Predmet"],
    "website": ["Spletna stran", "Splet", "www"],
    "signature": ["Podpis", "Lastnoročni podpis", "Podpis vlagatelja"],
    "place": ["Kraj rojstva", "Kraj"],
    "total": ["Skupaj za plačilo", "Skupaj", "Za plačilo"],
    "card": ["Številka kartice", "Kartica", "Plačilna kartica"],
    "ip": ["IP-naslov", "IP", "Zadnja prijava z"],
    "h_discharge": ["Odpustno pismo", "Odpustnica", "Epikriza", "Poročilo o hospitalizaciji"],
    "h_referral": ["Napotnica", "Napotnica za specialistični pregled", "Zahtevek za konzultacijo"],
    "h_lab": ["Laboratorijski izvid", "Izvid laboratorijskih preiskav", "Biokemični izvid"],
    "h_contract": [
        "Pogodba o opravljanju storitev",
        "Najemna pogodba",
        "Pogodba o zaposlitvi",
        "Podjemna pogodba",
        "Prodajna pogodba",
    ],
    "h_judgment": ["Sodba", "Sklep", "Sodba v imenu ljudstva"],
    "h_act": ["Odločba", "Uredba", "Pravilnik", "Sklep"],
    "h_gdpr": [
        "Odgovor na zahtevo za dostop do osebnih podatkov",
        "Seznanitev z lastnimi osebnimi podatki",
        "Informacija o obdelavi osebnih podatkov",
    ],
    "h_poa": ["Pooblastilo", "Splošno pooblastilo", "Posebno pooblastilo"],
    "h_declaration": ["Izjava", "Izjava pod kazensko in materialno odgovornostjo", "Lastna izjava"],
    "h_form": ["Vloga", "Prijavnica", "Vloga za spremembo podatkov", "Obrazec"],
    "h_invoice": ["Račun", "Predračun", "Račun za storitve"],
    "h_cv": ["Življenjepis", "Curriculum vitae", "Europass življenjepis"],
    "h_ticket": ["Zahtevek za podporo", "Prijava napake", "Reklamacija", "Servisni zahtevek"],
    "h_experience": ["Delovne izkušnje", "Izkušnje"],
    "h_education": ["Izobraževanje", "Izobrazba in usposabljanje"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": ["Spoštovani kolega,", "Spoštovani kolegi,"],
    "greet": [
        "Spoštovani,",
        "Spoštovan<<i gospod|a gospa>> {p.last},",
        "Pozdravljeni, {p.name},",
        "Živjo {p.first},",
        "Spoštovana stranka,",
    ],
    "closing": ["Lep pozdrav,", "S spoštovanjem,", "Lepo pozdravljeni,", "Hvala in lep pozdrav,"],
    "admit": [
        "{p.name} je bil<<|a>> sprejet<<|a>> dne {date2} z diagnozo: {cond}.",
        "Pacient<<|ka>> se je zglasil<<|a>> {date2}, sprejemna diagnoza: {cond}.",
        "Dne {date2} sprejet<<|a>> na {ward}, dg. {cond}; v anamnezi {cond2}.",
        "Sprejem {date2}; glavna dg.: {cond}, spremljajoča dg.: {cond2}.",
    ],
    "therapy": [
        "Uvedena terapija: {med}, v trajanju {n} dni.",
        "Ob odpustu prejema: {med}.",
        "Priporočamo: {med} 2-krat dnevno, kontrola v roku {n} tednov.",
        "Pacient<<|ka>> še naprej jemlje {med}.",
    ],
    "followup": [
        "Kontrolni pregled – {dr.title} {dr.name}, {fac}, v roku {n} dni.",
        "Kontrolni pregled: {fac}, v roku {n} dni.",
        "Za dodatna vprašanja pokličite lečečega zdravnika ({dr.title} {dr.name}) na {org.phone}.",
        "Priporočena kontrola v ambulanti, ki jo vodi {dr.title} {dr.name}, v roku {n} tednov.",
    ],
    "refer": [
        "Pacient<<|ka>> {p.name}, roj. {p.dob}, napoten<<|a>> na specialistični pregled, dg.: {cond}.",
        "Težave od {date2}, delovna diagnoza: {cond}.",
        "{p.first} trenutno jemlje {med}.",
        "Prosim za pregled in mnenje glede nadaljnjega zdravljenja, dg.: {cond}.",
    ],
    "lab_note": [
        "Izvid potrjen: {dr.title} {dr.name}, {date}.",
        "Odvzem vzorca: {date2}.",
        "Vrednosti izven referenčnega območja so označene z *.",
        "Izdano {date}, laboratorij: {fac}.",
    ],
    "party_org": [
        "{org.name}, s sedežem {org.address}, matična številka {org.cid}, ki jo zastopa direktor {q.name} "
        "(v nadaljevanju: izvajalec)",
        "{org.name}, {org.address}, matična št.: {org.cid}, TRR {org.iban} (v nadaljevanju: dobavitelj)",
        "družba {org.name}, sedež: {org.address}, MŠ {org.cid}",
    ],
    "party_person": [
        "{p.name}, roj. {p.dob}, stanujoč<<|a>> na naslovu {p.address}, EMŠO {p.nid} (v nadaljevanju: naročnik)",
        "{p.hon} {p.name}, naslov: {p.address}, tel. {p.phone}, e-pošta {p.email}",
        "{p.name}, EMŠO {p.nid}, {p.address}, TRR {p.iban}",
    ],
    "contract_object": [
        "Izvajalec se zavezuje opravljati storitve, opredeljene v Prilogi {n} te pogodbe.",
        "Pogodba se sklepa za obdobje {n} mesecev od {date2} dalje.",
        "Mesečno plačilo znaša {amount} EUR z DDV.",
        "Delo bo predano najpozneje do {date2}.",
    ],
    "contract_pay": [
        "Plačilo se izvede na TRR {org.iban} v roku {n} dni od prejema računa.",
        "Naročnik soglaša z direktno obremenitvijo računa {p.iban}.",
        "Najemnina se plačuje do 15. v mesecu na račun {org.iban}.",
    ],
    "contract_court": [
        "Za reševanje sporov je pristojno {court}.",
        "Za vprašanja, ki jih ta pogodba ne ureja, se uporablja {statute}.",
        "Stranki se dogovorita, da je za spore pristojno {court}.",
    ],
    "signed": [
        "{city}, {date}",
        "Kraj in datum: {city}, {date}",
        "Sestavljeno dne {date} v dveh enakih izvodih.",
        "{city}, dne {date}",
    ],
    "judg_intro": [
        "{court} je v zadevi opr. št. {case} dne {date} razsodilo:",
        "Opr. št. {case} – {court}, sodnik posameznik: {r.name}, dne {date}:",
        "{court} je na naroku dne {date} obravnavalo zadevo opr. št. {case}; predsednik senata: {r.name}.",
    ],
    "judg_facts": [
        "Tož<<nik|nica>> {p.name}, roj. {p.dob}, stanujoč<<|a>> na naslovu {p.address}, je tožbo vložil<<|a>> "
        "dne {date2}.",
        "Dne {date2} je tožena stranka {org.name} odpovedala pogodbo in se sklicevala na {statute}.",
        "Tož<<nika|nico>> je zastopal odvetnik {q.name}.",
        "EMŠO tož<<nika|nice>>: {p.nid}.",
    ],
    "judg_ruling": [
        "Tožbeni zahtevek se zavrne, tož<<nik|nica>> pa mora toženi stranki povrniti pravdne stroške.",
        "Tožena stranka {org.name} je dolžna tož<<niku|nici>> ({p.name}) plačati {amount} EUR v roku {n} dni.",
        "Sodba z dne {date3} se razveljavi.",
    ],
    "act_recital": [
        "Pravna podlaga: {statute};",
        "Na podlagi vloge, ki jo je dne {date2} vložil<<|a>> {p.name},",
        "Glede na to, da so izpolnjeni pogoji, ki jih določa {statute},",
    ],
    "act_article": [
        "Dovoljenje se izda: {p.name}, roj. {p.dob}, EMŠO {p.nid}.",
        "Družbi {org.name}, MŠ {org.cid}, se izreče globa v višini {amount} EUR.",
        "Odločba se vroči: {p.name}, {p.address}.",
    ],
    "act_done": ["{city}, {date}", "Ta odločba začne veljati {date}.", "Izdano: {city}, {date}"],
    "gdpr_body": [
        "Na podlagi vaše zahteve z dne {date2} vam posredujemo kopijo osebnih podatkov, ki jih obdelujemo o vas.",
        "Pravna podlaga za odgovor je {statute}; potrjujemo, da obdelujemo spodaj navedene podatke.",
        "Vašo zahtevo smo prejeli {date2} in jo obravnavamo v roku enega meseca.",
    ],
    "gdpr_data": [
        "Podatke smo poiskali po številki stranke {p.acct}.",
        "Svoje podatke lahko preverite tudi na {org.url}.",
        "Za vprašanja se obrnite na pooblaščeno osebo za varstvo podatkov: {org.email}.",
        "Pritožbo lahko vložite pri Informacijskem pooblaščencu.",
    ],
    "poa_body": [
        "Podpisan<<i|a>> {p.name}, roj. {p.dob}, EMŠO {p.nid}, stanujoč<<|a>> na naslovu {p.address}, pooblaščam: "
        "{q.name}, roj. {q.dob}, da me zastopa v vseh postopkih (organ: {body}).",
        "Pooblaščenec me lahko zastopa tudi v postopku, ki ga vodi {court}.",
        "Pooblastilo velja do {date}.",
    ],
    "decl_body": [
        "Podpisan<<i|a>> {p.name}, roj. {p.dob}, kraj rojstva: {p.birthplace}, stanujoč<<|a>> na naslovu "
        "{p.address}, izjavljam, da so vsi navedeni podatki resnični.",
        "Zavedam se posledic dajanja neresničnih podatkov, kot jih določa {statute}.",
        "Izjavljam, da nimam neporavnanih davčnih obveznosti (organ: {body}).",
    ],
    "letter_body": [
        "Obveščamo vas, da je bila vaša vloga z dne {date2} evidentirana pod št. {case}.",
        "Vašo zadevo obravnava {q.name}.",
        "Prosimo, da manjkajoče dokumente predložite v roku {n} dni od prejema tega dopisa.",
        "Zoper to odločbo je dovoljena pritožba v 15 dneh od vročitve.",
    ],
    "letter_contact": [
        "Za dodatne informacije pokličite {org.phone} ali pišite na {org.email}.",
        "Uradne ure: ponedeljek in sreda 8.00–15.00, petek 8.00–13.00.",
    ],
    "email_body": [
        "Hvala za sporočilo, pokličeš me lahko na {q.phone}.",
        "Podpisano pogodbo prosim pošljite na {q.email} do {date}.",
        "V prilogi pošiljam dokumentacijo (stranka: {p.name}); sestanek je dogovorjen za {date2}.",
        "{p.first} je potrdil<<|a>> termin {date2}.",
    ],
    "chat": [
        "živjo, {p.first} tukaj, imam novo številko {p.phone}",
        "ok, se vidimo {date2}",
        "mi pošlješ mail? moj je {p.email}",
        "naslov je {p.address}",
        "super, hvala!",
        "pridem čez 10 minut",
    ],
    "ticket_body": [
        "Stranka {p.name} (številka stranke {p.acct}) poroča, da prijava ne deluje od {date2}.",
        "Uporabnik {p.user} ne more ponastaviti gesla; zadnja prijava z {p.ip}.",
        "Plačilo s kartico {p.card} je bilo dvakrat zavrnjeno.",
    ],
    "ticket_secret": [
        "Nastavili smo začasno geslo {p.pwd}, prosimo, da ga ob prvi prijavi spremenite.",
        "V zahtevke ne lepite API-ključa {apikey}.",
        "Nov žeton: {apikey}",
    ],
    "invoice_pay": [
        "Rok plačila {n} dni, TRR {org.iban}.",
        "Sklic: {ref}.",
        "Vprašanja glede računa: {org.email}",
    ],
    "hospital_fmts": [
        "Splošna bolnišnica {city}",
        "Zdravstveni dom {city}",
        "Univerzitetni klinični center Ljubljana",
        "Univerzitetni klinični center Maribor",
        "Onkološki inštitut Ljubljana",
        "Bolnišnica Golnik",
    ],
    "court_fmts": [
        "Okrajno sodišče v Ljubljani",
        "Okrajno sodišče v Mariboru",
        "Okrajno sodišče v Celju",
        "Okrajno sodišče v Kranju",
        "Okrožno sodišče v Kopru",
        "Okrožno sodišče v Novem mestu",
        "Višje sodišče v Ljubljani",
        "Višje sodišče v Mariboru",
        "Vrhovno sodišče Republike Slovenije",
        "Upravno sodišče Republike Slovenije",
        "Delovno in socialno sodišče v Ljubljani",
    ],
    "statute_fmts": [
        "{n}. člen Obligacijskega zakonika",
        "{n}. člen Zakona o varstvu osebnih podatkov",
        "{n2}. odstavek {n}. člena ZDR-1",
        "15. člen Splošne uredbe o varstvu podatkov",
        "{n}. člen Zakona o splošnem upravnem postopku",
        "{n}. člen KZ-1",
    ],
    "case_fmts": ["I P {n}/{year}", "II Pg ###/{year}", "IV K ####/{year}", "VIII Ips {n}/{year}", "0###-##/{year}-#"],
    "mrn_fmts": ["{year}-######", "#######", "H-######"],
    "conditions": "sladkorna bolezen tipa 2, arterijska hipertenzija, zunajbolnišnična pljučnica, bronhialna astma, "
    "KOPB, atrijska fibrilacija, kronična ledvična bolezen, migrena, depresija, sideropenična anemija, kronični "
    "gastritis, hipotiroza, lumboishialgija, gonartroza, akutni bronhitis",
    "medications": "metformin 500 mg, ramipril 5 mg, atorvastatin 20 mg, salbutamol pršilo, apiksaban 5 mg, "
    "pantoprazol 40 mg, amoksicilin s klavulansko kislino 1 g, levotiroksin 50 µg, sertralin 50 mg, "
    "paracetamol 500 mg",
    "wards": "Oddelek za interno medicino, Oddelek za kardiologijo, Oddelek za pljučne bolezni, Oddelek za splošno "
    "kirurgijo, Oddelek za ortopedijo, Oddelek za nevrologijo, Oddelek za intenzivno terapijo",
    "lab_tests": "Hemoglobin|g/L|120|170, Levkociti|10^9/L|4|10, Trombociti|10^9/L|150|400, Natrij|mmol/L|135|145, "
    "Kalij|mmol/L|3.5|5.1, Kreatinin|umol/L|44|97, CRP|mg/L|0|5, Glukoza|mmol/L|3.6|6.1, TSH|mE/L|0.4|4, "
    "Holesterol|mmol/L|2.9|5.2",
    "jobs": "računovodkinja, programer, medicinska sestra, vodja prodaje, učiteljica, vodja projektov, električar, "
    "operater v klicnem centru, analitik podatkov, farmacevtka",
    "products": "Svetovalne storitve, Mesečna naročnina, Pisarniški stol, Toner za tiskalnik, Licenca za programsko "
    "opremo, Servisni poseg, Prevoz",
    "public_bodies": "Informacijski pooblaščenec, Finančna uprava Republike Slovenije, Zavod za zdravstveno "
    "zavarovanje Slovenije, Zavod za pokojninsko in invalidsko zavarovanje Slovenije, Upravna enota Ljubljana, "
    "Ministrstvo za notranje zadeve, AJPES",
    "org_words": "Triglav, Sava, Soča, Krka, Pohorje, Karavanke, Alpina, Drava, Kras, Bled",
    "org_suffixes": "d.o.o., d.d., s.p., k.d.",
    "schools": "Univerza v Ljubljani, Univerza v Mariboru, Univerza na Primorskem, Fakulteta za elektrotehniko "
    "Univerze v Ljubljani",
    "mail_headers": ["Od|Za|Datum", "Pošiljatelj|Prejemnik|Poslano"],
    "article": ["{a}. člen"],
}
