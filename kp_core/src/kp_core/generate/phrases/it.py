"""Italian document vocabulary."""

PHRASES = {
    "name": ["Nome e cognome", "Cognome e nome", "Nominativo"],
    "patient": ["Paziente", "Nome del paziente", "Assistito"],
    "dob": ["Data di nascita", "Nato il", "Data nascita"],
    "address": ["Indirizzo", "Residenza", "Domicilio"],
    "phone": ["Telefono", "Tel.", "Cellulare", "Recapito telefonico"],
    "email": ["E-mail", "Email", "Indirizzo e-mail", "PEC"],
    "nid": ["Codice fiscale", "C.F.", "Cod. fiscale"],
    "iban": ["IBAN", "Conto IBAN", "Coordinate bancarie"],
    "customer": ["Codice cliente", "N. cliente", "Codice utenza"],
    "username": ["Nome utente", "Username", "ID utente"],
    "password": ["Password", "Password temporanea", "PIN"],
    "date": ["Data", "Data di emissione", "In data"],
    "mrn": ["N. cartella clinica", "Cartella n.", "N. nosologico"],
    "diagnosis": ["Diagnosi", "Diagnosi principale", "Diagnosi di dimissione"],
    "medication": ["Terapia", "Terapia alla dimissione", "Terapia in atto"],
    "doctor": ["Medico curante", "Medico responsabile", "Dirigente medico"],
    "hospital": ["Ospedale", "Struttura", "Presidio"],
    "company_id": ["Partita IVA", "P.IVA", "Codice fiscale/P.IVA"],
    "case_no": ["N.", "Pratica n.", "Prot. n."],
    "subject": ["Oggetto", "Rif.", "OGGETTO"],
    "website": ["Sito web", "Web", "Sito"],
    "signature": ["Firma", "Firmato", "In fede"],
    "place": ["Luogo di nascita", "Luogo"],
    "total": ["Totale", "Totale da pagare", "Totale IVA inclusa"],
    "card": ["Numero carta", "Carta n.", "Carta di pagamento"],
    "ip": ["Indirizzo IP", "IP", "Ultimo accesso da"],
    "h_discharge": ["Lettera di dimissione", "Lettera di dimissione ospedaliera", "Relazione clinica di dimissione"],
    "h_referral": ["Richiesta di consulenza specialistica", "Impegnativa", "Lettera di invio"],
    "h_lab": ["Referto di laboratorio", "Esami ematochimici", "Referto analisi"],
    "h_contract": ["Contratto di prestazione di servizi", "Contratto di locazione", "Contratto di lavoro"],
    "h_judgment": ["Sentenza", "Ordinanza", "Decreto"],
    "h_act": ["Decisione", "Provvedimento", "Determinazione"],
    "h_gdpr": [
        "Riscontro alla richiesta di accesso ai dati",
        "Risposta alla Sua istanza ex art. 15 GDPR",
        "Accesso ai dati personali",
    ],
    "h_poa": ["Procura", "Delega", "Procura speciale"],
    "h_declaration": [
        "Dichiarazione sostitutiva di certificazione",
        "Autocertificazione",
        "Dichiarazione sostitutiva dell'atto di notorietà",
    ],
    "h_form": ["Modulo di domanda", "Modulo di iscrizione", "Richiesta di variazione dati"],
    "h_invoice": ["Fattura", "Fattura elettronica", "Ricevuta"],
    "h_cv": ["Curriculum vitae", "CV"],
    "h_ticket": ["Ticket di assistenza", "Richiesta di supporto", "Segnalazione"],
    "h_experience": ["Esperienza professionale", "Esperienze lavorative"],
    "h_education": ["Istruzione e formazione", "Formazione"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": ["Gentile Collega,", "Caro Collega,", "Egregio Collega,"],
    "greet": ["Gentile {p.hon} {p.last},", "Egregio {p.name},", "Ciao {p.first},", "Spettabile cliente,"],
    "closing": ["Cordiali saluti,", "Distinti saluti,", "Un saluto,", "Grazie,"],
    "admit": [
        "{p.name} è stat<<o|a>> ricoverat<<o|a>> il {date2} per {cond}.",
        "<<Il|La>> paziente si è presentat<<o|a>> il {date2} con {cond}.",
        "Ricoverat<<o|a>> in {ward} il {date2} per {cond}; in anamnesi {cond2}.",
    ],
    "therapy": [
        "Trattat<<o|a>> con {med}, da proseguire per {n} giorni.",
        "Si dimette con {med}.",
        "Terapia: {med} due volte al giorno; controllo tra {n} settimane.",
    ],
    "followup": [
        "Controllo presso {dr.title} {dr.name}, {fac}, tra {n} settimane.",
        "Si programma visita di controllo presso {fac} entro {n} giorni.",
        "Per informazioni contattare {dr.title} {dr.name} al numero {org.phone}.",
    ],
    "refer": [
        "Si invia {p.name}, nat<<o|a>> il {p.dob}, affett<<o|a>> da {cond}, per consulenza.",
        "Invio <<il|la>> paziente per {cond}, sintomatic<<o|a>> dal {date2}.",
        "{p.first} assume attualmente {med}.",
    ],
    "lab_note": [
        "Referto validato da {dr.title} {dr.name} il {date}.",
        "Prelievo eseguito il {date2}.",
        "I valori fuori range sono contrassegnati con *.",
    ],
    "party_org": [
        "{org.name}, con sede in {org.address}, partita IVA {org.cid}, rappresentata da {q.name}",
        "{org.name}, {org.address}, P.IVA {org.cid}, di seguito la Società",
    ],
    "party_person": [
        "{p.name}, nat<<o|a>> il {p.dob}, residente in {p.address}, codice fiscale {p.nid}",
        "{p.hon} {p.name}, residente in {p.address}, telefono {p.phone}, e-mail {p.email}",
    ],
    "contract_object": [
        "Il Fornitore si impegna a prestare i servizi descritti nell'Allegato {n}.",
        "Il contratto decorre dal {date2} e ha durata di {n} mesi.",
        "Il canone mensile è pari a {amount} euro, da versare anticipatamente.",
    ],
    "contract_pay": [
        "I pagamenti avverranno sul conto {org.iban} entro {n} giorni dalla fattura.",
        "Il Cliente autorizza l'addebito diretto sul conto {p.iban}.",
    ],
    "contract_court": [
        "Per ogni controversia è competente il {court}.",
        "Il contratto è regolato dal {statute}; foro competente {p.city}.",
    ],
    "signed": [
        "Letto, confermato e sottoscritto a {city}, il {date}.",
        "Stipulato in data {date}, in due copie.",
        "{city}, {date}",
    ],
    "judg_intro": [
        "Il {court}, nella causa {case}, in persona del giudice {r.name}, ha pronunciato il {date} la seguente sentenza.",
        "Nella causa iscritta al n. {case} del {court}:",
    ],
    "judg_facts": [
        "L'attore {p.name}, nat<<o|a>> il {p.dob} e residente in {p.address}, ha agito in giudizio il {date2}.",
        "Il {date2} la convenuta {org.name} ha risolto il contratto richiamando {statute}.",
        "L'attore era rappresentato dall'avv. {q.name}.",
    ],
    "judg_ruling": [
        "P.Q.M. il Tribunale rigetta la domanda e condanna l'attore alle spese.",
        "Condanna {org.name} a pagare a {p.name} la somma di {amount} euro.",
        "Accoglie l'appello e annulla la decisione del {date3}.",
    ],
    "act_recital": [
        "Visto il {statute};",
        "Vista l'istanza presentata da {p.name} il {date2};",
        "Considerato che sussistono i requisiti di cui al {statute};",
    ],
    "act_article": [
        "È rilasciata l'autorizzazione a {p.name}, nat<<o|a>> il {p.dob}, codice fiscale {p.nid}.",
        "La sanzione a carico di {org.name}, P.IVA {org.cid}, è determinata in {amount} euro.",
        "Il presente provvedimento è notificato a {p.name}, {p.address}.",
    ],
    "act_done": ["Fatto a {city}, il {date}.", "Il presente provvedimento entra in vigore il {date}."],
    "gdpr_body": [
        "Facciamo seguito alla Sua richiesta del {date2}, con cui ha chiesto copia dei dati personali che La riguardano.",
        "In riscontro alla Sua istanza ai sensi del {statute}, confermiamo il trattamento dei dati seguenti.",
    ],
    "gdpr_data": [
        "La verifica è stata effettuata sul codice cliente {p.acct}.",
        "I dati sono consultabili anche online su {org.url}.",
        "Per domande può scrivere al responsabile della protezione dei dati: {org.email}.",
    ],
    "poa_body": [
        "<<Il|La>> sottoscritt<<o|a>> {p.name}, nat<<o|a>> il {p.dob}, codice fiscale {p.nid}, residente in {p.address}, "
        "delega {q.name}, nato il {q.dob}, a rappresentarl<<o|a>> presso {body}.",
        "Il delegato può firmare atti e rappresentare il delegante davanti al {court}.",
    ],
    "decl_body": [
        "<<Il|La>> sottoscritt<<o|a>> {p.name}, nat<<o|a>> a {p.birthplace} il {p.dob}, residente in {p.address}, "
        "consapevole delle sanzioni penali previste, dichiara che i dati forniti sono veritieri.",
        "Dichiara di essere informat<<o|a>> ai sensi del {statute}.",
    ],
    "letter_body": [
        "La informiamo che la Sua richiesta del {date2} è stata registrata con il n. {case}.",
        "La pratica è seguita da {q.name}.",
        "La invitiamo a trasmettere i documenti mancanti entro {n} giorni.",
    ],
    "letter_contact": [
        "Per ulteriori informazioni può chiamare il {org.phone} o scrivere a {org.email}.",
        "Orari di apertura: dal lunedì al venerdì, 9:00–13:00.",
    ],
    "email_body": [
        "Ciao {p.first}, grazie del messaggio. Mi trovi al {q.phone}.",
        "Per favore manda la copia firmata a {q.email} entro il {date}.",
        "Ti allego i documenti di {p.name}; l'incontro è il {date2}.",
    ],
    "chat": [
        "ciao sono {p.first}, nuovo numero {p.phone}",
        "ok ci vediamo il {date2}",
        "mi mandi la mail? la mia è {p.email}",
        "l'indirizzo è {p.address}",
        "va bene!",
        "arrivo tra 10 min",
    ],
    "ticket_body": [
        "Il cliente {p.name} (codice {p.acct}) segnala che l'accesso non funziona dal {date2}.",
        "L'utente {p.user} non riesce a reimpostare la password; ultimo accesso da {p.ip}.",
        "Il pagamento con la carta {p.card} è stato rifiutato due volte.",
    ],
    "ticket_secret": [
        "Password temporanea impostata: {p.pwd}, da cambiare al primo accesso.",
        "Non inserire la chiave API {apikey} nei ticket.",
        "Nuovo token: {apikey}",
    ],
    "invoice_pay": [
        "Pagamento entro {n} giorni sul conto {org.iban}.",
        "Causale: {ref}.",
        "Per informazioni sulla fattura: {org.email}",
    ],
    "hospital_fmts": [
        "Ospedale San {saint}",
        "Azienda Ospedaliera di {city}",
        "Policlinico di {city}",
        "Ospedale Civile di {city}",
        "Azienda Ospedaliero-Universitaria di {city}",
    ],
    "court_fmts": [
        "Tribunale di {city}",
        "Corte d'Appello di {city}",
        "Giudice di Pace di {city}",
        "Corte di Cassazione",
    ],
    "statute_fmts": [
        "art. {n} del Codice civile",
        "D.Lgs. 196/2003",
        "art. {n} del Regolamento (UE) 2016/679",
        "art. 76 del D.P.R. 445/2000",
        "Legge n. {n}/{year}",
        "art. {n}, comma {n2}, del D.Lgs. {n}/{year}",
    ],
    "case_fmts": ["{n}/{year}", "R.G. ####/{year}", "{n}", "RG n. #####/{year}"],
    "mrn_fmts": ["{year}/######", "#######", "CC-######"],
    "conditions": "diabete mellito di tipo 2, ipertensione arteriosa, polmonite, asma bronchiale, BPCO, fibrillazione atriale, "
    "insufficienza renale cronica, emicrania, depressione, anemia sideropenica, gastrite cronica, ipotiroidismo, "
    "lombosciatalgia, gonartrosi, celiachia, bronchite acuta",
    "medications": "metformina 500 mg, ramipril 5 mg, atorvastatina 20 mg, salbutamolo spray, apixaban 5 mg, "
    "pantoprazolo 40 mg, amoxicillina 1 g, levotiroxina 50 mcg, sertralina 50 mg, paracetamolo 1000 mg",
    "wards": "Medicina Interna, Cardiologia, Pneumologia, Chirurgia Generale, Ortopedia, Gastroenterologia, Geriatria",
    "lab_tests": "Emoglobina|g/dL|12|17, Leucociti|10^3/uL|4|10, Piastrine|10^3/uL|150|400, Sodio|mmol/L|135|145, "
    "Potassio|mmol/L|3.5|5.1, Creatinina|mg/dL|0.6|1.2, PCR|mg/L|0|5, Glicemia|mg/dL|70|110, TSH|uUI/mL|0.4|4, "
    "Colesterolo totale|mg/dL|120|200",
    "jobs": "contabile, sviluppatore software, infermiere, responsabile vendite, insegnante, project manager, elettricista, "
    "operatore call center, analista dati, farmacista",
    "products": "Servizi di consulenza, Abbonamento mensile, Sedia da ufficio, Toner stampante, Licenza software, "
    "Intervento tecnico, Spedizione",
    "public_bodies": "Agenzia delle Entrate, INPS, Garante per la protezione dei dati personali, Ministero della Salute, "
    "Comune, Camera di Commercio",
    "org_words": "Adriatica, Alpina, Tirrenica, Aurora, Dolomiti, Vesuvio, Arno, Etna, Orizzonte, Laguna",
    "org_suffixes": "S.r.l., S.p.A., S.n.c., S.a.s., srl",
    "schools": "Università di Bologna, Politecnico di Milano, Sapienza Università di Roma, Università di Padova",
}
