"""Hungarian document vocabulary.

Hungarian attaches case endings to the word, so no slot is followed by a suffix: values stand
before a separate postposition or noun ("{date} napján", "{date} óta", "{p.name} kérelmére"),
after a colon, or in parentheses. Dates end in a full stop ("2021. 03. 15."), which also ends a
sentence. Names are written family name first (handled by the name formatter).
"""

PHRASES = {
    "name": ["Név", "Teljes név", "Családi és utónév"],
    "patient": ["Beteg neve", "Páciens", "Beteg"],
    "dob": ["Születési idő", "Szül. dátum", "Született"],
    "address": ["Lakcím", "Állandó lakcím", "Levelezési cím", "Cím"],
    "phone": ["Telefon", "Tel.", "Mobil", "Telefonszám"],
    "email": ["E-mail", "E-mail cím", "Email"],
    "nid": ["Személyi azonosító", "TAJ szám", "Azonosító"],
    # field labels per kind of number (kp_core.identifiers.national_id.extras names): a TAJ label only before
    # a TAJ number
    "nid_by_kind": [
        "személyi azonosító=Személyi azonosító|Személyi azonosító jel|Azonosító",
        "TAJ-szám=TAJ szám|TAJ-szám|Társadalombiztosítási azonosító jel|Azonosító",
    ],
    "iban": ["Bankszámlaszám (IBAN)", "IBAN", "Számlaszám"],
    "customer": ["Ügyfélszám", "Ügyfél-azonosító", "Felhasználói szám"],
    "username": ["Felhasználónév", "Azonosító", "Bejelentkezési név"],
    "password": ["Jelszó", "Ideiglenes jelszó", "PIN kód"],
    "date": ["Dátum", "Kelt", "Kiállítás dátuma"],
    "mrn": ["Kórlapszám", "Törzsszám", "Esetszám"],
    "diagnosis": ["Diagnózis", "Kórisme", "Fő diagnózis", "Dg."],
    "medication": ["Gyógyszeres terápia", "Javasolt terápia", "Gyógyszerelés"],
    "doctor": ["Kezelőorvos", "Osztályvezető főorvos", "Orvos", "Aláíró orvos"],
    "hospital": ["Kórház", "Intézmény", "Egészségügyi intézmény"],
    "company_id": ["Közösségi adószám", "EU adószám", "Adószám (EU)"],
    "case_no": ["Ügyszám", "Iktatószám", "Hivatkozási szám", "Sz."],
    "subject": ["Tárgy"],
    "website": ["Weboldal", "Honlap", "Web"],
    "signature": ["Aláírás", "Kérelmező aláírása", "Aláírás helye"],
    "place": ["Születési hely", "Hely"],
    "total": ["Fizetendő összesen", "Összesen", "Bruttó végösszeg"],
    "card": ["Kártyaszám", "Bankkártya", "Kártya"],
    "ip": ["IP-cím", "IP", "Utolsó bejelentkezés innen"],
    "h_discharge": ["Zárójelentés", "Kórházi zárójelentés", "Epikrízis"],
    "h_referral": ["Beutaló", "Beutaló szakorvosi vizsgálatra", "Konzíliumkérés"],
    "h_lab": ["Laboratóriumi lelet", "Laborvizsgálati eredmények", "Klinikai kémiai lelet"],
    "h_contract": [
        "Szolgáltatási szerződés",
        "Bérleti szerződés",
        "Munkaszerződés",
        "Vállalkozási szerződés",
        "Adásvételi szerződés",
    ],
    "h_judgment": ["Ítélet", "Végzés", "A Magyar Nemzet nevében!"],
    "h_act": ["Határozat", "Rendelet", "Végzés", "Utasítás"],
    "h_gdpr": [
        "Válasz a személyes adatokhoz való hozzáférési kérelemre",
        "Tájékoztatás a GDPR 15. cikke szerinti kérelemre",
        "Tájékoztatás a személyes adatok kezeléséről",
    ],
    "h_poa": ["Meghatalmazás", "Általános meghatalmazás", "Ügyvédi meghatalmazás"],
    "h_declaration": ["Nyilatkozat", "Büntetőjogi felelősségem tudatában tett nyilatkozat", "Hozzájáruló nyilatkozat"],
    "h_form": ["Kérelem", "Jelentkezési lap", "Adatváltozás bejelentése", "Adatlap"],
    "h_invoice": ["Számla", "Előlegszámla", "Nyugta"],
    "h_cv": ["Önéletrajz", "Szakmai önéletrajz", "Curriculum vitae"],
    "h_ticket": ["Hibabejelentés", "Ügyfélszolgálati jegy", "Reklamáció", "Támogatási kérés"],
    "h_experience": ["Szakmai tapasztalat", "Munkahelyek"],
    "h_education": ["Tanulmányok", "Végzettség"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": ["Tisztelt Kolléga!", "Kedves Kollégák!"],
    "greet": [
        "Tisztelt Ügyfelünk!",
        "Tisztelt {p.name}!",
        "Kedves {p.first}!",
        "Tisztelt Hölgyem/Uram!",
        "Tisztelt <<Uram|Hölgyem>>!",
    ],
    "closing": ["Tisztelettel:", "Üdvözlettel:", "Üdvözlettel,", "Köszönettel:"],
    "admit": [
        "{p.name} felvételére {date2} napján került sor, diagnózis: {cond}.",
        "A beteg {date2} napján jelentkezett, felvételi diagnózis: {cond}.",
        "Felvétel: {date2}, {ward}; fő diagnózis: {cond}, kísérő betegség: {cond2}.",
        "Anamnézisében {cond2} szerepel; jelenleg {cond} miatt kezeljük.",
    ],
    "therapy": [
        "Javasolt terápia: {med}, {n} napig.",
        "Elbocsátáskor szedendő: {med}.",
        "Terápia: {med} naponta kétszer; kontroll {n} hét múlva.",
        "A beteg továbbra is szedi: {med}.",
    ],
    "followup": [
        "Kontroll: {dr.title} {dr.name}, {fac}, {n} hét múlva.",
        "Kontrollvizsgálat {n} napon belül, helye: {fac}.",
        "Kérdés esetén a kezelőorvos ({dr.title} {dr.name}) a {org.phone} számon érhető el.",
        "Ambuláns kontroll javasolt {n} napon belül; ellátó orvos: {dr.title} {dr.name}.",
    ],
    "refer": [
        "{p.name} (szül.: {p.dob}) szakorvosi vizsgálatát kérem, diagnózis: {cond}.",
        "Panaszai {date2} óta állnak fenn, munkadiagnózis: {cond}.",
        "{p.first} jelenleg szedi: {med}.",
        "Kérem a beteg kivizsgálását és a további kezelés javaslatát, dg.: {cond}.",
    ],
    "lab_note": [
        "Leletet hitelesítette: {dr.title} {dr.name}, {date}",
        "Mintavétel: {date2}",
        "A referenciatartományon kívüli értékeket *-gal jelöltük.",
        "Kiállítva: {date}, laboratórium: {fac}.",
    ],
    "party_org": [
        "{org.name} (székhely: {org.address}, közösségi adószám: {org.cid}, képviseli: {q.name} ügyvezető), "
        "a továbbiakban: Szolgáltató",
        "{org.name}, {org.address}, adószám: {org.cid}, bankszámlaszám: {org.iban}, a továbbiakban: Eladó",
        "a(z) {org.name} (székhely: {org.address}, EU adószám: {org.cid})",
    ],
    "party_person": [
        "{p.name} (születési idő: {p.dob}, lakcím: {p.address}, azonosító: {p.nid}), a továbbiakban: Megrendelő",
        "{p.name}, lakcím: {p.address}, telefon: {p.phone}, e-mail: {p.email}",
        "{p.name} (azonosító: {p.nid}, lakcím: {p.address}, bankszámlaszám: {p.iban})",
    ],
    "contract_object": [
        "A Szolgáltató vállalja a(z) {n}. számú mellékletben részletezett szolgáltatások nyújtását.",
        "A szerződés {date2} napján lép hatályba, és {n} hónapig tart.",
        "A havi díj {amount} Ft + ÁFA.",
        "A teljesítés határideje: {date2}",
    ],
    "contract_pay": [
        "A díjat a(z) {org.iban} számú bankszámlára kell átutalni a számla kézhezvételétől számított {n} napon belül.",
        "A Megrendelő hozzájárul a(z) {p.iban} számú számlája csoportos beszedéssel történő megterheléséhez.",
        "A bérleti díj minden hónap 10. napjáig esedékes, a(z) {org.iban} számú számlára.",
    ],
    "contract_court": [
        "A felek jogvitáik elbírálására kikötik a következő bíróság illetékességét: {court}.",
        "A szerződésben nem szabályozott kérdésekben irányadó jogszabály: {statute}.",
        "Jogvita esetén eljáró bíróság: {court}.",
    ],
    "signed": [
        "Kelt: {city}, {date}",
        "{city}, {date}",
        "Készült {date} napján, két eredeti példányban.",
        "Kelt {city}, {date}",
    ],
    "judg_intro": [
        "{court} a(z) {case} számú ügyben {date} napján meghozta a következő ítéletet:",
        "Ügyszám: {case} – {court}; eljáró bíró: {r.name}; kelt: {date}",
        "{court} (tanácselnök: {r.name}) a {date} napján tartott tárgyaláson a(z) {case} számú ügyben az alábbi "
        "ítéletet hozta:",
    ],
    "judg_facts": [
        "A felperes, {p.name} (szül.: {p.dob}, lakcím: {p.address}) {date2} napján keresetet nyújtott be.",
        "Az alperes ({org.name}) {date2} napján felmondta a szerződést; hivatkozási alap: {statute}.",
        "A felperes jogi képviselője: dr. {q.name} ügyvéd.",
        "A felperes azonosítója: {p.nid}.",
    ],
    "judg_ruling": [
        "A bíróság a keresetet elutasítja, és kötelezi a felperest a perköltség megfizetésére.",
        "A bíróság kötelezi az alperest ({org.name}), hogy fizessen meg a felperesnek ({p.name}) {amount} Ft-ot "
        "{n} napon belül.",
        "A bíróság a {date3} napján kelt határozatot hatályon kívül helyezi.",
    ],
    "act_recital": [
        "Jogalap: {statute};",
        "{p.name} kérelmére, amelyet {date2} napján nyújtott be,",
        "Tekintettel arra, hogy a következő jogszabály feltételei teljesülnek: {statute},",
    ],
    "act_article": [
        "A hatóság az engedélyt megadja. Jogosult: {p.name}, szül.: {p.dob}, azonosító: {p.nid}.",
        "A hatóság {org.name} (adószám: {org.cid}) ügyfelet {amount} Ft bírság megfizetésére kötelezi.",
        "A határozatot kapja: {p.name}, {p.address}",
    ],
    "act_done": ["Kelt: {city}, {date}", "Ez a határozat {date} napján lép hatályba.", "{city}, {date}"],
    "gdpr_body": [
        "{date2} napján kelt kérelmére tájékoztatjuk az Önről kezelt személyes adatokról, és megküldjük azok másolatát.",
        "Jogalap: {statute}; az alábbi adatokat kezeljük Önről.",
        "Kérelmét {date2} napján vettük át, és egy hónapon belül megválaszoljuk.",
    ],
    "gdpr_data": [
        "Az adatokat a(z) {p.acct} ügyfélszám alapján azonosítottuk.",
        "Adatait online is ellenőrizheti: {org.url}",
        "Kérdés esetén írjon adatvédelmi tisztviselőnknek: {org.email}",
        "Panaszával a Nemzeti Adatvédelmi és Információszabadság Hatósághoz fordulhat.",
    ],
    "poa_body": [
        "Alulírott {p.name} (születési idő: {p.dob}; azonosító: {p.nid}; lakcím: {p.address}) meghatalmazottként "
        "megjelölöm: {q.name} (szül.: {q.dob}), aki helyettem eljár a következő szervnél: {body}.",
        "A meghatalmazott eljárhat a következő bíróság előtt is: {court}.",
        "A meghatalmazás {date} napjáig érvényes.",
    ],
    "decl_body": [
        "Alulírott {p.name} (születési hely, idő: {p.birthplace}, {p.dob}; lakcím: {p.address}) büntetőjogi "
        "felelősségem tudatában kijelentem, hogy a közölt adatok a valóságnak megfelelnek.",
        "Tudomásul veszem, hogy a valótlan adatközlés jogkövetkezményeit a következő jogszabály rendezi: {statute}.",
        "Kijelentem, hogy köztartozásom nincs (nyilvántartó szerv: {body}).",
    ],
    "letter_body": [
        "Tájékoztatjuk, hogy {date2} napján kelt kérelmét {case} iktatószámon nyilvántartásba vettük.",
        "Ügyintéző: {q.name}.",
        "Kérjük, a hiányzó dokumentumokat {n} napon belül pótolja.",
        "A döntés ellen a közléstől számított 15 napon belül fellebbezésnek van helye.",
    ],
    "letter_contact": [
        "További információ: {org.phone}, {org.email}.",
        "Ügyfélfogadás: hétfő 8:00–18:00, szerda 8:00–16:30, péntek 8:00–12:00.",
    ],
    "email_body": [
        "Köszi az üzenetet, a {q.phone} számon elérsz.",
        "Kérlek, az aláírt szerződést küldd el a(z) {q.email} címre {date} napjáig.",
        "Csatolom a dokumentumokat (ügyfél: {p.name}); a megbeszélés időpontja: {date2}",
        "{p.first} visszaigazolta a {date2} időpontot.",
    ],
    "chat": [
        "szia, {p.first} vagyok, új számom van: {p.phone}",
        "ok, akkor {date2} találkozunk",
        "elküldöd e-mailben? az enyém: {p.email}",
        "a cím: {p.address}",
        "oké, köszi!",
        "10 perc és ott vagyok",
    ],
    "ticket_body": [
        "Ügyfelünk, {p.name} (ügyfélszám: {p.acct}) jelezte, hogy {date2} óta nem tud bejelentkezni.",
        "A(z) {p.user} felhasználó nem tudja visszaállítani a jelszavát; utolsó bejelentkezés IP-címe: {p.ip}.",
        "A(z) {p.card} számú kártyával történő fizetés kétszer is sikertelen volt.",
    ],
    "ticket_secret": [
        "Ideiglenes jelszó: {p.pwd} – kérjük, első belépéskor változtassa meg.",
        "Kérjük, ne másolja be az API-kulcsot ({apikey}) a hibajegybe.",
        "Új token: {apikey}",
    ],
    "invoice_pay": [
        "Fizetési határidő: {n} nap, bankszámlaszám: {org.iban}.",
        "Közlemény: {ref}.",
        "Számlával kapcsolatos kérdések: {org.email}",
        "Fizetési mód: átutalás.",
    ],
    "hospital_fmts": [
        "Semmelweis Egyetem Belgyógyászati Klinika",
        "Szent János Kórház",
        "Péterfy Sándor utcai Kórház",
        "Debreceni Egyetem Klinikai Központ",
        "Szegedi Tudományegyetem Szent-Györgyi Albert Klinikai Központ",
        "Pécsi Tudományegyetem Klinikai Központ",
        "Markusovszky Egyetemi Oktatókórház",
        "Bács-Kiskun Vármegyei Oktatókórház",
    ],
    "court_fmts": [
        "Fővárosi Törvényszék",
        "Budai Központi Kerületi Bíróság",
        "Pesti Központi Kerületi Bíróság",
        "Debreceni Törvényszék",
        "Miskolci Törvényszék",
        "Szegedi Járásbíróság",
        "Győri Járásbíróság",
        "Fővárosi Ítélőtábla",
        "Pécsi Ítélőtábla",
        "Kúria",
    ],
    "statute_fmts": [
        "Ptk. 6:{n}. §",
        "Mt. {n}. § ({n2}) bekezdés",
        "GDPR 15. cikk",
        "Infotv. {n2}. §",
        "Btk. 345. §",
        "2011. évi CXII. törvény",
        "Ákr. {n}. §",
    ],
    "case_fmts": [
        "P.2#.###/{year}",
        "{n2}.P.20.###/{year}",
        "Gf.40.###/{year}",
        "Pf.2#.###/{year}",
        "BP/##/####-#/{year}",
    ],
    "mrn_fmts": ["{year}/######", "#########", "KL-######"],
    "conditions": "2-es típusú cukorbetegség, magas vérnyomás, közösségben szerzett tüdőgyulladás, asztma, COPD, "
    "pitvarfibrilláció, krónikus vesebetegség, migrén, depresszió, vashiányos vérszegénység, krónikus gyomorhurut, "
    "pajzsmirigy-alulműködés, isiász, térdízületi kopás, akut hörghurut",
    "medications": "metformin 500 mg, ramipril 5 mg, atorvasztatin 20 mg, szalbutamol spray, apixabán 5 mg, "
    "pantoprazol 40 mg, amoxicillin 1 g, levotiroxin 50 µg, szertralin 50 mg, paracetamol 500 mg",
    "wards": "Belgyógyászati Osztály, Kardiológiai Osztály, Tüdőgyógyászati Osztály, Általános Sebészeti Osztály, "
    "Ortopédiai Osztály, Neurológiai Osztály, Intenzív Terápiás Osztály",
    "lab_tests": "Hemoglobin|g/l|120|160, Fehérvérsejtszám|G/l|4|10, Vérlemezkeszám|G/l|150|400, "
    "Nátrium|mmol/l|135|145, Kálium|mmol/l|3.5|5.1, Kreatinin|umol/l|62|106, CRP|mg/l|0|5, Glükóz|mmol/l|3.9|6.1, "
    "TSH|mU/l|0.3|4.2",
    "jobs": "könyvelő, programozó, ápoló, értékesítési vezető, tanár, projektvezető, villanyszerelő, "
    "ügyfélszolgálati munkatárs, adatelemző, gyógyszerész",
    "products": "Tanácsadási szolgáltatás, Havi előfizetés, Irodai szék, Nyomtatópatron, Szoftverlicenc, Szervizdíj, "
    "Szállítás",
    "public_bodies": "Nemzeti Adó- és Vámhivatal, Nemzeti Adatvédelmi és Információszabadság Hatóság, Nemzeti "
    "Egészségbiztosítási Alapkezelő, Magyar Államkincstár, Budapest Főváros Kormányhivatala, Belügyminisztérium, "
    "Okmányiroda",
    "org_words": "Duna, Tisza, Balaton, Mátra, Pannon, Hungária, Bakony, Tokaj, Alföld, Zemplén",
    "org_suffixes": "Kft., Zrt., Nyrt., Bt.",
    "schools": "Eötvös Loránd Tudományegyetem, Budapesti Műszaki és Gazdaságtudományi Egyetem, Debreceni Egyetem, "
    "Szegedi Tudományegyetem, Corvinus Egyetem",
    "currency": "Ft",
    "mail_headers": ["Feladó|Címzett|Dátum", "Küldő|Címzett|Elküldve"],
    "article": ["{a}. §", "{a}. cikk"],
}
