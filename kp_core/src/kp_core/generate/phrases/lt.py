"""Lithuanian document vocabulary.

Lithuanian inflects names, so slots sit where the nominative is correct (subject, apposition
after a colon, parenthesis); courts and hospitals are written out with their genitive city
("Kauno apygardos teismas"). Greetings use no vocative name except the automated "Laba diena,
Jonas Petrauskas," of system mail. Counted periods are abbreviated ("per 14 d.", "po 3 sav.").
"""

PHRASES = {
    "name": ["Vardas, pavardė", "Pavardė, vardas", "Vardas ir pavardė"],
    "patient": ["Pacientas", "Paciento vardas, pavardė", "Pacientas (-ė)"],
    "dob": ["Gimimo data", "Gim. data", "Gimęs (-usi)"],
    "address": ["Adresas", "Gyvenamosios vietos adresas", "Korespondencijos adresas", "Deklaruota gyvenamoji vieta"],
    "phone": ["Telefonas", "Tel.", "Mob. tel.", "Telefono Nr."],
    "email": ["El. paštas", "El. pašto adresas", "E-mail"],
    "nid": ["Asmens kodas", "A. k."],
    "iban": ["Sąskaitos Nr.", "IBAN", "Banko sąskaita"],
    "customer": ["Kliento Nr.", "Kliento kodas", "Sutarties Nr."],
    "username": ["Vartotojo vardas", "Prisijungimo vardas", "Naudotojas"],
    "password": ["Slaptažodis", "Laikinas slaptažodis", "PIN kodas"],
    "date": ["Data", "Išdavimo data", "Sudarymo data"],
    "mrn": ["Ligos istorijos Nr.", "Asmens sveikatos istorijos Nr.", "Ist. Nr."],
    "diagnosis": ["Diagnozė", "Pagrindinė diagnozė", "Galutinė diagnozė", "Dg."],
    "medication": ["Skirtas gydymas", "Rekomenduojami vaistai", "Medikamentai"],
    "doctor": ["Gydantis gydytojas", "Skyriaus vedėjas", "Gydytojas", "Išrašą parengė"],
    "hospital": ["Gydymo įstaiga", "Ligoninė", "Įstaiga"],
    "company_id": ["Įmonės kodas", "Juridinio asmens kodas", "Įm. k."],
    "case_no": ["Nr.", "Bylos Nr.", "Reg. Nr.", "Mūsų Nr."],
    "subject": ["Tema"],
    "website": ["Interneto svetainė", "Svetainė", "www"],
    "signature": ["Parašas", "Pareiškėjo parašas", "Parašas, vardas, pavardė"],
    "place": ["Gimimo vieta", "Vieta"],
    "total": ["Iš viso mokėti", "Iš viso", "Suma su PVM"],
    "card": ["Kortelės Nr.", "Mokėjimo kortelė", "Kortelė"],
    "ip": ["IP adresas", "IP", "Paskutinis prisijungimas iš"],
    "h_discharge": ["Išrašas iš medicinos dokumentų", "Epikrizė", "Stacionaro epikrizė", "Išrašas (forma Nr. 027/a)"],
    "h_referral": ["Siuntimas konsultacijai", "Siuntimas", "Siuntimas gydytojo specialisto konsultacijai"],
    "h_lab": ["Laboratorinių tyrimų rezultatai", "Tyrimų atsakymas", "Biocheminių tyrimų rezultatai"],
    "h_contract": [
        "Paslaugų teikimo sutartis",
        "Nuomos sutartis",
        "Darbo sutartis",
        "Rangos sutartis",
        "Pirkimo–pardavimo sutartis",
    ],
    "h_judgment": ["Sprendimas", "Nutartis", "Sprendimas Lietuvos Respublikos vardu"],
    "h_act": ["Įsakymas", "Nutarimas", "Sprendimas", "Potvarkis"],
    "h_gdpr": [
        "Atsakymas į prašymą susipažinti su asmens duomenimis",
        "Atsakymas į prašymą pagal BDAR 15 straipsnį",
        "Informacija apie asmens duomenų tvarkymą",
    ],
    "h_poa": ["Įgaliojimas", "Generalinis įgaliojimas", "Įgaliojimas atstovauti"],
    "h_declaration": ["Deklaracija", "Pareiškimas", "Sąžiningumo deklaracija", "Patvirtinimas"],
    "h_form": ["Prašymas", "Registracijos forma", "Prašymas pakeisti duomenis", "Anketa"],
    "h_invoice": ["PVM sąskaita faktūra", "Sąskaita faktūra", "Išankstinė sąskaita"],
    "h_cv": ["Gyvenimo aprašymas", "CV", "Curriculum vitae"],
    "h_ticket": ["Pagalbos užklausa", "Gedimo registracija", "Pretenzija", "Aptarnavimo užklausa"],
    "h_experience": ["Darbo patirtis", "Profesinė patirtis"],
    "h_education": ["Išsilavinimas", "Išsilavinimas ir mokymai"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": ["Gerbiamas kolega,", "Gerbiami kolegos,"],
    "greet": ["Laba diena,", "Gerbiam<<as|a>> kliente,", "Laba diena, {p.name},", "Sveiki,", "Sveiki, {p.name},"],
    "closing": ["Pagarbiai,", "Su pagarba,", "Geros dienos,", "Ačiū,"],
    "admit": [
        "{p.name} stacionarizuot<<as|a>> {date2}, diagnozė: {cond}.",
        "Pacient<<as|ė>> kreipėsi {date2}, priėmimo diagnozė: {cond}.",
        "Gydyt<<as|a>> stacionare nuo {date2} ({ward}); dg. {cond}, gretutinė liga: {cond2}.",
        "Hospitalizacija {date2}; pagrindinė dg.: {cond}, gretutinė dg.: {cond2}.",
    ],
    "therapy": [
        "Skirta: {med}, vartoti {n} d.",
        "Išrašant rekomenduota: {med}.",
        "Rekomenduojama: {med} 2 k. per dieną, kontrolė po {n} sav.",
        "Pacient<<as|ė>> toliau vartoja: {med}.",
    ],
    "followup": [
        "Kontrolė – {dr.title} {dr.name}, {fac}, po {n} sav.",
        "Pakartotinė konsultacija: {fac}, per {n} d.",
        "Kilus klausimams, kreiptis į gydantį gydytoją ({dr.title} {dr.name}) tel. {org.phone}.",
        "Rekomenduojama kontrolė ambulatoriškai po {n} d.; gydytojas: {dr.title} {dr.name}.",
    ],
    "refer": [
        "Pacient<<as|ė>> {p.name}, gim. {p.dob}, siunčiam<<as|a>> konsultacijai, dg.: {cond}.",
        "Nusiskundimai nuo {date2}, preliminari diagnozė: {cond}.",
        "{p.first} šiuo metu vartoja: {med}.",
        "Prašau konsultuoti ir rekomenduoti tolesnį gydymą, dg.: {cond}.",
    ],
    "lab_note": [
        "Rezultatus patvirtino: {dr.title} {dr.name}, {date}.",
        "Mėginys paimtas {date2}.",
        "Reikšmės, nepatenkančios į referentines ribas, pažymėtos *.",
        "Išduota {date}, laboratorija: {fac}.",
    ],
    "party_org": [
        "{org.name}, buveinės adresas {org.address}, įmonės kodas {org.cid}, kuriai atstovauja direktorius {q.name} "
        "(toliau – Paslaugų teikėjas)",
        "{org.name}, {org.address}, įm. k. {org.cid}, a. s. {org.iban} (toliau – Tiekėjas)",
        "{org.name} (buveinė: {org.address}, kodas {org.cid})",
    ],
    "party_person": [
        "{p.name}, gim. {p.dob}, gyvenant<<is|i>> adresu {p.address}, asmens kodas {p.nid} (toliau – Užsakovas)",
        "{p.hon} {p.name}, adresas: {p.address}, tel. {p.phone}, el. p. {p.email}",
        "{p.name}, a. k. {p.nid}, {p.address}, sąsk. Nr. {p.iban}",
    ],
    "contract_object": [
        "Paslaugų teikėjas įsipareigoja teikti Sutarties {n} priede nurodytas paslaugas.",
        "Sutartis sudaroma {n} mėn. laikotarpiui nuo {date2}.",
        "Mėnesinis mokestis – {amount} Eur su PVM.",
        "Darbai turi būti atlikti iki {date2}.",
    ],
    "contract_pay": [
        "Mokėjimai atliekami į sąskaitą {org.iban} per {n} d. nuo sąskaitos faktūros gavimo.",
        "Užsakovas sutinka, kad mokestis būtų nurašomas iš sąskaitos {p.iban}.",
        "Nuomos mokestis mokamas iki kiekvieno mėnesio 15 d. į sąskaitą {org.iban}.",
    ],
    "contract_court": [
        "Ginčus nagrinėja {court}.",
        "Sutartyje nenumatytais atvejais taikoma: {statute}.",
        "Šalys susitaria, kad ginčus nagrinės {court}.",
    ],
    "signed": [
        "{city}, {date}",
        "{date}, {city}",
        "Surašyta {date} dviem vienodą teisinę galią turinčiais egzemplioriais.",
        "Vieta ir data: {city}, {date}",
    ],
    "judg_intro": [
        "{court}, išnagrinėjęs civilinę bylą Nr. {case}, {date} priėmė šį sprendimą:",
        "Bylos Nr. {case} – {court}; bylą nagrinėjo: {r.name}; {date}",
        "{court} {date} posėdyje išnagrinėjo bylą Nr. {case}; kolegijos pirmininkas: {r.name}.",
    ],
    "judg_facts": [
        "Ieškov<<as|ė>> {p.name}, gim. {p.dob}, gyvenant<<is|i>> adresu {p.address}, ieškinį pateikė {date2}.",
        "{date2} atsakovė {org.name} nutraukė sutartį, remdamasi: {statute}.",
        "Ieškov<<ui|ei>> atstovavo advokatas {q.name}.",
        "Ieškov<<o|ės>> asmens kodas: {p.nid}.",
    ],
    "judg_ruling": [
        "Ieškinį atmesti ir priteisti iš ieškov<<o|ės>> bylinėjimosi išlaidas.",
        "Priteisti iš atsakovės {org.name} ieškov<<ui|ei>> ({p.name}) {amount} Eur per {n} d.",
        "Panaikinti {date3} nutartį.",
    ],
    "act_recital": [
        "Teisinis pagrindas: {statute};",
        "Išnagrinėjęs prašymą, kurį {date2} pateikė {p.name},",
        "Atsižvelgdamas į tai, kad įvykdytos sąlygos, nustatytos šiame teisės akte: {statute},",
    ],
    "act_article": [
        "Leidimas išduodamas: {p.name}, gim. {p.dob}, a. k. {p.nid}.",
        "Bendrovei {org.name}, įm. k. {org.cid}, skiriama {amount} Eur bauda.",
        "Sprendimas įteikiamas: {p.name}, {p.address}.",
    ],
    "act_done": ["{city}, {date}", "Įsakymas įsigalioja {date}.", "Priimta: {city}, {date}"],
    "gdpr_body": [
        "Atsakydami į Jūsų {date2} prašymą, teikiame Jūsų asmens duomenų, kuriuos tvarkome, kopiją.",
        "Teisinis pagrindas: {statute}; patvirtiname, kad tvarkome toliau nurodytus duomenis.",
        "Jūsų prašymą gavome {date2} ir atsakysime per vieną mėnesį.",
    ],
    "gdpr_data": [
        "Duomenys rasti pagal kliento numerį {p.acct}.",
        "Savo duomenis taip pat galite peržiūrėti adresu {org.url}.",
        "Klausimus siųskite duomenų apsaugos pareigūnui: {org.email}.",
        "Skundą galite pateikti Valstybinei duomenų apsaugos inspekcijai.",
    ],
    "poa_body": [
        "Aš, {p.name}, gim. {p.dob}, a. k. {p.nid}, gyvenant<<is|i>> adresu {p.address}, įgalioju: {q.name}, "
        "gim. {q.dob}, atstovauti man visose institucijose (institucija: {body}).",
        "Įgaliotinis gali atstovauti man ir byloje, kurią nagrinėja {court}.",
        "Įgaliojimas galioja iki {date}.",
    ],
    "decl_body": [
        "Aš, {p.name}, gim. {p.dob}, gimimo vieta: {p.birthplace}, gyvenant<<is|i>> adresu {p.address}, "
        "patvirtinu, kad pateikti duomenys yra teisingi.",
        "Esu informuot<<as|a>> apie atsakomybę už melagingų duomenų pateikimą (teisinis pagrindas: {statute}).",
        "Patvirtinu, kad neturiu mokestinių nepriemokų (institucija: {body}).",
    ],
    "letter_body": [
        "Informuojame, kad Jūsų {date2} prašymas užregistruotas Nr. {case}.",
        "Jūsų klausimą nagrinėja {q.name}.",
        "Prašome trūkstamus dokumentus pateikti per {n} d. nuo šio rašto gavimo.",
        "Šis sprendimas gali būti skundžiamas per vieną mėnesį nuo jo įteikimo dienos.",
    ],
    "letter_contact": [
        "Daugiau informacijos tel. {org.phone} arba el. paštu {org.email}.",
        "Darbo laikas: I–IV 8.00–17.00, V 8.00–15.45.",
    ],
    "email_body": [
        "Ačiū už žinutę, mane rasi tel. {q.phone}.",
        "Pasirašytą sutartį prašau atsiųsti adresu {q.email} iki {date}.",
        "Prisegu dokumentus (klientas: {p.name}); susitikimas numatytas {date2}.",
        "{p.first} patvirtino laiką: {date2}.",
    ],
    "chat": [
        "labas, čia {p.first}, mano naujas numeris {p.phone}",
        "ok, iki {date2}",
        "atsiųsi mailą? mano {p.email}",
        "adresas: {p.address}",
        "gerai, ačiū!",
        "būsiu po 10 min",
    ],
    "ticket_body": [
        "Klient<<as|ė>> {p.name} (kliento Nr. {p.acct}) praneša, kad nuo {date2} neveikia prisijungimas.",
        "Naudotojas {p.user} negali atkurti slaptažodžio; paskutinis prisijungimas iš {p.ip}.",
        "Mokėjimas kortele {p.card} du kartus atmestas.",
    ],
    "ticket_secret": [
        "Nustatytas laikinas slaptažodis {p.pwd}, prašome jį pakeisti prisijungus.",
        "Neįklijuokite API rakto {apikey} į užklausas.",
        "Naujas prieigos raktas: {apikey}",
    ],
    "invoice_pay": [
        "Apmokėti per {n} d., sąskaita {org.iban}.",
        "Mokėjimo paskirtis: {ref}.",
        "Klausimai dėl sąskaitos: {org.email}",
    ],
    "hospital_fmts": [
        "Vilniaus universiteto ligoninės Santaros klinikos",
        "Lietuvos sveikatos mokslų universiteto ligoninė Kauno klinikos",
        "Klaipėdos universitetinė ligoninė",
        "Respublikinė Šiaulių ligoninė",
        "Respublikinė Panevėžio ligoninė",
        "Respublikinė Vilniaus universitetinė ligoninė",
        "Alytaus apskrities S. Kudirkos ligoninė",
    ],
    "court_fmts": [
        "Vilniaus miesto apylinkės teismas",
        "Kauno apylinkės teismas",
        "Klaipėdos apylinkės teismas",
        "Šiaulių apylinkės teismas",
        "Vilniaus apygardos teismas",
        "Kauno apygardos teismas",
        "Lietuvos apeliacinis teismas",
        "Lietuvos Aukščiausiasis Teismas",
        "Lietuvos vyriausiasis administracinis teismas",
        "Regionų apygardos administracinis teismas",
    ],
    "statute_fmts": [
        "Civilinio kodekso {n} straipsnis",
        "CK 6.{n} straipsnis",
        "Darbo kodekso {n} straipsnio {n2} dalis",
        "BDAR 15 straipsnis",
        "Asmens duomenų teisinės apsaugos įstatymo {n2} straipsnis",
        "Baudžiamojo kodekso 300 straipsnis",
        "Viešojo administravimo įstatymo {n} straipsnis",
    ],
    "case_fmts": [
        "e2-####-###/{year}",
        "2-####-###/{year}",
        "e3K-3-###-###/{year}",
        "1-###-###/{year}",
        "eI-####-###/{year}",
    ],
    "mrn_fmts": ["{year}/#####", "######", "ST-######"],
    "conditions": "2 tipo cukrinis diabetas, arterinė hipertenzija, bendruomenėje įgyta pneumonija, bronchinė astma, "
    "LOPL, prieširdžių virpėjimas, lėtinė inkstų liga, migrena, depresija, geležies stokos anemija, lėtinis "
    "gastritas, hipotirozė, lumbalgija, kelio sąnario artrozė, ūminis bronchitas",
    "medications": "metforminas 500 mg, ramiprilis 5 mg, atorvastatinas 20 mg, salbutamolis, apiksabanas 5 mg, "
    "pantoprazolas 40 mg, amoksicilinas 1 g, levotiroksinas 50 mcg, sertralinas 50 mg, paracetamolis 500 mg",
    "wards": "Vidaus ligų skyrius, Kardiologijos skyrius, Pulmonologijos skyrius, Bendrosios chirurgijos skyrius, "
    "Ortopedijos traumatologijos skyrius, Neurologijos skyrius, Reanimacijos ir intensyviosios terapijos skyrius",
    "lab_tests": "Hemoglobinas|g/l|120|170, Leukocitai|x10^9/l|4|10, Trombocitai|x10^9/l|150|400, "
    "Natris|mmol/l|135|145, Kalis|mmol/l|3.5|5.1, Kreatininas|umol/l|62|106, CRB|mg/l|0|5, "
    "Gliukozė|mmol/l|3.9|6.1, TSH|mU/l|0.4|4",
    "jobs": "buhalterė, programuotojas, slaugytoja, pardavimų vadovas, mokytoja, projektų vadovas, elektrikas, "
    "klientų aptarnavimo specialistas, duomenų analitikas, vaistininkė",
    "products": "Konsultavimo paslaugos, Mėnesio prenumerata, Biuro kėdė, Spausdintuvo kasetė, Programinės įrangos "
    "licencija, Serviso paslauga, Transportas",
    "public_bodies": "Valstybinė mokesčių inspekcija, Valstybinė duomenų apsaugos inspekcija, Sodra, Valstybinė "
    "ligonių kasa, Registrų centras, Migracijos departamentas, Vilniaus miesto savivaldybės administracija",
    "org_words": "Nemunas, Baltija, Neris, Gintaras, Vilnis, Ąžuolas, Žalgiris, Aukštaitija, Rasa, Vėtra",
    "org_suffixes": "UAB, AB, MB, VšĮ",
    "schools": "Vilniaus universitetas, Kauno technologijos universitetas, Vytauto Didžiojo universitetas, "
    "Vilniaus Gedimino technikos universitetas",
    "currency": "Eur",
    "mail_headers": ["Nuo|Kam|Data", "Siuntėjas|Gavėjas|Išsiųsta"],
    "article": ["{a} straipsnis", "{a} str."],
}
