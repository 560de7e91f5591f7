"""Croatian document vocabulary.

Croatian inflects names and city names, so slots sit where the nominative is correct (subject,
apposition after a colon, parenthesis); courts and hospitals with a locative city are written
out ("Općinski sud u Splitu"). Dates end in a full stop ("15.03.2021."), which also ends a
sentence. Counted days take "dana" for every number; months are abbreviated ("6 mj.").
"""

PHRASES = {
    "name": ["Ime i prezime", "Prezime i ime", "Ime"],
    "patient": ["Pacijent", "Ime i prezime pacijenta", "Bolesnik", "Pacijent/ica"],
    "dob": ["Datum rođenja", "Rođen(a)", "Dat. rođ."],
    "address": ["Adresa", "Adresa prebivališta", "Prebivalište", "Adresa stanovanja"],
    "phone": ["Telefon", "Tel.", "Mobitel", "Kontakt telefon"],
    "email": ["E-mail", "E-pošta", "Adresa e-pošte"],
    "nid": ["OIB", "Osobni identifikacijski broj"],
    "iban": ["IBAN", "Broj računa (IBAN)", "Žiro račun"],
    "customer": ["Broj korisnika", "Šifra kupca", "Korisnički broj"],
    "username": ["Korisničko ime", "Korisnik", "Prijava"],
    "password": ["Lozinka", "Privremena lozinka", "PIN"],
    "date": ["Datum", "Dana", "Datum izdavanja"],
    "mrn": ["Broj povijesti bolesti", "Matični broj pacijenta", "Br. pov. bol."],
    "diagnosis": ["Dijagnoza", "Glavna dijagnoza", "Otpusna dijagnoza", "Dg."],
    "medication": ["Terapija", "Preporučena terapija", "Lijekovi pri otpustu"],
    "doctor": ["Liječnik", "Odjelni liječnik", "Pročelnik odjela", "Otpusni liječnik"],
    "hospital": ["Bolnica", "Zdravstvena ustanova", "Ustanova"],
    "company_id": ["PDV ID", "ID broj za PDV", "OIB/PDV ID"],
    "case_no": ["Broj", "Posl. br.", "Naš broj", "Klasa"],
    "subject": ["Predmet", "Tema"],
    "website": ["Web", "Web stranica", "www"],
    "signature": ["Potpis", "Vlastoručni potpis", "Potpis podnositelja"],
    "place": ["Mjesto rođenja", "Mjesto"],
    "total": ["Ukupno za platiti", "Ukupno", "Sveukupno"],
    "card": ["Broj kartice", "Kartica", "Platna kartica"],
    "ip": ["IP adresa", "IP", "Zadnja prijava s"],
    "h_discharge": ["Otpusno pismo", "Otpusno pismo – epikriza", "Epikriza", "Izvješće o hospitalizaciji"],
    "h_referral": ["Uputnica", "Uputnica za specijalistički pregled", "Zahtjev za konzilijarni pregled"],
    "h_lab": ["Laboratorijski nalaz", "Nalaz laboratorijskih pretraga", "Biokemijski nalaz"],
    "h_contract": [
        "Ugovor o pružanju usluga",
        "Ugovor o najmu stana",
        "Ugovor o radu",
        "Ugovor o djelu",
        "Kupoprodajni ugovor",
    ],
    "h_judgment": ["Presuda", "Rješenje", "Presuda u ime Republike Hrvatske"],
    "h_act": ["Rješenje", "Odluka", "Uredba", "Pravilnik"],
    "h_gdpr": [
        "Odgovor na zahtjev za pristup osobnim podacima",
        "Odgovor na zahtjev iz članka 15. Opće uredbe o zaštiti podataka",
        "Informacija o obradi osobnih podataka",
    ],
    "h_poa": ["Punomoć", "Opća punomoć", "Specijalna punomoć"],
    "h_declaration": ["Izjava", "Izjava pod materijalnom i kaznenom odgovornošću", "Vlastoručna izjava"],
    "h_form": ["Zahtjev", "Prijavnica", "Zahtjev za promjenu podataka", "Obrazac"],
    "h_invoice": ["Račun", "R-1 račun", "Predračun"],
    "h_cv": ["Životopis", "Curriculum vitae", "Europass životopis"],
    "h_ticket": ["Zahtjev za podršku", "Prijava kvara", "Reklamacija", "Servisni zahtjev"],
    "h_experience": ["Radno iskustvo", "Iskustvo"],
    "h_education": ["Obrazovanje", "Obrazovanje i osposobljavanje"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": ["Poštovani kolega,", "Poštovane kolege,"],
    "greet": [
        "Poštovani,",
        "Poštovan<<i gospodine|a gospođo>> {p.last},",
        "Dobar dan, {p.name},",
        "Bok {p.first},",
        "Poštovan<<i korisniče|a korisnice>>,",
    ],
    "closing": ["Srdačan pozdrav,", "S poštovanjem,", "Lijep pozdrav,", "Hvala i pozdrav,"],
    "admit": [
        "{p.name} primljen<<|a>> je {date2} pod dijagnozom: {cond}.",
        "Pacijent<<|ica>> se javi<<o|la>> {date2}, prijamna dijagnoza: {cond}.",
        "Dana {date2} zaprimljen<<|a>> na {ward}, dg. {cond}; u anamnezi {cond2}.",
        "Prijam {date2}; glavna dg.: {cond}, popratna dg.: {cond2}.",
    ],
    "therapy": [
        "Uvedena terapija: {med}, u trajanju od {n} dana.",
        "Otpušta se uz terapiju: {med}.",
        "Preporuka: {med} 2x dnevno, kontrola za {n} dana.",
        "Pacijent<<|ica>> i dalje uzima {med}.",
    ],
    "followup": [
        "Kontrolni pregled – {dr.title} {dr.name}, {fac}, za {n} dana.",
        "Kontrola: {fac}, u roku od {n} dana.",
        "Za dodatna pitanja obratite se liječniku ({dr.title} {dr.name}) na {org.phone}.",
        "Preporučena kontrola u ambulanti koju vodi {dr.title} {dr.name}, za {n} dana.",
    ],
    "refer": [
        "Pacijent<<|ica>> {p.name}, rođen<<|a>> {p.dob}, upućuje se na specijalistički pregled, dg.: {cond}.",
        "Tegobe od {date2}, radna dijagnoza: {cond}.",
        "{p.first} trenutno uzima {med}.",
        "Molim pregled i mišljenje o daljnjem liječenju, dg.: {cond}.",
    ],
    "lab_note": [
        "Nalaz ovjeren: {dr.title} {dr.name}, {date}",
        "Uzorak uzet: {date2}",
        "Vrijednosti izvan referentnog intervala označene su sa *.",
        "Izdano {date}, laboratorij: {fac}.",
    ],
    "party_org": [
        "{org.name}, sa sjedištem na adresi {org.address}, PDV ID {org.cid}, koju zastupa direktor {q.name} "
        "(u daljnjem tekstu: Izvršitelj)",
        "{org.name}, {org.address}, ID broj za PDV: {org.cid}, IBAN {org.iban} (u daljnjem tekstu: Dobavljač)",
        "trgovačko društvo {org.name}, sjedište: {org.address}, OIB/PDV ID {org.cid}",
    ],
    "party_person": [
        "{p.name}, rođen<<|a>> {p.dob}, s prebivalištem na adresi {p.address}, OIB {p.nid} "
        "(u daljnjem tekstu: Naručitelj)",
        "{p.hon} {p.name}, adresa: {p.address}, tel. {p.phone}, e-pošta {p.email}",
        "{p.name}, OIB {p.nid}, {p.address}, IBAN {p.iban}",
    ],
    "contract_object": [
        "Izvršitelj se obvezuje pružati usluge opisane u Prilogu {n} ovog Ugovora.",
        "Ugovor se sklapa na razdoblje od {n} mj., počevši od {date2}",
        "Mjesečna naknada iznosi {amount} EUR s PDV-om.",
        "Djelo će biti predano najkasnije do {date2}",
    ],
    "contract_pay": [
        "Plaćanje se vrši na račun {org.iban} u roku od {n} dana od primitka računa.",
        "Naručitelj pristaje na izravno terećenje računa {p.iban}.",
        "Najamnina se plaća do 15. u mjesecu na račun {org.iban}.",
    ],
    "contract_court": [
        "Za rješavanje sporova nadležan je {court}.",
        "Na sve što nije uređeno ovim Ugovorom primjenjuje se {statute}.",
        "Ugovorne strane suglasne su da je za sporove nadležan {court}.",
    ],
    "signed": [
        "{city}, {date}",
        "Mjesto i datum: {city}, {date}",
        "Sastavljeno {date} u dva istovjetna primjerka.",
        "{city}, dana {date}",
    ],
    "judg_intro": [
        "{court}, u predmetu posl. br. {case}, dana {date} donio je sljedeću presudu:",
        "Posl. br. {case} – {court}, sudac pojedinac: {r.name}, {date}",
        "{court} je na ročištu održanom {date} raspravio predmet posl. br. {case}; predsjednik vijeća: {r.name}.",
    ],
    "judg_facts": [
        "Tužitelj<<|ica>> {p.name}, rođen<<|a>> {p.dob}, s prebivalištem na adresi {p.address}, "
        "podni<<o|jela>> je tužbu {date2}",
        "Dana {date2} tuženik {org.name} otkazao je ugovor pozivajući se na {statute}.",
        "Tužitelj<<a|icu>> je zastupao odvjetnik {q.name}.",
        "OIB tužitelj<<a|ice>>: {p.nid}.",
    ],
    "judg_ruling": [
        "Tužbeni zahtjev se odbija te je tužitelj<<|ica>> duž<<an|na>> tuženiku naknaditi troškove postupka.",
        "Nalaže se tuženiku {org.name} isplatiti tužitelj<<u|ici>> ({p.name}) iznos od {amount} EUR u roku od {n} dana.",
        "Ukida se rješenje od {date3}",
    ],
    "act_recital": [
        "Pravna osnova: {statute};",
        "Rješavajući po zahtjevu koji je dana {date2} podni<<o|jela>> {p.name},",
        "Budući da su ispunjeni uvjeti koje propisuje {statute},",
    ],
    "act_article": [
        "Odobrava se dozvola: {p.name}, rođen<<|a>> {p.dob}, OIB {p.nid}.",
        "Društvu {org.name}, PDV ID {org.cid}, izriče se novčana kazna u iznosu od {amount} EUR.",
        "Rješenje se dostavlja: {p.name}, {p.address}.",
    ],
    "act_done": ["{city}, {date}", "Ovo rješenje stupa na snagu {date}", "Izdano: {city}, {date}"],
    "gdpr_body": [
        "Povodom Vašeg zahtjeva od {date2} dostavljamo Vam presliku osobnih podataka koje obrađujemo o Vama.",
        "Pravna osnova odgovora je {statute}; potvrđujemo da obrađujemo niže navedene podatke.",
        "Vaš zahtjev zaprimili smo {date2} te ga rješavamo u roku od mjesec dana.",
    ],
    "gdpr_data": [
        "Podaci su pronađeni prema broju korisnika {p.acct}.",
        "Svoje podatke možete provjeriti i na {org.url}.",
        "Za pitanja se obratite službeniku za zaštitu podataka: {org.email}.",
        "Prigovor možete podnijeti Agenciji za zaštitu osobnih podataka.",
    ],
    "poa_body": [
        "Ja, {p.name}, rođen<<|a>> {p.dob}, OIB {p.nid}, s prebivalištem na adresi {p.address}, ovlašćujem "
        "punomoćnika: {q.name}, datum rođenja {q.dob}, da me zastupa u svim postupcima (tijelo: {body}).",
        "Punomoćnik me može zastupati i u postupku koji vodi {court}.",
        "Punomoć vrijedi do {date}",
    ],
    "decl_body": [
        "Ja, {p.name}, rođen<<|a>> {p.dob}, mjesto rođenja: {p.birthplace}, s prebivalištem na adresi {p.address}, "
        "pod materijalnom i kaznenom odgovornošću izjavljujem da su svi navedeni podaci istiniti.",
        "Svjest<<an|na>> sam posljedica davanja neistinitih podataka koje propisuje {statute}.",
        "Izjavljujem da nemam dospjelih nepodmirenih poreznih obveza (tijelo: {body}).",
    ],
    "letter_body": [
        "Obavještavamo Vas da je Vaš zahtjev od {date2} zaprimljen pod brojem {case}.",
        "Vaš predmet rješava {q.name}.",
        "Molimo da nedostajuće dokumente dostavite u roku od {n} dana od primitka ovog dopisa.",
        "Protiv ovog rješenja može se izjaviti žalba u roku od 15 dana od dana dostave.",
    ],
    "letter_contact": [
        "Za dodatne informacije nazovite {org.phone} ili pišite na {org.email}.",
        "Radno vrijeme sa strankama: ponedjeljak – petak, 8:00 – 15:00.",
    ],
    "email_body": [
        "Hvala na poruci, možeš me dobiti na {q.phone}.",
        "Potpisani ugovor molim pošaljite na {q.email} do {date}",
        "U privitku šaljem dokumentaciju (klijent: {p.name}); sastanak je dogovoren za {date2}",
        "{p.first} je potvrdi<<o|la>> termin {date2}",
    ],
    "chat": [
        "bok, {p.first} ovdje, imam novi broj {p.phone}",
        "ok, vidimo se {date2}",
        "pošalješ mi mail? moj je {p.email}",
        "adresa je {p.address}",
        "super, hvala!",
        "stižem za 10 minuta",
    ],
    "ticket_body": [
        "Korisnik {p.name} (broj korisnika {p.acct}) prijavljuje da prijava ne radi od {date2}",
        "Korisnik {p.user} ne može resetirati lozinku; zadnja prijava s {p.ip}.",
        "Plaćanje karticom {p.card} odbijeno je dvaput.",
    ],
    "ticket_secret": [
        "Postavljena je privremena lozinka {p.pwd}, molimo promijenite je pri prvoj prijavi.",
        "Ne lijepite API ključ {apikey} u zahtjeve.",
        "Novi token: {apikey}",
    ],
    "invoice_pay": [
        "Rok plaćanja {n} dana, IBAN {org.iban}.",
        "Poziv na broj: {ref}.",
        "Pitanja o računu: {org.email}",
        "Način plaćanja: transakcijski račun.",
    ],
    "hospital_fmts": [
        "KBC Zagreb",
        "KBC Split",
        "KBC Osijek",
        "KBC Sestre milosrdnice",
        "Klinička bolnica Dubrava",
        "Klinička bolnica Sveti Duh",
        "Opća bolnica {city}",
        "Dom zdravlja {city}",
    ],
    "court_fmts": [
        "Općinski građanski sud u Zagrebu",
        "Općinski sud u Splitu",
        "Općinski sud u Rijeci",
        "Općinski sud u Osijeku",
        "Općinski sud u Zadru",
        "Županijski sud u Zagrebu",
        "Županijski sud u Splitu",
        "Trgovački sud u Zagrebu",
        "Visoki trgovački sud Republike Hrvatske",
        "Vrhovni sud Republike Hrvatske",
        "Upravni sud u Rijeci",
    ],
    "statute_fmts": [
        "članak {n}. Zakona o obveznim odnosima",
        "članak {n}. stavak {n2}. Zakona o radu",
        "članak 15. Opće uredbe o zaštiti podataka",
        "članak {n2}. Zakona o provedbi Opće uredbe o zaštiti podataka",
        "članak {n}. Kaznenog zakona",
        "članak {n}. Zakona o općem upravnom postupku",
    ],
    "case_fmts": ["P-{n}/{year}", "Pn-####/{year}", "Gž-{n}/{year}", "K-###/{year}", "UP/I-034-02/##-01/###"],
    "mrn_fmts": ["{year}-######", "#######", "PB-######"],
    "conditions": "šećerna bolest tip 2, arterijska hipertenzija, izvanbolnička pneumonija, astma, KOPB, fibrilacija "
    "atrija, kronična bubrežna bolest, migrena, depresija, sideropenična anemija, kronični gastritis, hipotireoza, "
    "lumboishialgija, gonartroza, akutni bronhitis",
    "medications": "metformin 500 mg, ramipril 5 mg, atorvastatin 20 mg, salbutamol sprej, apiksaban 5 mg, "
    "pantoprazol 40 mg, amoksicilin s klavulanskom kiselinom 1 g, levotiroksin 50 mcg, sertralin 50 mg, "
    "paracetamol 500 mg",
    "wards": "Odjel za internu medicinu, Odjel za kardiologiju, Odjel za pulmologiju, Odjel za opću kirurgiju, "
    "Odjel za ortopediju, Odjel za neurologiju, Odjel za anesteziologiju i intenzivno liječenje",
    "lab_tests": "Hemoglobin|g/L|119|157, Leukociti|x10^9/L|3.4|9.7, Trombociti|x10^9/L|158|424, "
    "Natrij|mmol/L|137|146, Kalij|mmol/L|3.9|5.1, Kreatinin|umol/L|64|104, CRP|mg/L|0|5, Glukoza|mmol/L|4.4|6.4, "
    "TSH|mIU/L|0.5|4.4",
    "jobs": "računovotkinja, programer, medicinska sestra, voditelj prodaje, učiteljica, voditelj projekata, "
    "električar, operater u pozivnom centru, analitičar podataka, farmaceutkinja",
    "products": "Savjetodavne usluge, Mjesečna pretplata, Uredska stolica, Toner za pisač, Licenca za softver, "
    "Servisna intervencija, Dostava",
    "public_bodies": "Agencija za zaštitu osobnih podataka, Porezna uprava, Hrvatski zavod za zdravstveno osiguranje, "
    "Hrvatski zavod za mirovinsko osiguranje, Ministarstvo unutarnjih poslova, Grad Zagreb, FINA",
    "org_words": "Jadran, Velebit, Sava, Drava, Dalmacija, Istra, Kvarner, Učka, Mosor, Neretva",
    "org_suffixes": "d.o.o., d.d., j.d.o.o.",
    "schools": "Sveučilište u Zagrebu, Sveučilište u Splitu, Sveučilište u Rijeci, Sveučilište Josipa Jurja "
    "Strossmayera u Osijeku",
    "mail_headers": ["Šalje|Prima|Datum", "Od|Za|Poslano"],
    "article": ["Članak {a}.", "Čl. {a}."],
}
