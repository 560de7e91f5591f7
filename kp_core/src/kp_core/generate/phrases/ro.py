"""Romanian document vocabulary."""

PHRASES = {
    "name": ["Nume și prenume", "Numele", "Nume"],
    "patient": ["Pacient", "Nume pacient", "Pacientul"],
    "dob": ["Data nașterii", "Născut la", "Data nasterii"],
    "address": ["Adresa", "Domiciliul", "Adresă de corespondență"],
    "phone": ["Telefon", "Tel.", "Nr. telefon", "Mobil"],
    "email": ["E-mail", "Email", "Adresă de e-mail"],
    "nid": ["CNP", "Cod numeric personal"],
    "iban": ["IBAN", "Cont IBAN", "Cont bancar"],
    "customer": ["Cod client", "Număr client", "Nr. contract client"],
    "username": ["Utilizator", "Nume utilizator", "Cont"],
    "password": ["Parola", "Parolă temporară", "PIN"],
    "date": ["Data", "Data emiterii", "Din data de"],
    "mrn": ["Nr. foaie de observație", "FO nr.", "Nr. dosar medical"],
    "diagnosis": ["Diagnostic", "Diagnostic principal", "Diagnostic la externare"],
    "medication": ["Tratament", "Medicație la externare", "Recomandări terapeutice"],
    "doctor": ["Medic curant", "Medic primar", "Medic specialist"],
    "hospital": ["Spital", "Unitate sanitară", "Secția"],
    "company_id": ["CUI", "Cod fiscal", "CIF"],
    # letterheads: the trade-register number (J-number) beside the CUI
    "register_line": ["Nr. Reg. Com.: {org.trade_register}", "J: {org.trade_register}", "ORC {org.trade_register}"],
    "case_no": ["Nr.", "Dosar nr.", "Nr. înregistrare"],
    "subject": ["Referitor la", "Subiect", "Ref."],
    "website": ["Site", "Web", "Pagina web"],
    "signature": ["Semnătura", "Semnat", "Semnătură"],
    "place": ["Locul nașterii", "Localitatea"],
    "total": ["Total de plată", "Total", "Total cu TVA"],
    "card": ["Număr card", "Card", "Nr. card"],
    "ip": ["Adresa IP", "IP", "Ultima autentificare de pe"],
    "h_discharge": ["Scrisoare medicală", "Bilet de externare", "Scrisoare medicală de externare"],
    "h_referral": ["Bilet de trimitere", "Trimitere către medicul specialist", "Trimitere"],
    "h_lab": ["Buletin de analize medicale", "Rezultate analize", "Buletin de laborator"],
    "h_contract": ["Contract de prestări servicii", "Contract de închiriere", "Contract individual de muncă"],
    "h_judgment": ["Sentință civilă", "Hotărâre", "Decizie"],
    "h_act": ["Decizie", "Ordin", "Hotărâre"],
    "h_gdpr": [
        "Răspuns la cererea de acces la date",
        "Răspuns la solicitarea dvs. conform art. 15 GDPR",
        "Informare privind datele cu caracter personal",
    ],
    "h_poa": ["Procură", "Împuternicire", "Procură specială"],
    "h_declaration": ["Declarație pe proprie răspundere", "Declarație", "Declarație notarială"],
    "h_form": ["Cerere", "Formular de înscriere", "Cerere de actualizare a datelor"],
    "h_invoice": ["Factură fiscală", "Factură", "Chitanță"],
    "h_cv": ["Curriculum vitae", "CV"],
    "h_ticket": ["Tichet de suport", "Solicitare", "Raport incident"],
    "h_experience": ["Experiență profesională", "Experiență"],
    "h_education": ["Educație și formare", "Studii"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": ["Stimate coleg,", "Stimată colegă, stimate coleg,", "Stimate domnule doctor,"],
    "greet": ["Stimate {p.hon} {p.last},", "Bună ziua, {p.name},", "Salut {p.first},", "Stimată doamnă/Stimate domn,"],
    "closing": ["Cu stimă,", "Cu respect,", "Toate cele bune,", "Vă mulțumim,"],
    "admit": [
        "{p.name} s-a internat la data de {date2} cu {cond}.",
        "Pacient<<ul|a>> s-a prezentat în data de {date2} pentru {cond}.",
        "Internat<<|ă>> în {ward} la {date2} pentru {cond}; antecedente de {cond2}.",
    ],
    "therapy": [
        "Tratament cu {med}, continuat {n} zile.",
        "Se externează cu {med}.",
        "Recomandări: {med} de două ori pe zi, control peste {n} săptămâni.",
    ],
    "followup": [
        "Control la {dr.title} {dr.name}, {fac}, peste {n} săptămâni.",
        "Revine la control la {fac} în {n} zile.",
        "Pentru informații suplimentare contactați {dr.title} {dr.name} la {org.phone}.",
    ],
    "refer": [
        "Vă rog să evaluați pacient<<ul|a>> {p.name}, născut<<|ă>> la {p.dob}, cu {cond}.",
        "Trimis<<|ă>> pentru evaluarea {cond}, simptomatic<<|ă>> din {date2}.",
        "{p.first} urmează în prezent tratament cu {med}.",
    ],
    "lab_note": [
        "Rezultate validate de {dr.title} {dr.name} la {date}.",
        "Recoltat la {date2}.",
        "Valorile din afara intervalului sunt marcate cu *.",
    ],
    "party_org": [
        "{org.name}, cu sediul în {org.address}, CUI {org.cid}, reprezentată de {q.name}, în calitate de Prestator",
        "{org.name}, {org.address}, cod fiscal {org.cid}, denumită în continuare Societatea",
        "{org.name}, cu sediul în {org.address}, înregistrată la Registrul Comerțului sub nr. {org.trade_register}, "
        "CUI {org.cid}, reprezentată de {q.name}, denumită în continuare Furnizorul",
    ],
    "party_person": [
        "{p.name}, născut<<|ă>> la {p.dob}, domiciliat<<|ă>> în {p.address}, CNP {p.nid}, în calitate de Beneficiar",
        "{p.hon} {p.name}, cu domiciliul în {p.address}, telefon {p.phone}, e-mail {p.email}",
    ],
    "contract_object": [
        "Prestatorul se obligă să presteze serviciile descrise în Anexa {n}.",
        "Contractul intră în vigoare la {date2} și are o durată de {n} luni.",
        "Tariful lunar este de {amount} lei, plătibil în avans.",
    ],
    "contract_pay": [
        "Plata se face în contul {org.iban} în termen de {n} zile de la emiterea facturii.",
        "Beneficiarul autorizează debitarea directă a contului {p.iban}.",
    ],
    "contract_court": [
        "Litigiile se soluționează de {court}.",
        "Contractul este guvernat de {statute}; competența aparține instanțelor din {p.city}.",
    ],
    "signed": [
        "Încheiat la {city}, la data de {date}.",
        "Încheiat astăzi, {date}, în două exemplare.",
        "{city}, {date}",
    ],
    "judg_intro": [
        "{court}, în dosarul nr. {case}, compus din judecător {r.name}, a pronunțat la {date} următoarea hotărâre.",
        "Pe rol judecarea cauzei {case} aflate pe rolul {court}:",
    ],
    "judg_facts": [
        "Reclamant<<ul|a>> {p.name}, născut<<|ă>> la {p.dob}, domiciliat<<|ă>> în {p.address}, a formulat cerere la {date2}.",
        "La {date2} pârâta {org.name} a reziliat contractul invocând {statute}.",
        "Reclamant<<ul|a>> a fost reprezentat<<|ă>> de avocat {q.name}.",
    ],
    "judg_ruling": [
        "Pentru aceste motive, instanța respinge acțiunea și obligă reclamantul la plata cheltuielilor de judecată.",
        "Obligă pârâta {org.name} să plătească reclamantului {p.name} suma de {amount} lei.",
        "Admite apelul și desființează hotărârea din {date3}.",
    ],
    "act_recital": [
        "Având în vedere {statute},",
        "Având în vedere cererea depusă de {p.name} la {date2},",
        "Întrucât sunt îndeplinite condițiile prevăzute de {statute},",
    ],
    "act_article": [
        "Se acordă autorizația domnului/doamnei {p.name}, născut<<|ă>> la {p.dob}, CNP {p.nid}.",
        "Amenda aplicată societății {org.name}, CUI {org.cid}, se stabilește la {amount} lei.",
        "Prezenta decizie se comunică lui {p.name}, {p.address}.",
    ],
    "act_done": ["Dat la {city}, {date}.", "Prezenta decizie intră în vigoare la {date}."],
    "gdpr_body": [
        "Ca urmare a cererii dvs. din {date2}, prin care ați solicitat o copie a datelor personale pe care le prelucrăm.",
        "În baza {statute}, vă confirmăm că prelucrăm datele de mai jos.",
    ],
    "gdpr_data": [
        "Evidențele au fost verificate după codul de client {p.acct}.",
        "Puteți consulta datele și online la {org.url}.",
        "Pentru întrebări, contactați responsabilul cu protecția datelor la {org.email}.",
    ],
    "poa_body": [
        "Subsemnat<<ul|a>> {p.name}, născut<<|ă>> la {p.dob}, CNP {p.nid}, domiciliat<<|ă>> în {p.address}, "
        "împuternicesc pe {q.name}, născut la {q.dob}, să mă reprezinte în fața {body}.",
        "Mandatarul poate semna acte și mă poate reprezenta în fața {court}.",
    ],
    "decl_body": [
        "Subsemnat<<ul|a>> {p.name}, născut<<|ă>> la {p.dob} în {p.birthplace}, domiciliat<<|ă>> în {p.address}, "
        "declar pe proprie răspundere că datele furnizate sunt reale.",
        "Cunosc prevederile {statute} privind falsul în declarații.",
    ],
    "letter_body": [
        "Vă informăm că cererea dvs. din {date2} a fost înregistrată sub nr. {case}.",
        "Dosarul este gestionat de {q.name}.",
        "Vă rugăm să depuneți documentele lipsă în {n} zile.",
    ],
    "letter_contact": [
        "Pentru informații suplimentare ne puteți contacta la {org.phone} sau la {org.email}.",
        "Program cu publicul: luni–vineri, 9:00–16:00.",
    ],
    "email_body": [
        "Bună {p.first}, mulțumesc pentru mesaj. Mă găsești la {q.phone}.",
        "Te rog trimite exemplarul semnat la {q.email} până la {date}.",
        "Am atașat documentele pentru {p.name}; întâlnirea este pe {date2}.",
    ],
    "chat": [
        "salut, sunt {p.first}, am număr nou: {p.phone}",
        "ok, ne vedem pe {date2}",
        "îmi dai mailul? al meu e {p.email}",
        "adresa e {p.address}",
        "da, vin și eu",
        "mersi!",
    ],
    "ticket_body": [
        "Clientul {p.name} (cod client {p.acct}) raportează că autentificarea eșuează din {date2}.",
        "Utilizatorul {p.user} nu poate reseta parola; ultima conectare de pe {p.ip}.",
        "Plata cu cardul {p.card} a fost refuzată de două ori.",
    ],
    "ticket_secret": [
        "Parola temporară a fost setată la {p.pwd}, vă rugăm să o schimbați.",
        "Nu trimiteți cheia API {apikey} în tichete.",
        "Token nou: {apikey}",
    ],
    "invoice_pay": [
        "Vă rugăm să achitați în {n} zile în contul {org.iban}.",
        "Referință plată: {ref}.",
        "Întrebări despre factură: {org.email}",
    ],
    "hospital_fmts": [
        "Spitalul Clinic Județean de Urgență {city}",
        "Spitalul Universitar de Urgență {city}",
        "Spitalul Municipal {city}",
        "Institutul Clinic Fundeni",
        "Spitalul Sf. {saint} {city}",
    ],
    "court_fmts": [
        "Tribunalul {city}",
        "Judecătoria {city}",
        "Curtea de Apel {city}",
        "Înalta Curte de Casație și Justiție",
    ],
    "statute_fmts": [
        "art. {n} din Legea nr. 190/2018",
        "art. {n} din Regulamentul (UE) 2016/679",
        "art. {n} alin. ({n2}) din Codul civil",
        "art. 326 din Codul penal",
        "Legea nr. {n}/{year}",
        "OUG nr. {n}/{year}",
    ],
    "case_fmts": ["{n}/{year}", "####/###/{year}", "#####/3/{year}", "{n}"],
    "mrn_fmts": ["#####", "FO ######", "######/{year}"],
    "conditions": "diabet zaharat tip 2, hipertensiune arterială esențială, pneumonie comunitară, astm bronșic, BPOC, "
    "fibrilație atrială, boală cronică de rinichi, migrenă, depresie, anemie feriprivă, gastrită cronică, hipotiroidism, "
    "lombosciatică, gonartroză, bronșită acută",
    "medications": "metformin 500 mg, ramipril 5 mg, atorvastatină 20 mg, salbutamol spray, apixaban 5 mg, omeprazol 20 mg, "
    "amoxicilină 500 mg, levotiroxină 50 mcg, sertralină 50 mg, paracetamol 500 mg",
    "wards": "secția Medicină Internă, secția Cardiologie, secția Pneumologie, secția Chirurgie Generală, secția ATI, "
    "secția Ortopedie, secția Gastroenterologie",
    "lab_tests": "Hemoglobină|g/dL|12|17, Leucocite|10^3/uL|4|10, Trombocite|10^3/uL|150|400, Sodiu|mmol/L|135|145, "
    "Potasiu|mmol/L|3.5|5.1, Creatinină|mg/dL|0.6|1.2, Proteina C reactivă|mg/L|0|5, Glicemie|mg/dL|70|110, "
    "TSH|uUI/mL|0.4|4, Colesterol total|mg/dL|120|200",
    "jobs": "contabil, programator, asistent medical, manager vânzări, profesor, coordonator de proiect, electrician, "
    "operator call center, analist de date, farmacist",
    "products": "Servicii de consultanță, Abonament lunar, Scaun de birou, Toner imprimantă, Licență software, "
    "Intervenție service, Transport",
    "public_bodies": "ANAF, Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal, "
    "Casa Națională de Asigurări de Sănătate, Oficiul Național al Registrului Comerțului, Ministerul Sănătății, "
    "Direcția Generală de Evidență a Persoanelor",
    "org_words": "Carpați, Dunărea, Transilvania, Nova, Siret, Bucegi, Delta, Olimp, Prahova, Mureș",
    "org_suffixes": "SRL, S.R.L., SA, S.A., Grup SRL",
    "schools": "Universitatea din București, Universitatea Babeș-Bolyai, Universitatea Politehnica București, "
    "Universitatea Alexandru Ioan Cuza",
}
