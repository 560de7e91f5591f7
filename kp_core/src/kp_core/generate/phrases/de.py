"""German (Germany) document vocabulary."""

PHRASES = {
    "name": ["Name, Vorname", "Vor- und Nachname", "Name", "Antragsteller/in"],
    "patient": ["Patient/in", "Name des Patienten", "Patient", "Versicherte/r"],
    "dob": ["Geburtsdatum", "geb. am", "Geb.-Datum", "Geboren am"],
    "address": ["Anschrift", "Wohnanschrift", "Adresse", "Straße, PLZ, Ort"],
    "phone": ["Telefon", "Tel.", "Mobil", "Telefonnummer", "Rückrufnummer"],
    "email": ["E-Mail", "E-Mail-Adresse", "Mail"],
    "nid": ["Steuer-ID", "Steuerliche Identifikationsnummer", "IdNr.", "Steuer-Identifikationsnummer"],
    "iban": ["IBAN", "Bankverbindung (IBAN)", "Kontoverbindung"],
    "customer": ["Kundennummer", "Kunden-Nr.", "Vertragskonto", "Mitgliedsnummer"],
    "username": ["Benutzername", "Login", "Benutzerkennung"],
    "password": ["Passwort", "Kennwort", "Initialpasswort", "PIN"],
    "date": ["Datum", "Ausstellungsdatum", "Stand"],
    "mrn": ["Fallnummer", "Fall-Nr.", "Patienten-ID", "Aufnahmenummer"],
    "diagnosis": ["Diagnose", "Hauptdiagnose", "Entlassdiagnose", "Diagnosen"],
    "medication": ["Medikation", "Entlassmedikation", "Aktuelle Medikation"],
    "doctor": ["Behandelnder Arzt", "Oberarzt", "Stationsarzt", "Ärztliche Leitung"],
    "hospital": ["Klinik", "Krankenhaus", "Einrichtung"],
    "company_id": ["Handelsregister", "Registernummer", "HR-Nr.", "Registergericht/Nr."],
    "case_no": ["Aktenzeichen", "Az.", "Unser Zeichen", "Vorgangsnummer"],
    "subject": ["Betreff", "Betr.", "BETREFF"],
    "website": ["Internet", "Web", "Website"],
    "signature": ["Unterschrift", "Ort, Datum, Unterschrift", "gez."],
    "place": ["Geburtsort", "Ort"],
    "total": ["Gesamtbetrag", "Rechnungsbetrag", "Summe brutto", "Zu zahlen"],
    "card": ["Kartennummer", "Kreditkarte", "Karten-Nr."],
    "ip": ["IP-Adresse", "IP", "Letzter Login von"],
    "h_discharge": ["Entlassbrief", "Arztbrief", "Vorläufiger Entlassungsbericht", "Epikrise"],
    "h_referral": ["Überweisung", "Überweisungsschein", "Konsiliaranforderung"],
    "h_lab": ["Laborbefund", "Laborbericht", "Befundbericht Labor"],
    "h_contract": ["Dienstleistungsvertrag", "Mietvertrag", "Arbeitsvertrag", "Werkvertrag"],
    "h_judgment": ["Urteil", "Beschluss", "Im Namen des Volkes", "Endurteil"],
    "h_act": ["Bescheid", "Beschluss", "Verfügung", "Entscheidung"],
    "h_gdpr": [
        "Auskunft nach Art. 15 DSGVO",
        "Ihr Auskunftsersuchen",
        "Auskunft über die zu Ihrer Person gespeicherten Daten",
    ],
    "h_poa": ["Vollmacht", "Vollmacht und Einverständniserklärung", "Generalvollmacht"],
    "h_declaration": ["Erklärung", "Eidesstattliche Versicherung", "Selbstauskunft", "Versicherung an Eides statt"],
    "h_form": ["Antrag", "Anmeldeformular", "Antrag auf Änderung der Stammdaten", "Antragsformular"],
    "h_invoice": ["Rechnung", "Rechnung Nr.", "Quittung", "Gutschrift"],
    "h_cv": ["Lebenslauf", "Tabellarischer Lebenslauf", "Curriculum Vitae"],
    "h_ticket": ["Support-Ticket", "Störungsmeldung", "Serviceanfrage", "Reklamation"],
    "h_experience": ["Berufserfahrung", "Beruflicher Werdegang"],
    "h_education": ["Ausbildung", "Schulbildung und Studium"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": [
        "Sehr geehrte Frau Kollegin, sehr geehrter Herr Kollege,",
        "Liebe Kolleginnen und Kollegen,",
        "Sehr geehrte Kolleginnen und Kollegen,",
    ],
    "greet": [
        "Sehr geehrte Damen und Herren,",
        "Sehr geehrte<<r Herr| Frau>> {p.last},",
        "Hallo {p.first},",
        "Liebe<<r|>> {p.first},",
        "Guten Tag {p.name},",
    ],
    "closing": ["Mit freundlichen Grüßen", "Freundliche Grüße", "Viele Grüße", "Beste Grüße", "Mit kollegialen Grüßen"],
    "admit": [
        "{p.name} wurde am {date2} wegen {cond} stationär aufgenommen.",
        "<<Der Patient|Die Patientin>> stellte sich am {date2} mit {cond} in unserer Notaufnahme vor.",
        "Stationäre Aufnahme am {date2} in der Klinik für {ward} bei {cond}; Vorerkrankungen: {cond2}.",
        "Wir berichten über <<Herrn|Frau>> {p.name}, geb. {p.dob}, <<der|die>> sich vom {date2} bis {date} "
        "in unserer stationären Behandlung befand.",
    ],
    "therapy": [
        "Unter Therapie mit {med} besserte sich der Zustand; Fortführung für {n} Tage.",
        "Entlassmedikation: {med} 1-0-1.",
        "Wir empfehlen {med} täglich sowie eine Kontrolle in {n} Wochen.",
        "Die Medikation mit {med} wurde neu angesetzt.",
    ],
    "followup": [
        "Wiedervorstellung bei {dr.title} {dr.name}, {fac}, in {n} Wochen.",
        "Eine Verlaufskontrolle im {fac} ist in {n} Tagen geplant.",
        "Bei Rückfragen erreichen Sie {dr.title} {dr.name} unter {org.phone}.",
    ],
    "refer": [
        "Wir überweisen {p.name}, geb. {p.dob}, mit {cond} zur fachärztlichen Mitbeurteilung.",
        "<<Der Patient|Die Patientin>> leidet seit dem {date2} an {cond}.",
        "Aktuelle Medikation von {p.name}: {med}.",
        "Bitte um Übernahme von <<Herrn|Frau>> {p.last} bei {cond}.",
    ],
    "lab_note": [
        "Befund freigegeben von {dr.title} {dr.name} am {date}.",
        "Probenentnahme am {date2}.",
        "Werte außerhalb des Referenzbereichs sind mit * markiert.",
    ],
    "party_org": [
        "{org.name}, {org.address}, eingetragen im Handelsregister unter {org.cid}, vertreten durch "
        "den Geschäftsführer {q.name}, nachfolgend „Auftragnehmer“",
        "{org.name} mit Sitz in {org.address}, USt-IdNr. {org.vat}, vertreten durch {q.name} (im Folgenden „Gesellschaft“)",
        "die {org.name}, {org.address}, Registernummer {org.cid}",
    ],
    "party_person": [
        "{p.hon} {p.name}, geboren am {p.dob}, wohnhaft {p.address}, Steuer-ID {p.nid}, nachfolgend „Auftraggeber<<|in>>“",
        "{p.name}, {p.address}, Tel. {p.phone}, E-Mail {p.email}",
        "{p.name}, geb. {p.dob}, {p.address} (Mieter<<|in>>)",
    ],
    "contract_object": [
        "Der Auftragnehmer erbringt die in Anlage {n} beschriebenen Leistungen.",
        "Der Vertrag beginnt am {date2} und wird für {n} Monate geschlossen.",
        "Die monatliche Vergütung beträgt {amount} EUR zuzüglich der gesetzlichen Umsatzsteuer.",
        "Die Kaltmiete beträgt monatlich {amount} EUR; die Kaution beträgt drei Monatsmieten.",
    ],
    "contract_pay": [
        "Zahlungen erfolgen innerhalb von {n} Tagen nach Rechnungsstellung auf das Konto {org.iban}.",
        "Der Auftraggeber erteilt ein SEPA-Lastschriftmandat für das Konto {p.iban}.",
        "Die Miete ist bis zum dritten Werktag eines Monats auf das Konto {org.iban} zu überweisen.",
    ],
    "contract_court": [
        "Gerichtsstand ist das {court}.",
        "Im Übrigen gilt {statute}.",
        "Für Streitigkeiten aus diesem Vertrag ist das {court} zuständig.",
    ],
    "signed": [
        "{city}, den {date}",
        "Unterzeichnet in {city} am {date}.",
        "Ausgefertigt in zwei Exemplaren am {date}.",
    ],
    "judg_intro": [
        "Das {court} hat unter Vorsitz von {r.name} auf die mündliche Verhandlung vom {date} für Recht erkannt:",
        "In dem Rechtsstreit {case} vor dem {court}:",
        "Az. {case} – {court} – Verkündet am {date}",
    ],
    "judg_facts": [
        "<<Der Kläger|Die Klägerin>> {p.name}, geboren am {p.dob}, wohnhaft {p.address}, erhob am {date2} Klage.",
        "Die Beklagte, die {org.name}, kündigte den Vertrag am {date2} unter Berufung auf {statute}.",
        "<<Der Kläger|Die Klägerin>> wird vertreten durch RA {q.name}.",
        "<<Der Kläger|Die Klägerin>> ist seit dem {date3} bei der Beklagten beschäftigt.",
    ],
    "judg_ruling": [
        "Die Klage wird abgewiesen. <<Der Kläger|Die Klägerin>> trägt die Kosten des Rechtsstreits.",
        "Die Beklagte wird verurteilt, an {p.name} {amount} EUR nebst Zinsen zu zahlen.",
        "Der Beschluss vom {date3} wird aufgehoben.",
        "Das Urteil ist gegen Sicherheitsleistung vorläufig vollstreckbar.",
    ],
    "act_recital": [
        "Gemäß {statute} ergeht folgender Bescheid:",
        "Auf Ihren Antrag vom {date2} ergeht folgende Entscheidung:",
        "Gestützt auf {statute} wird Folgendes verfügt:",
    ],
    "act_article": [
        "{p.name}, geboren am {p.dob}, Steuer-ID {p.nid}, wird die beantragte Genehmigung erteilt.",
        "Gegen die {org.name}, USt-IdNr. {org.vat}, wird ein Bußgeld in Höhe von {amount} EUR festgesetzt.",
        "Dieser Bescheid wird {p.name}, {p.address}, zugestellt.",
        "Die sofortige Vollziehung wird angeordnet.",
    ],
    "act_done": ["{city}, den {date}", "Geschehen zu {city} am {date}.", "Dieser Bescheid wird am {date} wirksam."],
    "gdpr_body": [
        "wir beziehen uns auf Ihre Anfrage vom {date2}, mit der Sie Auskunft über die zu Ihrer Person "
        "gespeicherten Daten verlangt haben.",
        "gemäß {statute} teilen wir Ihnen mit, dass wir folgende personenbezogene Daten verarbeiten.",
        "vielen Dank für Ihr Schreiben vom {date2}; nachstehend erhalten Sie die gewünschte Auskunft.",
    ],
    "gdpr_data": [
        "Die Prüfung erfolgte anhand Ihrer Kundennummer {p.acct}.",
        "Ihre Daten können Sie auch online unter {org.url} einsehen.",
        "Bei Fragen wenden Sie sich an unseren Datenschutzbeauftragten: {org.email}.",
        "Die Daten werden zehn Jahre nach Vertragsende gelöscht.",
    ],
    "poa_body": [
        "Hiermit bevollmächtige ich, {p.name}, geboren am {p.dob}, wohnhaft {p.address}, Steuer-ID {p.nid}, "
        "{q.name}, geboren am {q.dob}, mich in allen Angelegenheiten gegenüber der Behörde ({body}) zu vertreten.",
        "Die Vollmacht berechtigt auch zur Vertretung vor dem {court}.",
        "Ich, {p.name}, {p.address}, erteile {q.name} Vollmacht, Post für mich entgegenzunehmen.",
    ],
    "decl_body": [
        "Ich, {p.name}, geboren am {p.dob} in {p.birthplace}, wohnhaft {p.address}, versichere hiermit, "
        "dass meine Angaben vollständig und wahrheitsgemäß sind.",
        "Mir ist bekannt, dass falsche Angaben nach {statute} strafbar sind.",
        "Hiermit erkläre ich, {p.name}, dass ich seit dem {date3} unter der Anschrift {p.address} gemeldet bin.",
    ],
    "letter_body": [
        "Ihr Antrag vom {date2} ist bei uns unter dem Aktenzeichen {case} eingegangen.",
        "Zuständige Sachbearbeitung: {q.name}.",
        "Bitte reichen Sie die fehlenden Unterlagen innerhalb von {n} Tagen nach.",
        "Bitte geben Sie bei Rückfragen stets das Aktenzeichen {case} an.",
    ],
    "letter_contact": [
        "Für Rückfragen erreichen Sie uns unter {org.phone} oder per E-Mail an {org.email}.",
        "Sprechzeiten: Mo–Fr 8:00–12:00 Uhr, Do zusätzlich 14:00–18:00 Uhr.",
        "Weitere Informationen finden Sie unter {org.url}.",
    ],
    "email_body": [
        "Hallo {p.first}, danke für deine Nachricht. Du erreichst mich unter {q.phone}.",
        "Bitte schick mir die unterschriebene Kopie bis zum {date} an {q.email}.",
        "Anbei die Unterlagen von {p.name}; der Termin ist am {date2}.",
        "Können wir das Gespräch auf den {date} verschieben?",
    ],
    "chat": [
        "hi, hier ist {p.first}, neue nummer: {p.phone}",
        "ok, sehen uns am {date2}",
        "schickst du mir die mail? meine ist {p.email}",
        "adresse ist {p.address}",
        "passt!",
        "bin in 10 min da",
        "kannst du {p.first} kurz anrufen?",
    ],
    "ticket_body": [
        "<<Kunde|Kundin>> {p.name} (Kundennr. {p.acct}) meldet, dass der Login seit dem {date2} nicht funktioniert.",
        "Benutzer {p.user} kann das Passwort nicht zurücksetzen; letzter Login von {p.ip}.",
        "Die Zahlung mit der Karte {p.card} wurde zweimal abgelehnt.",
    ],
    "ticket_secret": [
        "Temporäres Passwort gesetzt: {p.pwd} (bitte beim ersten Login ändern).",
        "Bitte keine API-Schlüssel wie {apikey} in Tickets posten.",
        "Neuer Token: {apikey}",
    ],
    "invoice_pay": [
        "Zahlbar innerhalb von {n} Tagen ohne Abzug auf {org.iban}.",
        "Verwendungszweck: {ref}.",
        "Fragen zur Rechnung: {org.email}",
        "USt-IdNr.: {org.vat}",
    ],
    "hospital_fmts": [
        "Klinikum {city}",
        "Universitätsklinikum {city}",
        "Städtisches Klinikum {city}",
        "Krankenhaus St. {saint}",
        "Evangelisches Krankenhaus {city}",
        "Kreiskrankenhaus {city}",
    ],
    "court_fmts": [
        "Amtsgericht {city}",
        "Landgericht {city}",
        "Oberlandesgericht {city}",
        "Arbeitsgericht {city}",
        "Sozialgericht {city}",
        "Bundesgerichtshof",
    ],
    "statute_fmts": [
        "§ {n} BGB",
        "Art. {n} Abs. {n2} DSGVO",
        "§ {n} SGB V",
        "§ 156 StGB",
        "§ {n} Abs. {n2} ZPO",
        "§ 35 VwVfG",
        "Art. 15 DSGVO",
        "§ {n} BDSG",
    ],
    "case_fmts": ["{n} C ###/1#", "{n} O ####/1#", "{n} Ca ###/1#", "{n} K ####/{year}", "{n} S ##/{year}"],
    "mrn_fmts": ["#########", "PID ########", "{year}-######"],
    "conditions": "Diabetes mellitus Typ 2, arterielle Hypertonie, ambulant erworbene Pneumonie, Asthma bronchiale, "
    "COPD, Vorhofflimmern, chronische Niereninsuffizienz, Migräne, depressive Episode, Eisenmangelanämie, "
    "chronische Gastritis, Hypothyreose, Lumboischialgie, Gonarthrose, Zöliakie, akute Bronchitis, Herzinsuffizienz",
    "medications": "Metformin 500 mg, Ramipril 5 mg, Atorvastatin 20 mg, Salbutamol-Spray, Apixaban 5 mg, "
    "Pantoprazol 40 mg, Amoxicillin 1000 mg, L-Thyroxin 50 µg, Sertralin 50 mg, Metamizol 500 mg, Ibuprofen 600 mg",
    "wards": "Innere Medizin, Kardiologie, Pneumologie, Allgemein- und Viszeralchirurgie, Unfallchirurgie, "
    "Gastroenterologie, Geriatrie, Neurologie",
    "lab_tests": "Hämoglobin|g/dl|12|17, Leukozyten|/nl|4|10, Thrombozyten|/nl|150|400, Natrium|mmol/l|135|145, "
    "Kalium|mmol/l|3.5|5.1, Kreatinin|mg/dl|0.6|1.2, CRP|mg/l|0|5, Glukose|mg/dl|70|110, TSH|mU/l|0.4|4, "
    "Gesamtcholesterin|mg/dl|120|200",
    "jobs": "Buchhalterin, Softwareentwickler, Gesundheits- und Krankenpfleger, Vertriebsleiterin, Lehrer, "
    "Projektmanagerin, Elektroniker, Kundenberater, Datenanalyst, Apothekerin",
    "products": "Beratungsleistungen, Monatsabo, Bürostuhl, Druckerpatrone, Softwarelizenz, Technikereinsatz, Versandkosten",
    "public_bodies": "Finanzamt, Bundeszentralamt für Steuern, Deutsche Rentenversicherung, Bundesagentur für Arbeit, "
    "Der Bundesbeauftragte für den Datenschutz und die Informationsfreiheit, Bürgeramt, Ausländerbehörde, "
    "Industrie- und Handelskammer",
    "org_words": "Nordlicht, Rhein, Alpen, Elbe, Hanse, Spree, Bavaria, Isar, Weser, Taunus",
    "org_suffixes": "GmbH, AG, GmbH & Co. KG, KG, UG (haftungsbeschränkt), e.K.",
    "schools": "Ludwig-Maximilians-Universität München, Technische Universität Berlin, Universität Hamburg, "
    "Universität Heidelberg, RWTH Aachen, Universität zu Köln",
    "mail_headers": ["Von|An|Datum", "Von|An|Gesendet"],
}
