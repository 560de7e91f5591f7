"""Finnish (Finland) document vocabulary.

Finnish inflects names, places and nouns by case, while slots are filled in the nominative, so
every slot stands where Finnish keeps the nominative: after a label and colon, in apposition,
as the subject, as the object of a passive ("todettiin keuhkokuume") or after an essive
("diagnoosina astma").
"""

PHRASES = {
    "name": ["Nimi", "Etu- ja sukunimi", "Hakija", "Sukunimi ja etunimet"],
    "patient": ["Potilas", "Potilaan nimi", "Asiakas"],
    "dob": ["Syntymäaika", "Syntynyt", "Synt. aika"],
    "address": ["Osoite", "Lähiosoite", "Kotiosoite", "Postiosoite"],
    "phone": ["Puhelin", "Puh.", "Matkapuhelin", "Puhelinnumero"],
    "email": ["Sähköposti", "Sähköpostiosoite", "S-posti"],
    "nid": ["Henkilötunnus", "Hetu", "HETU"],
    "iban": ["IBAN", "Tilinumero", "Pankkitili (IBAN)"],
    "customer": ["Asiakasnumero", "Asiakasnro", "Jäsennumero"],
    "username": ["Käyttäjätunnus", "Käyttäjänimi", "Tunnus"],
    "password": ["Salasana", "Väliaikainen salasana", "PIN-koodi"],
    "date": ["Päivämäärä", "Pvm", "Päiväys"],
    "mrn": ["Potilasnumero", "Hoitojakson numero", "Potilastunniste"],
    "diagnosis": ["Diagnoosi", "Päädiagnoosi", "Diagnoosit", "Tulosyy"],
    "medication": ["Lääkitys", "Kotilääkitys", "Lääkemääräys"],
    "doctor": ["Hoitava lääkäri", "Vastaava lääkäri", "Osastonlääkäri", "Erikoislääkäri"],
    "hospital": ["Sairaala", "Toimipiste", "Yksikkö"],
    "company_id": ["Y-tunnus", "Yritys- ja yhteisötunnus", "Y-tunnus"],
    "case_no": ["Diaarinumero", "Dnro", "Asianumero", "Viitteemme"],
    "subject": ["Asia", "Aihe", "ASIA"],
    "website": ["Verkkosivut", "Kotisivu", "Web"],
    "signature": ["Allekirjoitus", "Nimenselvennys", "Allekirjoittaja"],
    "place": ["Syntymäpaikka", "Kotikunta"],
    "total": ["Yhteensä", "Maksettava yhteensä", "Loppusumma"],
    "card": ["Kortin numero", "Maksukortti", "Korttinumero"],
    "ip": ["IP-osoite", "IP", "Viimeisin kirjautuminen osoitteesta"],
    "h_discharge": ["Loppulausunto", "Epikriisi", "Kotiutusohjeet ja loppulausunto"],
    "h_referral": ["Lähete", "Lähete erikoissairaanhoitoon", "Konsultaatiopyyntö"],
    "h_lab": ["Laboratoriotulokset", "Laboratoriovastaus", "Tutkimustulokset"],
    "h_contract": ["Palvelusopimus", "Vuokrasopimus", "Työsopimus", "Toimeksiantosopimus"],
    "h_judgment": ["Tuomio", "Päätös", "Käräjäoikeuden tuomio", "Hovioikeuden tuomio"],
    "h_act": ["Päätös", "Asetus", "Viranhaltijapäätös", "Lupapäätös"],
    "h_gdpr": [
        "Vastaus tietopyyntöönne",
        "Tarkastusoikeuspyyntö (EU:n tietosuoja-asetuksen 15 artikla)",
        "Henkilötietojenne käsittely",
    ],
    "h_poa": ["Valtakirja", "Valtuutus", "Yleisvaltakirja"],
    "h_declaration": ["Vakuutus", "Selvitys", "Kunniavakuutus"],
    "h_form": ["Hakemus", "Ilmoittautumislomake", "Tietojen muutosilmoitus", "Hakulomake"],
    "h_invoice": ["Lasku", "Kuitti", "Hyvityslasku"],
    "h_cv": ["Ansioluettelo", "CV"],
    "h_ticket": ["Tukipyyntö", "Vikailmoitus", "Reklamaatio", "Palvelupyyntö"],
    "h_experience": ["Työkokemus", "Työhistoria"],
    "h_education": ["Koulutus", "Opinnot"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": ["Hyvä kollega,", "Arvoisa kollega,"],
    "greet": ["Hei!", "Hei {p.first},", "Hyvä {p.name},", "Arvoisa asiakas,", "Moi {p.first}!"],
    "closing": ["Ystävällisin terveisin", "Terveisin", "Parhain terveisin", "Kunnioittavasti", "T."],
    "admit": [
        "Potilas {p.name} tuli päivystykseen {date2}. Tulosyynä {cond}.",
        "Hoitojakso: {ward}, alkaen {date2}. Diagnoosina {cond}, aiemmin todettu {cond2}.",
        "{p.age}-vuotias <<mies|nainen>>, joka hakeutui päivystykseen {date2}. Tulosyynä {cond}.",
        "Potilaalla todettiin {date2} {cond}.",
    ],
    "therapy": [
        "Lääkitys: {med}, jatketaan {n} vuorokautta.",
        "Kotiutuessa lääkityksenä {med}.",
        "Aloitettiin {med} 1 x 2; kontrolli {n} viikon kuluttua.",
        "Hoitojakson aikana aloitettu {med} jatkuu.",
    ],
    "followup": [
        "Kontrolli: {dr.title} {dr.name}, {fac}, {n} viikon kuluttua.",
        "Jatkoseuranta: {fac}, {n} vuorokauden kuluessa.",
        "Lisätietoja antaa {dr.title} {dr.name}, puh. {org.phone}.",
    ],
    "refer": [
        "Lähetteen syy: {cond}. Potilas {p.name}, synt. {p.dob}.",
        "Oireet alkaneet {date2}, epäily: {cond}.",
        "Nykylääkitys: {med}.",
        "Potilas: {p.name}. Pyydetään erikoislääkärin arviota.",
    ],
    "lab_note": [
        "Tulokset hyväksynyt {dr.title} {dr.name} {date}.",
        "Näyte otettu {date2}.",
        "Viitealueen ulkopuoliset arvot on merkitty tähdellä (*).",
    ],
    "party_org": [
        "{org.name} (Y-tunnus {org.cid}), osoite {org.address}, jota edustaa {q.name}, jäljempänä ”Palveluntarjoaja”",
        "{org.name}, {org.address}, ALV-tunniste {org.vat}, jäljempänä ”Yhtiö”",
        "{org.name}, Y-tunnus {org.cid}, kotipaikka {city}",
    ],
    "party_person": [
        "{p.name}, henkilötunnus {p.nid}, osoite {p.address}, jäljempänä ”Asiakas”",
        "{p.name}, {p.address}, puh. {p.phone}, sähköposti {p.email}",
        "{p.name}, syntynyt {p.dob}, osoite {p.address}, jäljempänä ”Vuokralainen”",
    ],
    "contract_object": [
        "Palveluntarjoaja toimittaa liitteessä {n} kuvatut palvelut.",
        "Sopimus tulee voimaan {date2} ja on voimassa {n} kuukautta.",
        "Kuukausivuokra on {amount} euroa.",
        "Kuukausipalkka on {amount} euroa.",
    ],
    "contract_pay": [
        "Maksu suoritetaan {n} päivän kuluessa laskun päiväyksestä tilille {org.iban}.",
        "Asiakas hyväksyy suoraveloituksen tililtä {p.iban}.",
    ],
    "contract_court": [
        "Riidat ratkaistaan ensimmäisenä oikeusasteena seuraavassa tuomioistuimessa: {court}.",
        "Sopimukseen sovelletaan Suomen lakia ({statute}).",
        "Oikeuspaikka: {court}.",
    ],
    "signed": [
        "{city}, {date}",
        "Allekirjoitettu kahtena samansisältöisenä kappaleena {date}.",
        "Paikka ja aika: {city} {date}",
    ],
    "judg_intro": [
        "{court}, tuomio {date}, asianumero {case}",
        "Asia: {case}. Käräjätuomari {r.name}.",
        "{court} on antanut {date} seuraavan tuomion asiassa {case}.",
    ],
    "judg_facts": [
        "Kantaja {p.name}, syntynyt {p.dob}, osoite {p.address}, nosti kanteen {date2}.",
        "Vastaaja {org.name} irtisanoi sopimuksen {date2} vedoten lainkohtaan {statute}.",
        "Kantajan avustajana toimi asianajaja {q.name}.",
        "Kantaja on ollut vastaajan palveluksessa {date3} alkaen.",
    ],
    "judg_ruling": [
        "Kanne hylätään. Kantaja velvoitetaan korvaamaan vastaajan oikeudenkäyntikulut.",
        "Vastaaja {org.name} velvoitetaan maksamaan kantajalle {amount} euroa korkoineen.",
        "Päätös {date3} kumotaan.",
        "Tuomioon saa hakea muutosta valittamalla.",
    ],
    "act_recital": [
        "Sovelletut säännökset: {statute}.",
        "Hakemus on saapunut {date2}; hakija {p.name}.",
        "Päätöksen perusteet: {statute}.",
    ],
    "act_article": [
        "{p.name} (henkilötunnus {p.nid}) saa haetun luvan.",
        "{org.name} (Y-tunnus {org.cid}) määrätään maksamaan seuraamusmaksu, jonka määrä on {amount} euroa.",
        "Päätös annetaan tiedoksi: {p.name}, {p.address}.",
        "Päätökseen saa hakea oikaisua 30 päivän kuluessa.",
    ],
    "act_done": ["{city}, {date}", "Päätös tulee voimaan {date}.", "Annettu {date}."],
    "gdpr_body": [
        "Olemme vastaanottaneet {date2} päivätyn pyyntönne saada tieto teitä koskevista henkilötiedoista.",
        "Tietosuoja-asetuksen nojalla ({statute}) vahvistamme, että käsittelemme seuraavia tietoja.",
        "Vastauksena kirjeeseenne, joka saapui {date2}, toimitamme pyytämänne tiedot.",
    ],
    "gdpr_data": [
        "Haku on tehty asiakasnumerollanne {p.acct}.",
        "Näette tietonne myös osoitteessa {org.url}.",
        "Lisätietoja antaa tietosuojavastaavamme: {org.email}.",
        "Tietoja säilytetään kirjanpitolain mukaisesti kymmenen vuotta.",
    ],
    "poa_body": [
        "Valtuuttaja: {p.name}, henkilötunnus {p.nid}, osoite {p.address}. Valtuutettu: {q.name}, syntynyt {q.dob}. "
        "Valtuutettu saa edustaa valtuuttajaa asioinnissa seuraavan viranomaisen kanssa: {body}.",
        "Valtuutettu voi edustaa minua myös tuomioistuimessa ({court}).",
        "Minä, {p.name}, osoite {p.address}, valtuutan seuraavan henkilön noutamaan kirjattuja kirjeitä "
        "puolestani: {q.name}.",
    ],
    "decl_body": [
        "Minä, {p.name}, syntynyt {p.dob}, syntymäpaikka {p.birthplace}, osoite {p.address}, vakuutan antamani "
        "tiedot oikeiksi.",
        "Olen tietoinen siitä, että väärien tietojen antaminen on rangaistavaa ({statute}).",
        "Vakuutan, että olen asunut osoitteessa {p.address} {date3} alkaen.",
    ],
    "letter_body": [
        "Hakemuksenne on saapunut {date2} ja se on kirjattu diaarinumerolla {case}.",
        "Asiaa käsittelee {q.name}.",
        "Pyydämme toimittamaan puuttuvat asiakirjat {n} päivän kuluessa.",
        "Mainitkaa yhteydenotoissa aina diaarinumero {case}.",
    ],
    "letter_contact": [
        "Lisätietoja saatte numerosta {org.phone} tai sähköpostitse osoitteesta {org.email}.",
        "Puhelinaika: arkisin klo 9–12.",
        "Lisätietoja: {org.url}.",
    ],
    "email_body": [
        "Moi {p.first}, kiitos viestistä. Minut tavoittaa numerosta {q.phone}.",
        "Lähetäthän allekirjoitetun kappaleen osoitteeseen {q.email} viimeistään {date}.",
        "Liitteenä asiakirjat ({p.name}); tapaaminen on {date2}.",
        "Voisimmeko siirtää palaverin päivälle {date}?",
    ],
    "chat": [
        "moi täällä {p.first}, uusi numero: {p.phone}",
        "ok nähdään {date2}",
        "laitatko mailia? mun osoite on {p.email}",
        "osoite on {p.address}",
        "sopii!",
        "oon siellä 10 min päästä",
        "{p.first} soittaa sulle kohta",
    ],
    "ticket_body": [
        "Asiakas {p.name} (asiakasnro {p.acct}) ilmoittaa, ettei kirjautuminen ole toiminut {date2} jälkeen.",
        "Käyttäjä {p.user} ei pysty nollaamaan salasanaa; viimeisin kirjautuminen osoitteesta {p.ip}.",
        "Maksu kortilla {p.card} on hylätty kahdesti.",
    ],
    "ticket_secret": [
        "Väliaikainen salasana: {p.pwd}, vaihda ensimmäisellä kirjautumiskerralla.",
        "Älä liitä API-avainta {apikey} tiketteihin.",
        "Uusi token: {apikey}",
    ],
    "invoice_pay": [
        "Maksuehto {n} päivää netto, tilille {org.iban}.",
        "Viitenumero: {ref}.",
        "Laskua koskevat kysymykset: {org.email}",
        "ALV-tunniste: {org.vat}",
    ],
    "hospital_fmts": [
        "Meilahden tornisairaala",
        "Tampereen yliopistollinen sairaala",
        "Oulun yliopistollinen sairaala",
        "Turun yliopistollinen keskussairaala",
        "Kuopion yliopistollinen sairaala",
        "Keski-Suomen keskussairaala",
        "Jorvin sairaala",
        "Peijaksen sairaala",
        "Satakunnan keskussairaala",
        "Lapin keskussairaala",
    ],
    "court_fmts": [
        "Helsingin käräjäoikeus",
        "Pirkanmaan käräjäoikeus",
        "Varsinais-Suomen käräjäoikeus",
        "Oulun käräjäoikeus",
        "Itä-Uudenmaan käräjäoikeus",
        "Helsingin hovioikeus",
        "Turun hovioikeus",
        "Helsingin hallinto-oikeus",
        "Markkinaoikeus",
        "Korkein oikeus",
    ],
    "statute_fmts": [
        "rikoslain 16 luvun 8 §",
        "oikeustoimilain 36 §",
        "tietosuoja-asetuksen 15 artikla",
        "työsopimuslain 7 luvun {n2} §",
        "hallintolain {n} §",
        "maakaaren 2 luvun 17 §",
        "asuinhuoneiston vuokrauksesta annetun lain {n} §",
    ],
    "case_fmts": ["L 1#/####", "R 1#/####", "S 1#/####", "{n}/{year}", "####/{year}"],
    "mrn_fmts": ["#########", "{year}-######", "HJ-#######"],
    "conditions": "tyypin 2 diabetes, verenpainetauti, keuhkokuume, astma, keuhkoahtaumatauti, eteisvärinä, "
    "krooninen munuaisten vajaatoiminta, migreeni, masennus, raudanpuuteanemia, krooninen gastriitti, "
    "kilpirauhasen vajaatoiminta, iskias, polven nivelrikko, keliakia, akuutti keuhkoputkentulehdus, "
    "sydämen vajaatoiminta",
    "medications": "metformiini 500 mg, ramipriili 5 mg, atorvastatiini 20 mg, salbutamoli-inhalaattori, "
    "apiksabaani 5 mg, pantopratsoli 40 mg, amoksisilliini 500 mg, levotyroksiini 50 mikrog, sertraliini 50 mg, "
    "parasetamoli 1 g",
    "wards": "sisätautien osasto, kardiologinen osasto, keuhkosairauksien osasto, kirurginen osasto, "
    "ortopedinen osasto, geriatrinen osasto",
    "lab_tests": "B-Hb|g/l|117|167, B-Leuk|E9/l|3.4|8.2, B-Tromb|E9/l|150|360, P-Na|mmol/l|137|145, "
    "P-K|mmol/l|3.3|4.9, P-Krea|µmol/l|50|90, P-CRP|mg/l|0|10, fP-Gluk|mmol/l|4|6, S-TSH|mU/l|0.4|4, "
    "fP-Kol|mmol/l|3|5",
    "jobs": "kirjanpitäjä, ohjelmistokehittäjä, sairaanhoitaja, myyntipäällikkö, opettaja, projektipäällikkö, "
    "sähköasentaja, asiakaspalvelija, data-analyytikko, farmaseutti",
    "products": "Konsultointipalvelut, Kuukausitilaus, Työtuoli, Värikasetti, Ohjelmistolisenssi, Huoltokäynti, "
    "Toimituskulut",
    "public_bodies": "Verohallinto, Kela, Tietosuojavaltuutetun toimisto, TE-toimisto, Digi- ja väestötietovirasto, "
    "Patentti- ja rekisterihallitus, Maahanmuuttovirasto, Traficom",
    "org_words": "Revontuli, Saimaa, Sampo, Kaleva, Pohjola, Lappi, Aalto, Kallio, Sisu, Tunturi",
    "org_suffixes": "Oy, Oy, Oyj, Ky, Ay",
    "schools": "Helsingin yliopisto, Aalto-yliopisto, Tampereen yliopisto, Turun yliopisto, Oulun yliopisto, "
    "Jyväskylän yliopisto",
    "mail_headers": ["Lähettäjä|Vastaanottaja|Päivämäärä", "Lähettäjä|Vastaanottaja|Lähetetty"],
}
