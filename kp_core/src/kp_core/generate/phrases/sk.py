"""Slovak document vocabulary.

Slovak addresses people in the nominative ("Vážený pán Kováč,"), so greetings carry names; in
running text every slot sits where the nominative is correct (subject, apposition after a colon
or comma, parenthesis). Counted nouns follow "do"/"počas" (genitive plural for every number).
"""

PHRASES = {
    "name": ["Meno a priezvisko", "Priezvisko a meno", "Meno", "Titul, meno, priezvisko"],
    "patient": ["Pacient", "Meno pacienta", "Pacient/ka", "Priezvisko a meno pacienta"],
    "dob": ["Dátum narodenia", "Nar.", "Narodený(á)"],
    "address": ["Adresa", "Trvalý pobyt", "Bydlisko", "Korešpondenčná adresa", "Adresa trvalého pobytu"],
    "phone": ["Telefón", "Tel.", "Mobil", "Tel. č."],
    "email": ["E-mail", "Email", "E-mailová adresa"],
    "nid": ["Rodné číslo", "RČ", "Rod. č."],
    "iban": ["Číslo účtu (IBAN)", "IBAN", "Bankové spojenie"],
    "customer": ["Zákaznícke číslo", "Číslo zákazníka", "Klientske číslo", "Číslo zmluvy"],
    "username": ["Používateľské meno", "Login", "Prihlasovacie meno"],
    "password": ["Heslo", "Dočasné heslo", "PIN"],
    "date": ["Dátum", "Dňa", "Dátum vystavenia"],
    "mrn": ["Číslo chorobopisu", "Č. chorobopisu", "Číslo zdravotnej dokumentácie"],
    "diagnosis": ["Diagnóza", "Hlavná diagnóza", "Dg.", "Diagnóza pri prepustení"],
    "medication": ["Medikácia", "Odporúčaná medikácia", "Liečba pri prepustení"],
    "doctor": ["Ošetrujúci lekár", "Prepúšťajúci lekár", "Primár", "Vypracoval"],
    "hospital": ["Nemocnica", "Zdravotnícke zariadenie", "Pracovisko"],
    "company_id": ["IČO", "IČO", "Identifikačné číslo organizácie"],
    "case_no": ["Č. j.", "Sp. zn.", "Naša značka", "Číslo spisu"],
    "subject": ["Vec", "Predmet"],
    "website": ["Web", "Webová stránka", "www"],
    "signature": ["Podpis", "Podpis žiadateľa", "Vlastnoručný podpis"],
    "place": ["Miesto narodenia", "Obec narodenia"],
    "total": ["Celkom na úhradu", "Spolu", "K úhrade"],
    "card": ["Číslo karty", "Platobná karta", "Karta č."],
    "ip": ["IP adresa", "IP", "Posledné prihlásenie z"],
    "h_discharge": ["Prepúšťacia správa", "Lekárska prepúšťacia správa", "Epikríza", "Správa o hospitalizácii"],
    "h_referral": [
        "Výmenný lístok",
        "Žiadanka o vyšetrenie",
        "Odporúčanie na konziliárne vyšetrenie",
        "Návrh na prijatie",
    ],
    "h_lab": ["Výsledky laboratórneho vyšetrenia", "Laboratórny nález", "Biochémia a hematológia"],
    "h_contract": [
        "Zmluva o poskytovaní služieb",
        "Nájomná zmluva",
        "Pracovná zmluva",
        "Zmluva o dielo",
        "Kúpna zmluva",
    ],
    "h_judgment": ["Rozsudok", "Uznesenie", "Rozsudok v mene Slovenskej republiky"],
    "h_act": ["Rozhodnutie", "Nariadenie", "Vyhláška", "Všeobecne záväzné nariadenie"],
    "h_gdpr": [
        "Odpoveď na žiadosť o prístup k osobným údajom",
        "Vybavenie žiadosti podľa čl. 15 GDPR",
        "Informácia o spracúvaní osobných údajov",
    ],
    "h_poa": ["Plnomocenstvo", "Splnomocnenie", "Generálne plnomocenstvo"],
    "h_declaration": ["Čestné vyhlásenie", "Vyhlásenie", "Čestné vyhlásenie o bezdlžnosti"],
    "h_form": ["Žiadosť", "Prihláška", "Žiadosť o zmenu údajov", "Tlačivo"],
    "h_invoice": ["Faktúra", "Faktúra – daňový doklad", "Zálohová faktúra", "Príjmový doklad"],
    "h_cv": ["Životopis", "Curriculum vitae", "Štruktúrovaný životopis"],
    "h_ticket": ["Požiadavka na podporu", "Hlásenie incidentu", "Reklamácia", "Servisná požiadavka"],
    "h_experience": ["Pracovné skúsenosti", "Prax", "Odborná prax"],
    "h_education": ["Vzdelanie", "Vzdelanie a kurzy"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": ["Vážená pani kolegyňa, vážený pán kolega,", "Milí kolegovia,"],
    "greet": [
        "Dobrý deň,",
        "Vážen<<ý pán|á pani>> {p.last},",
        "Dobrý deň, {p.name},",
        "Ahoj {p.first},",
        "Vážen<<ý zákazník|á zákazníčka>>,",
    ],
    "closing": ["S pozdravom", "S pozdravom,", "S úctou", "Ďakujem a prajem pekný deň", "Pekný deň"],
    "admit": [
        "{p.name} bol<<|a>> prijat<<ý|á>> dňa {date2} s dg. {cond}.",
        "Pacient<<|ka>> sa dostavil<<|a>> dňa {date2} pre ťažkosti, vstupná dg.: {cond}.",
        "Dňa {date2} prijat<<ý|á>> na {ward} na hospitalizáciu pre dg. {cond}, v anamnéze {cond2}.",
        "Prijatie {date2}, hlavná dg.: {cond}; vedľajšia dg.: {cond2}.",
    ],
    "therapy": [
        "Nasadená liečba: {med}, pokračovať počas {n} dní.",
        "Prepúšťa sa s medikáciou: {med}.",
        "Odporúčané: {med} 2× denne, kontrola v intervale {n} týždňov.",
        "Pacient<<|ka>> naďalej užíva {med}.",
    ],
    "followup": [
        "Ďalšia kontrola – {dr.title} {dr.name}, {fac}, do {n} dní.",
        "Kontrolné vyšetrenie zabezpečí {fac} do {n} dní.",
        "V prípade otázok kontaktujte ošetrujúceho lekára ({dr.title} {dr.name}) na tel. č. {org.phone}.",
        "Odporúčaná kontrola v ambulancii, ktorú vedie {dr.title} {dr.name}, do {n} dní.",
    ],
    "refer": [
        "Pacient<<|ka>> {p.name}, nar. {p.dob}, odoslan<<ý|á>> na konziliárne vyšetrenie pre dg. {cond}.",
        "Ťažkosti trvajú od {date2}, dg.: {cond}.",
        "{p.first} t. č. užíva {med}.",
        "Prosím o vyšetrenie a odporúčanie ďalšej liečby, pracovná dg.: {cond}.",
    ],
    "lab_note": [
        "Výsledky overené: {dr.title} {dr.name}, {date}.",
        "Odber vykonaný dňa {date2}.",
        "Hodnoty mimo referenčného rozmedzia sú označené *.",
        "Vydané {date}, laboratórium: {fac}.",
    ],
    "party_org": [
        "{org.name}, so sídlom {org.address}, IČO {org.cid}, za ktorú koná {q.name}, konateľ (ďalej len „poskytovateľ“)",
        "{org.name}, {org.address}, IČO: {org.cid}, bankové spojenie {org.iban} (ďalej len „dodávateľ“)",
        "obchodná spoločnosť {org.name}, sídlo: {org.address}, IČO {org.cid}",
    ],
    "party_person": [
        "{p.name}, nar. {p.dob}, trvale bytom {p.address}, r. č. {p.nid} (ďalej len „objednávateľ“)",
        "{p.hon} {p.name}, bydlisko: {p.address}, tel. {p.phone}, e-mail {p.email}",
        "{p.name}, rodné číslo {p.nid}, bytom {p.address}, č. ú. {p.iban}",
    ],
    "contract_object": [
        "Poskytovateľ sa zaväzuje poskytovať služby špecifikované v prílohe č. {n} tejto zmluvy.",
        "Zmluva sa uzatvára na dobu {n} mesiacov odo dňa {date2}.",
        "Mesačná odmena je {amount} EUR vrátane DPH.",
        "Dielo bude odovzdané najneskôr do {date2}.",
    ],
    "contract_pay": [
        "Platba bude uhradená bezhotovostne na účet {org.iban} do {n} dní odo dňa doručenia faktúry.",
        "Objednávateľ súhlasí s inkasom z účtu {p.iban}.",
        "Nájomné je splatné vždy k 15. dňu kalendárneho mesiaca na účet {org.iban}.",
    ],
    "contract_court": [
        "Prípadné spory rozhoduje {court}.",
        "Práva a povinnosti neupravené touto zmluvou sa riadia ustanovením {statute}.",
        "Zmluvné strany sa dohodli, že miestne príslušným súdom je {court}.",
    ],
    "signed": [
        "{city} dňa {date}",
        "{city}, {date}",
        "Vyhotovené dňa {date} v dvoch rovnopisoch.",
        "Miesto a dátum podpisu: {city}, {date}",
    ],
    "judg_intro": [
        "{court} rozhodol v právnej veci sp. zn. {case} dňa {date} takto:",
        "Sp. zn. {case} – {court}, predseda senátu: {r.name}, rozhodol dňa {date} takto:",
        "{court} prejednal dňa {date} vec vedenú pod sp. zn. {case}; samosudca: {r.name}.",
    ],
    "judg_facts": [
        "Žalob<<ca|kyňa>> {p.name}, nar. {p.dob}, bytom {p.address}, podal<<|a>> žalobu dňa {date2}.",
        "Dňa {date2} žalovaná {org.name} vypovedala zmluvu s odkazom na {statute}.",
        "Žalob<<cu|kyňu>> zastupoval advokát {q.name}.",
        "Rodné číslo žalob<<cu|kyne>>: {p.nid}.",
    ],
    "judg_ruling": [
        "Žaloba sa zamieta a žalob<<ca je povinný|kyňa je povinná>> nahradiť žalovanej trovy konania.",
        "Žalovaná {org.name} je povinná zaplatiť žalob<<covi|kyni>> ({p.name}) sumu {amount} EUR do {n} dní "
        "od právoplatnosti rozsudku.",
        "Rozsudok zo dňa {date3} sa zrušuje.",
    ],
    "act_recital": [
        "Podľa {statute},",
        "Na základe žiadosti, ktorú dňa {date2} podal<<|a>> {p.name},",
        "Vzhľadom na to, že sú splnené podmienky ustanovené v {statute},",
    ],
    "act_article": [
        "Povolenie sa udeľuje: {p.name}, nar. {p.dob}, r. č. {p.nid}.",
        "Spoločnosti {org.name}, IČO {org.cid}, sa ukladá pokuta vo výške {amount} EUR.",
        "Rozhodnutie sa doručuje: {p.name}, {p.address}.",
    ],
    "act_done": ["{city} dňa {date}", "Toto rozhodnutie nadobúda účinnosť dňom {date}.", "Vydané: {city}, {date}"],
    "gdpr_body": [
        "V nadväznosti na Vašu žiadosť zo dňa {date2} Vám zasielame kópiu osobných údajov, ktoré o Vás spracúvame.",
        "V súlade s {statute} potvrdzujeme, že spracúvame nižšie uvedené údaje.",
        "Vašu žiadosť sme prijali dňa {date2} a vybavujeme ju v lehote jedného mesiaca.",
    ],
    "gdpr_data": [
        "Údaje boli vyhľadané podľa zákazníckeho čísla {p.acct}.",
        "Svoje údaje si môžete skontrolovať aj na {org.url}.",
        "S otázkami sa môžete obrátiť na zodpovednú osobu: {org.email}.",
        "Ak nie ste s vybavením spokojn<<ý|á>>, môžete podať návrh na začatie konania na Úrad na ochranu "
        "osobných údajov Slovenskej republiky.",
    ],
    "poa_body": [
        "Ja, dolu podpísan<<ý|á>> {p.name}, nar. {p.dob}, r. č. {p.nid}, bytom {p.address}, týmto splnomocňujem "
        "splnomocnenca: {q.name}, nar. {q.dob}, na zastupovanie vo všetkých úkonoch (orgán: {body}).",
        "Splnomocnenec je oprávnený konať aj v konaní, ktoré vedie {court}.",
        "Toto plnomocenstvo udeľujem do {date} a splnomocnenec ho v plnom rozsahu prijíma.",
    ],
    "decl_body": [
        "Ja, dolu podpísan<<ý|á>> {p.name}, nar. {p.dob}, miesto narodenia {p.birthplace}, trvale bytom "
        "{p.address}, čestne vyhlasujem, že všetky uvedené údaje sú pravdivé.",
        "Som si vedom<<ý|á>> právnych následkov nepravdivého vyhlásenia podľa {statute}.",
        "Vyhlasujem, že nemám žiadne daňové nedoplatky (správca dane: {body}).",
    ],
    "letter_body": [
        "Oznamujeme Vám, že Vaša žiadosť zo dňa {date2} bola zaevidovaná pod č. {case}.",
        "Vašu vec vybavuje {q.name}.",
        "Žiadame Vás o doplnenie chýbajúcich dokladov do {n} dní od doručenia tohto listu.",
        "Proti tomuto rozhodnutiu sa možno odvolať do 15 dní odo dňa jeho doručenia.",
    ],
    "letter_contact": [
        "V prípade otázok nás kontaktujte na tel. č. {org.phone} alebo e-mailom na {org.email}.",
        "Úradné hodiny: Po a St 8:00–17:00, Ut a Št 8:00–15:00.",
        "Podanie je možné urobiť aj elektronicky cez ústredný portál verejnej správy.",
    ],
    "email_body": [
        "Vďaka za správu, som k zastihnutiu na čísle {q.phone}.",
        "Podpísanú zmluvu prosím pošlite na {q.email} do {date}.",
        "V prílohe posielam podklady (klient: {p.name}); stretnutie je dohodnuté na {date2}.",
        "{p.first} potvrdil<<|a>> termín {date2}, takže to platí.",
    ],
    "chat": [
        "ahoj, tu {p.first}, mám nové číslo {p.phone}",
        "ok, tak sa vidíme {date2}",
        "pošleš mi mail? môj je {p.email}",
        "adresa je {p.address}",
        "jasné, vďaka!",
        "budem tam o 10 minút",
    ],
    "ticket_body": [
        "Zákazník {p.name} (zákaznícke číslo {p.acct}) hlási, že od {date2} nefunguje prihlásenie.",
        "Používateľ {p.user} si nemôže obnoviť heslo; posledné prihlásenie z IP {p.ip}.",
        "Platba kartou {p.card} bola dvakrát zamietnutá.",
    ],
    "ticket_secret": [
        "Nastavili sme dočasné heslo {p.pwd}, po prihlásení ho prosím zmeňte.",
        "Prosím nevkladajte API kľúč {apikey} do tiketov.",
        "Nový token: {apikey}",
    ],
    "invoice_pay": [
        "Splatnosť {n} dní, číslo účtu {org.iban}.",
        "Variabilný symbol: {ref}.",
        "Otázky k faktúre: {org.email}",
        "Dodávateľ je zapísaný v obchodnom registri.",
    ],
    "hospital_fmts": [
        "Fakultná nemocnica {city}",
        "Nemocnica {city}",
        "Všeobecná nemocnica {city}",
        "Univerzitná nemocnica Bratislava",
        "Univerzitná nemocnica L. Pasteura Košice",
        "Národný ústav srdcových a cievnych chorôb",
    ],
    "court_fmts": [
        "Okresný súd {city}",
        "Okresný súd Bratislava I",
        "Okresný súd Košice II",
        "Krajský súd v Bratislave",
        "Krajský súd v Košiciach",
        "Krajský súd v Žiline",
        "Krajský súd v Nitre",
        "Krajský súd v Prešove",
        "Najvyšší súd Slovenskej republiky",
        "Ústavný súd Slovenskej republiky",
    ],
    "statute_fmts": [
        "§ {n} Občianskeho zákonníka",
        "§ {n} ods. {n2} zákona č. 18/2018 Z. z.",
        "§ {n} Zákonníka práce",
        "čl. {n2} ods. 1 nariadenia (EÚ) 2016/679",
        "čl. 15 GDPR",
        "§ {n2} zákona č. 71/1967 Zb. o správnom konaní",
        "§ 221 Trestného zákona",
    ],
    "case_fmts": [
        "{n2}C/{n}/{year}",
        "{n2}Co/{n}/{year}",
        "{n2}T/{n}/{year}",
        "OU-BA-OVVS#-{year}/######",
        "{n}/{year}",
    ],
    "mrn_fmts": ["{year}/#####", "######", "CH-#######"],
    "conditions": "diabetes mellitus 2. typu, artériová hypertenzia, komunitná pneumónia, asthma bronchiale, CHOCHP, "
    "fibrilácia predsiení, chronická choroba obličiek, migréna, depresia, sideropenická anémia, chronická gastritída, "
    "hypotyreóza, lumboischiadický syndróm, gonartróza, akútna bronchitída, ischemická choroba srdca",
    "medications": "Metformin 500 mg, Ramipril 5 mg, Atorvastatín 20 mg, Ventolin inh., Eliquis 5 mg, "
    "Controloc 40 mg, Amoksiklav 1 g, Euthyrox 50 µg, Zoloft 50 mg, Paralen 500 mg",
    "wards": "Interné oddelenie, Kardiologické oddelenie, Pľúcne oddelenie, Chirurgické oddelenie, Ortopedické oddelenie, "
    "Neurologické oddelenie, Oddelenie anestéziológie a intenzívnej medicíny",
    "lab_tests": "Hemoglobín|g/l|120|170, Leukocyty|10^9/l|4|10, Trombocyty|10^9/l|150|400, Sodík|mmol/l|136|145, "
    "Draslík|mmol/l|3.5|5.1, Kreatinín|umol/l|62|106, CRP|mg/l|0|5, Glukóza|mmol/l|3.9|5.6, TSH|mU/l|0.27|4.2, "
    "Cholesterol|mmol/l|2.9|5",
    "jobs": "účtovníčka, programátor, zdravotná sestra, obchodný manažér, učiteľka, projektový manažér, elektrikár, "
    "operátor zákazníckej linky, dátový analytik, farmaceutka",
    "products": "Poradenské služby, Mesačné predplatné, Kancelárska stolička, Toner do tlačiarne, Softvérová licencia, "
    "Servisný zásah, Doprava",
    "public_bodies": "Úrad na ochranu osobných údajov Slovenskej republiky, Daňový úrad Bratislava, Sociálna poisťovňa, "
    "Všeobecná zdravotná poisťovňa, Okresný úrad Košice, Ministerstvo vnútra Slovenskej republiky, Finančná správa",
    "org_words": "Tatra, Váh, Dunaj, Hron, Fatra, Slovakia, Kriváň, Orava, Nitrava, Javorina",
    "org_suffixes": "s.r.o., a.s., spol. s r.o., v.o.s., k.s.",
    "schools": "Univerzita Komenského v Bratislave, Slovenská technická univerzita v Bratislave, Technická univerzita "
    "v Košiciach, Ekonomická univerzita v Bratislave, Žilinská univerzita v Žiline",
    "mail_headers": ["Od|Komu|Dátum", "Odosielateľ|Príjemca|Odoslané"],
    "article": ["Článok {n}", "Čl. {n}", "{n}."],
}
