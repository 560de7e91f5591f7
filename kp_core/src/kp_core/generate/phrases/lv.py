"""Latvian document vocabulary.

Latvian inflects names, so slots sit where the nominative is correct (subject, apposition after
a colon, parenthesis). The long date form is locative ("2021. gada 15. martā" = on 15 March), so
dates stand where "on" fits or after a colon, never after "no", "līdz" or "kopš". Counted
periods are abbreviated ("14 d. laikā", "pēc 3 ned."); articles are numbered first ("3. pants").
"""

PHRASES = {
    "name": ["Vārds, uzvārds", "Uzvārds, vārds", "Vārds Uzvārds"],
    "patient": ["Pacients", "Pacienta vārds, uzvārds", "Pacients/-e"],
    "dob": ["Dzimšanas datums", "Dzim. dat.", "Dzimis(-usi)"],
    "address": ["Adrese", "Deklarētā dzīvesvietas adrese", "Dzīvesvieta", "Korespondences adrese"],
    "phone": ["Tālrunis", "Tālr.", "Mob. tālr.", "Tel."],
    "email": ["E-pasts", "E-pasta adrese", "E-mail"],
    "nid": ["Personas kods", "P. k."],
    "iban": ["Konta Nr.", "IBAN", "Bankas konts"],
    "customer": ["Klienta Nr.", "Klienta kods", "Līguma Nr."],
    "username": ["Lietotājvārds", "Lietotājs", "Pieteikšanās vārds"],
    "password": ["Parole", "Pagaidu parole", "PIN kods"],
    "date": ["Datums", "Izdošanas datums", "Sastādīts"],
    "mrn": ["Slimības vēstures Nr.", "Medicīniskās kartes Nr.", "Stac. kartes Nr."],
    "diagnosis": ["Diagnoze", "Pamatdiagnoze", "Galīgā diagnoze", "Dg."],
    "medication": ["Medikamenti", "Ieteicamā terapija", "Nozīmētā terapija"],
    "doctor": ["Ārstējošais ārsts", "Nodaļas vadītājs", "Ārsts", "Izrakstu sagatavoja"],
    "hospital": ["Ārstniecības iestāde", "Slimnīca", "Iestāde"],
    "company_id": ["PVN reģ. Nr.", "PVN maksātāja Nr.", "PVN Nr."],
    "case_no": ["Nr.", "Lietas Nr.", "Reģ. Nr.", "Mūsu Nr."],
    "subject": ["Temats", "Tēma"],
    "website": ["Mājaslapa", "Tīmekļa vietne", "www"],
    "signature": ["Paraksts", "Iesniedzēja paraksts", "Paraksts, atšifrējums"],
    "place": ["Dzimšanas vieta", "Vieta"],
    "total": ["Kopā apmaksai", "Kopā", "Summa ar PVN"],
    "card": ["Kartes Nr.", "Maksājumu karte", "Karte"],
    "ip": ["IP adrese", "IP", "Pēdējā pieteikšanās no"],
    "h_discharge": ["Izraksts no stacionāra", "Epikrīze", "Izraksts no slimības vēstures"],
    "h_referral": ["Nosūtījums", "Nosūtījums uz konsultāciju", "Nosūtījums pie speciālista"],
    "h_lab": ["Laboratorisko izmeklējumu rezultāti", "Analīžu rezultāti", "Bioķīmisko analīžu rezultāti"],
    "h_contract": ["Pakalpojumu līgums", "Īres līgums", "Darba līgums", "Uzņēmuma līgums", "Pirkuma līgums"],
    "h_judgment": ["Spriedums", "Lēmums", "Spriedums Latvijas Republikas vārdā"],
    "h_act": ["Lēmums", "Rīkojums", "Noteikumi", "Pavēle"],
    "h_gdpr": [
        "Atbilde uz pieprasījumu piekļūt personas datiem",
        "Atbilde uz pieprasījumu saskaņā ar VDAR 15. pantu",
        "Informācija par personas datu apstrādi",
    ],
    "h_poa": ["Pilnvara", "Ģenerālpilnvara", "Pilnvara pārstāvībai"],
    "h_declaration": ["Apliecinājums", "Deklarācija", "Apliecinājums par sniegto ziņu patiesumu"],
    "h_form": ["Iesniegums", "Pieteikuma veidlapa", "Iesniegums datu maiņai", "Anketa"],
    "h_invoice": ["Rēķins", "PVN rēķins", "Avansa rēķins"],
    "h_cv": ["Dzīves gājums", "CV", "Curriculum vitae"],
    "h_ticket": ["Atbalsta pieprasījums", "Bojājuma pieteikums", "Pretenzija", "Servisa pieprasījums"],
    "h_experience": ["Darba pieredze", "Profesionālā pieredze"],
    "h_education": ["Izglītība", "Izglītība un apmācības"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": ["Godātais kolēģi!", "Cienījamie kolēģi!"],
    "greet": [
        "Labdien!",
        "Labdien, {p.name}!",
        "Godājam<<ais klient|ā kliente>>!",
        "Sveiki!",
        "Cienījam<<ais kungs|ā kundze>>!",
    ],
    "closing": ["Ar cieņu", "Ar cieņu,", "Ar labiem vēlējumiem", "Paldies,"],
    "admit": [
        "{p.name} stacionēt<<s|a>> {date2}, diagnoze: {cond}.",
        "Pacient<<s|e>> vērsās {date2}, uzņemšanas diagnoze: {cond}.",
        "Stacionārā ārstēt<<s|a>> (nodaļa: {ward}); stacionēšanas datums: {date2}; dg. {cond}, blakusslimība: {cond2}.",
        "Hospitalizācija: {date2}; pamatdiagnoze: {cond}, blakusdiagnoze: {cond2}.",
    ],
    "therapy": [
        "Nozīmēts: {med}, lietot {n} d.",
        "Izrakstot ieteikts: {med}.",
        "Ieteicams: {med} 2 reizes dienā, kontrole pēc {n} ned.",
        "Pacient<<s|e>> turpina lietot: {med}.",
    ],
    "followup": [
        "Kontrole – {dr.title} {dr.name}, {fac}, pēc {n} ned.",
        "Atkārtota konsultācija: {fac}, {n} d. laikā.",
        "Jautājumu gadījumā sazinieties ar ārstējošo ārstu ({dr.title} {dr.name}), tālr. {org.phone}.",
        "Ieteicama ambulatora kontrole pēc {n} d.; ārstējošais ārsts: {dr.name}.",
    ],
    "refer": [
        "Pacient<<s|e>> {p.name}, dzim. {p.dob}, nosūtīt<<s|a>> uz konsultāciju, dg.: {cond}.",
        "Sūdzību sākums: {date2}; darba diagnoze: {cond}.",
        "{p.first} pašlaik lieto: {med}.",
        "Lūdzu konsultēt un ieteikt turpmāko ārstēšanu, dg.: {cond}.",
    ],
    "lab_note": [
        "Rezultātus apstiprināja: {dr.title} {dr.name}, {date}.",
        "Paraugs paņemts {date2}.",
        "Vērtības ārpus references intervāla atzīmētas ar *.",
        "Izsniegts {date}, laboratorija: {fac}.",
    ],
    "party_org": [
        "{org.name}, juridiskā adrese: {org.address}, PVN reģ. Nr. {org.cid}, kuru pārstāv valdes loceklis {q.name} "
        "(turpmāk – Izpildītājs)",
        "{org.name}, {org.address}, PVN Nr. {org.cid}, konts {org.iban} (turpmāk – Piegādātājs)",
        "{org.name} (juridiskā adrese: {org.address}, PVN maksātāja Nr. {org.cid})",
    ],
    "party_person": [
        "{p.name}, dzim. {p.dob}, deklarētā dzīvesvieta: {p.address}, personas kods {p.nid} (turpmāk – Pasūtītājs)",
        "{p.hon} {p.name}, adrese: {p.address}, tālr. {p.phone}, e-pasts {p.email}",
        "{p.name}, p. k. {p.nid}, {p.address}, konts {p.iban}",
    ],
    "contract_object": [
        "Izpildītājs apņemas sniegt Līguma {n}. pielikumā norādītos pakalpojumus.",
        "Līgums stājas spēkā {date2} un ir spēkā {n} mēn.",
        "Ikmēneša maksa ir {amount} EUR, ieskaitot PVN.",
        "Darbu izpildes termiņš: {date2}.",
    ],
    "contract_pay": [
        "Maksājumi veicami uz kontu {org.iban} {n} d. laikā no rēķina saņemšanas.",
        "Pasūtītājs piekrīt, ka maksa tiek noņemta no konta {p.iban}.",
        "Īres maksa maksājama līdz katra mēneša 15. datumam uz kontu {org.iban}.",
    ],
    "contract_court": [
        "Strīdus izskata {court}.",
        "Jautājumos, ko neregulē šis līgums, piemērojams: {statute}.",
        "Puses vienojas, ka strīdus izskatīs {court}.",
    ],
    "signed": [
        "{city}, {date}",
        "{date}, {city}",
        "Sastādīts {date} divos eksemplāros ar vienādu juridisku spēku.",
        "Vieta un datums: {city}, {date}",
    ],
    "judg_intro": [
        "{court}, izskatījusi civillietu Nr. {case}, {date} pasludināja šādu spriedumu:",
        "Lietas Nr. {case} – {court}; lietu izskatīja: {r.name}; {date}",
        "{court} {date} tiesas sēdē izskatīja lietu Nr. {case}; tiesas sastāvs: {r.name}.",
    ],
    "judg_facts": [
        "Prasītāj<<s|a>> {p.name}, dzim. {p.dob}, dzīvesvieta: {p.address}, prasību iesniedza {date2}.",
        "Atbildētāja {org.name} {date2} uzteica līgumu, atsaucoties uz: {statute}.",
        "Prasītāju pārstāvēja zvērināts advokāts {q.name}.",
        "Prasītāj<<a|as>> personas kods: {p.nid}.",
    ],
    "judg_ruling": [
        "Prasību noraidīt un piedzīt no prasītāj<<a|as>> tiesāšanās izdevumus.",
        "Piedzīt no atbildētājas {org.name} par labu prasītāj<<am|ai>> ({p.name}) {amount} EUR.",
        "Atcelt lēmumu, kas pieņemts {date3}.",
    ],
    "act_recital": [
        "Tiesiskais pamats: {statute};",
        "Izskatot iesniegumu, ko {date2} iesniedza {p.name},",
        "Ņemot vērā, ka ir izpildīti nosacījumi, kas noteikti šajā normā: {statute},",
    ],
    "act_article": [
        "Atļauja tiek izsniegta: {p.name}, dzim. {p.dob}, p. k. {p.nid}.",
        "Sabiedrībai {org.name}, PVN reģ. Nr. {org.cid}, tiek piemērots naudas sods {amount} EUR apmērā.",
        "Lēmums paziņojams: {p.name}, {p.address}.",
    ],
    "act_done": ["{city}, {date}", "Lēmums stājas spēkā {date}.", "Pieņemts: {city}, {date}"],
    "gdpr_body": [
        "Atbildot uz Jūsu pieprasījumu, kas saņemts {date2}, nosūtām Jūsu personas datu, ko apstrādājam, kopiju.",
        "Tiesiskais pamats: {statute}; apstiprinām, ka apstrādājam turpmāk norādītos datus.",
        "Jūsu pieprasījumu saņēmām {date2} un atbildēsim viena mēneša laikā.",
    ],
    "gdpr_data": [
        "Dati atrasti pēc klienta numura {p.acct}.",
        "Savus datus varat apskatīt arī vietnē {org.url}.",
        "Jautājumus sūtiet datu aizsardzības speciālistam: {org.email}.",
        "Sūdzību varat iesniegt Datu valsts inspekcijā.",
    ],
    "poa_body": [
        "Es, {p.name}, dzim. {p.dob}, p. k. {p.nid}, deklarētā dzīvesvieta: {p.address}, pilnvaroju: {q.name}, "
        "dzim. {q.dob}, pārstāvēt mani visās iestādēs (iestāde: {body}).",
        "Pilnvarnieks var mani pārstāvēt arī lietā, ko izskata {court}.",
        "Pilnvaras derīguma termiņš: {date}.",
    ],
    "decl_body": [
        "Es, {p.name}, dzim. {p.dob}, dzimšanas vieta: {p.birthplace}, deklarētā dzīvesvieta: {p.address}, "
        "apliecinu, ka sniegtās ziņas ir patiesas.",
        "Esmu informēt<<s|a>> par atbildību par nepatiesu ziņu sniegšanu (tiesiskais pamats: {statute}).",
        "Apliecinu, ka man nav nodokļu parādu (iestāde: {body}).",
    ],
    "letter_body": [
        "Informējam, ka Jūsu iesniegums, kas saņemts {date2}, reģistrēts ar Nr. {case}.",
        "Jūsu jautājumu izskata {q.name}.",
        "Lūdzam iesniegt trūkstošos dokumentus {n} d. laikā no šīs vēstules saņemšanas.",
        "Lēmumu var apstrīdēt viena mēneša laikā no tā spēkā stāšanās dienas.",
    ],
    "letter_contact": [
        "Papildu informācija pa tālruni {org.phone} vai e-pastu {org.email}.",
        "Apmeklētāju pieņemšanas laiks: P. 8.30–18.00, O.–C. 8.30–17.00, Pk. 8.30–15.00.",
    ],
    "email_body": [
        "Paldies par ziņu, mani var sazvanīt pa {q.phone}.",
        "Parakstīto līgumu, lūdzu, atsūtiet uz {q.email}; termiņš: {date}.",
        "Pielikumā dokumenti (klients: {p.name}); tikšanās paredzēta {date2}.",
        "{p.first} apstiprināja laiku: {date2}.",
    ],
    "chat": [
        "sveiki, te {p.first}, mans jaunais numurs {p.phone}",
        "ok, tiekamies {date2}",
        "atsūtīsi uz e-pastu? mans ir {p.email}",
        "adrese: {p.address}",
        "labi, paldies!",
        "būšu pēc 10 min",
    ],
    "ticket_body": [
        "Klient<<s|e>> {p.name} (klienta Nr. {p.acct}) ziņo, ka nevar pieslēgties; problēma pamanīta {date2}.",
        "Lietotājs {p.user} nevar atjaunot paroli; pēdējā pieteikšanās no {p.ip}.",
        "Maksājums ar karti {p.card} divreiz noraidīts.",
    ],
    "ticket_secret": [
        "Iestatīta pagaidu parole {p.pwd}, lūdzu, nomainiet to pēc pieteikšanās.",
        "Neielīmējiet API atslēgu {apikey} pieprasījumos.",
        "Jaunais marķieris: {apikey}",
    ],
    "invoice_pay": [
        "Apmaksāt {n} d. laikā, konts {org.iban}.",
        "Maksājuma mērķis: {ref}.",
        "Jautājumi par rēķinu: {org.email}",
        "Rēķins sagatavots elektroniski un ir derīgs bez paraksta.",
    ],
    "hospital_fmts": [
        "Paula Stradiņa klīniskā universitātes slimnīca",
        "Rīgas Austrumu klīniskā universitātes slimnīca",
        "Daugavpils reģionālā slimnīca",
        "Liepājas reģionālā slimnīca",
        "Vidzemes slimnīca",
        "Jelgavas pilsētas slimnīca",
        "Ziemeļkurzemes reģionālā slimnīca",
    ],
    "court_fmts": [
        "Rīgas pilsētas tiesa",
        "Rīgas rajona tiesa",
        "Kurzemes rajona tiesa",
        "Vidzemes rajona tiesa",
        "Zemgales rajona tiesa",
        "Latgales rajona tiesa",
        "Rīgas apgabaltiesa",
        "Kurzemes apgabaltiesa",
        "Augstākā tiesa",
        "Administratīvā rajona tiesa",
    ],
    "statute_fmts": [
        "Civillikuma {n}. pants",
        "Darba likuma {n}. panta {n2}. daļa",
        "VDAR 15. pants",
        "Fizisko personu datu apstrādes likuma {n2}. pants",
        "Krimināllikuma 177. pants",
        "Administratīvā procesa likuma {n}. pants",
    ],
    "case_fmts": ["C########", "C3#-####-##/#", "SKC-###/{year}", "A420#####", "{n}/{year}"],
    "mrn_fmts": ["{year}/#####", "######", "SV-######"],
    "conditions": "2. tipa cukura diabēts, arteriāla hipertensija, sadzīvē iegūta pneimonija, bronhiālā astma, HOPS, "
    "priekškambaru fibrilācija, hroniska nieru slimība, migrēna, depresija, dzelzs deficīta anēmija, hronisks "
    "gastrīts, hipotireoze, lumbago, ceļa locītavas artroze, akūts bronhīts",
    "medications": "metformīns 500 mg, ramiprils 5 mg, atorvastatīns 20 mg, salbutamols, apiksabāns 5 mg, "
    "pantoprazols 40 mg, amoksicilīns 1 g, levotiroksīns 50 mcg, sertralīns 50 mg, paracetamols 500 mg",
    "wards": "Iekšķīgo slimību nodaļa, Kardioloģijas nodaļa, Pulmonoloģijas nodaļa, Vispārējās ķirurģijas nodaļa, "
    "Ortopēdijas nodaļa, Neiroloģijas nodaļa, Intensīvās terapijas nodaļa",
    "lab_tests": "Hemoglobīns|g/l|120|170, Leikocīti|x10^9/l|4|10, Trombocīti|x10^9/l|150|400, "
    "Nātrijs|mmol/l|135|145, Kālijs|mmol/l|3.5|5.1, Kreatinīns|umol/l|62|106, CRO|mg/l|0|5, "
    "Glikoze|mmol/l|3.9|6.1, TSH|mU/l|0.4|4",
    "jobs": "grāmatvede, programmētājs, medmāsa, pārdošanas vadītājs, skolotāja, projektu vadītājs, elektriķis, "
    "klientu apkalpošanas speciālists, datu analītiķis, farmaceite",
    "products": "Konsultāciju pakalpojumi, Mēneša abonements, Biroja krēsls, Printera kasetne, Programmatūras "
    "licence, Servisa pakalpojums, Piegāde",
    "public_bodies": "Valsts ieņēmumu dienests, Datu valsts inspekcija, Valsts sociālās apdrošināšanas aģentūra, "
    "Nacionālais veselības dienests, Uzņēmumu reģistrs, Pilsonības un migrācijas lietu pārvalde, Rīgas "
    "valstspilsētas pašvaldība",
    "org_words": "Daugava, Baltija, Gauja, Venta, Dzintars, Ozols, Māra, Zvaigzne, Kurzeme, Vidzeme",
    "org_suffixes": "SIA, AS, IK",
    "schools": "Latvijas Universitāte, Rīgas Tehniskā universitāte, Rīgas Stradiņa universitāte, Latvijas "
    "Lauksaimniecības universitāte",
    "mail_headers": ["No|Kam|Datums", "Sūtītājs|Saņēmējs|Nosūtīts"],
    "article": ["{a}. pants"],
}
