"""Polish document vocabulary."""

PHRASES = {
    "name": ["Imię i nazwisko", "Nazwisko i imię", "Dane"],
    "patient": ["Pacjent", "Imię i nazwisko pacjenta", "Pacjent(ka)"],
    "dob": ["Data urodzenia", "Ur.", "Urodzony(a)"],
    "address": ["Adres", "Adres zamieszkania", "Adres do korespondencji"],
    "phone": ["Telefon", "Tel.", "Nr telefonu", "Tel. kom."],
    "email": ["E-mail", "Adres e-mail", "Email"],
    "nid": ["PESEL", "Nr PESEL"],
    "iban": ["Nr rachunku", "IBAN", "Rachunek bankowy"],
    "customer": ["Numer klienta", "Nr klienta", "ID klienta"],
    "username": ["Login", "Nazwa użytkownika", "Użytkownik"],
    "password": ["Hasło", "Hasło tymczasowe", "PIN"],
    "date": ["Data", "Data wystawienia", "Dnia"],
    "mrn": ["Nr księgi głównej", "Nr historii choroby", "Nr karty"],
    "diagnosis": ["Rozpoznanie", "Rozpoznanie główne", "Rozpoznanie przy wypisie"],
    "medication": ["Zalecane leki", "Leczenie", "Farmakoterapia"],
    "doctor": ["Lekarz prowadzący", "Lekarz wypisujący", "Ordynator"],
    "hospital": ["Szpital", "Placówka", "Oddział"],
    "company_id": ["NIP", "NIP", "Numer NIP"],
    # letterheads: the court-register and statistical numbers beside the NIP
    "register_line": ["KRS: {org.krs}", "REGON: {org.regon}", "KRS {org.krs}, REGON {org.regon}"],
    "case_no": ["Nr", "Sygn. akt", "Znak sprawy"],
    "subject": ["Dotyczy", "Temat", "Dot."],
    "website": ["Strona www", "WWW", "Strona internetowa"],
    "signature": ["Podpis", "Czytelny podpis", "Podpisano"],
    "place": ["Miejsce urodzenia", "Miejscowość"],
    "total": ["Razem do zapłaty", "Suma", "Do zapłaty"],
    "card": ["Numer karty", "Karta", "Nr karty"],
    "ip": ["Adres IP", "IP", "Ostatnie logowanie z"],
    "h_discharge": ["Karta informacyjna leczenia szpitalnego", "Wypis ze szpitala", "Karta wypisowa"],
    "h_referral": ["Skierowanie", "Skierowanie do poradni specjalistycznej", "Skierowanie na konsultację"],
    "h_lab": ["Wyniki badań laboratoryjnych", "Sprawozdanie z badania", "Wyniki badań"],
    "h_contract": ["Umowa o świadczenie usług", "Umowa najmu", "Umowa o pracę", "Umowa zlecenia"],
    "h_judgment": ["Wyrok", "Postanowienie", "Wyrok w imieniu Rzeczypospolitej Polskiej"],
    "h_act": ["Decyzja", "Zarządzenie", "Rozporządzenie"],
    "h_gdpr": [
        "Odpowiedź na żądanie dostępu do danych",
        "Odpowiedź na wniosek z art. 15 RODO",
        "Informacja o przetwarzanych danych",
    ],
    "h_poa": ["Pełnomocnictwo", "Upoważnienie", "Pełnomocnictwo szczególne"],
    "h_declaration": ["Oświadczenie", "Oświadczenie pod rygorem odpowiedzialności karnej", "Deklaracja"],
    "h_form": ["Wniosek", "Formularz zgłoszeniowy", "Wniosek o zmianę danych"],
    "h_invoice": ["Faktura VAT", "Faktura", "Rachunek"],
    "h_cv": ["Curriculum vitae", "Życiorys", "CV"],
    "h_ticket": ["Zgłoszenie serwisowe", "Zgłoszenie", "Reklamacja"],
    "h_experience": ["Doświadczenie zawodowe", "Doświadczenie"],
    "h_education": ["Wykształcenie", "Edukacja"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": ["Szanowna Pani Doktor, Szanowny Panie Doktorze,", "Szanowni Państwo,"],
    "greet": ["Szanown<<y Panie|a Pani>> {p.last},", "Dzień dobry {p.name},", "Cześć {p.first},", "Szanowni Państwo,"],
    "closing": ["Z poważaniem,", "Z wyrazami szacunku,", "Pozdrawiam,", "Dziękuję,"],
    "admit": [
        "{p.name} został<<|a>> przyjęt<<y|a>> dnia {date2} z powodu {cond}.",
        "Pacjent<<|ka>> zgłosił<<|a>> się {date2} z objawami: {cond}.",
        "Przyjęt<<y|a>> na {ward} dnia {date2} z powodu {cond}; w wywiadzie {cond2}.",
    ],
    "therapy": [
        "Leczon<<y|a>> {med}, kontynuować przez {n} dni.",
        "Wypisan<<y|a>> z zaleceniem: {med}.",
        "Zalecenia: {med} dwa razy dziennie; kontrola za {n} tygodni.",
    ],
    "followup": [
        "Kontrola u {dr.title} {dr.name}, {fac}, za {n} tygodni.",
        "Wizyta kontrolna w {fac} w ciągu {n} dni.",
        "W razie pytań kontakt z {dr.title} {dr.name} pod numerem {org.phone}.",
    ],
    "refer": [
        "Kieruję {p.name}, ur. {p.dob}, z rozpoznaniem {cond}, na konsultację.",
        "Pacjent<<|ka>> z {cond}, objawy od {date2}.",
        "{p.first} przyjmuje obecnie {med}.",
    ],
    "lab_note": [
        "Wynik autoryzował {dr.title} {dr.name} dnia {date}.",
        "Materiał pobrano {date2}.",
        "Wartości spoza zakresu referencyjnego oznaczono *.",
    ],
    "party_org": [
        "{org.name} z siedzibą w {org.address}, NIP {org.cid}, reprezentowana przez {q.name}, zwana dalej Wykonawcą",
        "{org.name}, {org.address}, KRS {org.krs}, zwana dalej Spółką",
        "{org.name} z siedzibą w {org.address}, wpisana do rejestru przedsiębiorców KRS pod numerem {org.krs}, "
        "NIP {org.cid}, REGON {org.regon}, reprezentowana przez {q.name}",
    ],
    "party_person": [
        "{p.name}, ur. {p.dob}, zam. {p.address}, PESEL {p.nid}, zwan<<y|a>> dalej Zleceniodawcą",
        "{p.hon} {p.name}, zam. {p.address}, tel. {p.phone}, e-mail {p.email}",
    ],
    "contract_object": [
        "Wykonawca zobowiązuje się świadczyć usługi opisane w Załączniku nr {n}.",
        "Umowa obowiązuje od dnia {date2} przez okres {n} miesięcy.",
        "Wynagrodzenie miesięczne wynosi {amount} zł brutto.",
    ],
    "contract_pay": [
        "Płatność nastąpi na rachunek {org.iban} w terminie {n} dni od doręczenia faktury.",
        "Zleceniodawca upoważnia do obciążania rachunku {p.iban}.",
    ],
    "contract_court": ["Spory rozstrzyga {court}.", "W sprawach nieuregulowanych stosuje się {statute}."],
    "signed": [
        "Sporządzono w {city} dnia {date}.",
        "Umowę sporządzono w dwóch egzemplarzach, {date}.",
        "{city}, dnia {date}",
    ],
    "judg_intro": [
        "{court} w składzie: przewodniczący sędzia {r.name}, po rozpoznaniu w dniu {date} sprawy {case}, orzeka:",
        "Sygn. akt {case}, {court}:",
    ],
    "judg_facts": [
        "Powód {p.name}, ur. {p.dob}, zam. {p.address}, wniósł pozew w dniu {date2}.",
        "W dniu {date2} pozwana {org.name} wypowiedziała umowę, powołując się na {statute}.",
        "Powoda reprezentował radca prawny {q.name}.",
    ],
    "judg_ruling": [
        "Sąd oddala powództwo i zasądza od powoda koszty postępowania.",
        "Zasądza od {org.name} na rzecz {p.name} kwotę {amount} zł.",
        "Uchyla postanowienie z dnia {date3}.",
    ],
    "act_recital": [
        "Na podstawie {statute},",
        "Po rozpatrzeniu wniosku {p.name} z dnia {date2},",
        "Zważywszy, że spełnione są przesłanki z {statute},",
    ],
    "act_article": [
        "Udziela się zezwolenia {p.name}, ur. {p.dob}, PESEL {p.nid}.",
        "Nakłada się na {org.name}, NIP {org.cid}, karę w wysokości {amount} zł.",
        "Decyzję doręcza się: {p.name}, {p.address}.",
    ],
    "act_done": ["Wydano w {city}, dnia {date}.", "Decyzja wchodzi w życie z dniem {date}."],
    "gdpr_body": [
        "W odpowiedzi na Pani/Pana wniosek z dnia {date2} o kopię danych osobowych przekazujemy poniższe informacje.",
        "Na podstawie {statute} potwierdzamy, że przetwarzamy następujące dane.",
    ],
    "gdpr_data": [
        "Dane zweryfikowano według numeru klienta {p.acct}.",
        "Dane można sprawdzić również na {org.url}.",
        "Pytania prosimy kierować do inspektora ochrony danych: {org.email}.",
    ],
    "poa_body": [
        "Ja, niżej podpisan<<y|a>> {p.name}, ur. {p.dob}, PESEL {p.nid}, zam. {p.address}, upoważniam "
        "{q.name}, ur. {q.dob}, do reprezentowania mnie przed {body}.",
        "Pełnomocnik jest umocowany do działania przed {court}.",
    ],
    "decl_body": [
        "Ja, niżej podpisan<<y|a>> {p.name}, ur. {p.dob} w {p.birthplace}, zam. {p.address}, oświadczam, "
        "że podane dane są zgodne z prawdą.",
        "Jestem świadom<<y|a>> odpowiedzialności karnej z {statute}.",
    ],
    "letter_body": [
        "Informujemy, że Pani/Pana wniosek z dnia {date2} został zarejestrowany pod nr {case}.",
        "Sprawę prowadzi {q.name}.",
        "Prosimy o uzupełnienie dokumentów w terminie {n} dni.",
    ],
    "letter_contact": [
        "W razie pytań prosimy o kontakt pod numerem {org.phone} lub {org.email}.",
        "Biuro czynne od poniedziałku do piątku w godz. 8:00–16:00.",
    ],
    "email_body": [
        "Cześć {p.first}, dzięki za wiadomość. Mój numer to {q.phone}.",
        "Proszę odesłać podpisany egzemplarz na {q.email} do {date}.",
        "W załączniku dokumenty dla {p.name}; spotkanie {date2}.",
    ],
    "chat": [
        "hej tu {p.first}, mam nowy numer {p.phone}",
        "ok widzimy się {date2}",
        "podeślesz maila? mój to {p.email}",
        "adres: {p.address}",
        "spoko!",
        "będę za 10 min",
    ],
    "ticket_body": [
        "Klient {p.name} (nr klienta {p.acct}) zgłasza, że logowanie nie działa od {date2}.",
        "Użytkownik {p.user} nie może zresetować hasła; ostatnie logowanie z {p.ip}.",
        "Płatność kartą {p.card} została dwukrotnie odrzucona.",
    ],
    "ticket_secret": [
        "Ustawiono hasło tymczasowe {p.pwd}, prosimy je zmienić.",
        "Nie wklejaj klucza API {apikey} w zgłoszeniach.",
        "Nowy token: {apikey}",
    ],
    "invoice_pay": [
        "Termin płatności {n} dni, rachunek {org.iban}.",
        "Tytuł przelewu: {ref}.",
        "Pytania dotyczące faktury: {org.email}",
    ],
    "hospital_fmts": [
        "Szpital Wojewódzki w {city}",
        "Uniwersytecki Szpital Kliniczny w {city}",
        "Szpital Miejski w {city}",
        "Szpital Specjalistyczny im. {saint} w {city}",
        "Centralny Szpital Kliniczny",
    ],
    "court_fmts": ["Sąd Rejonowy w {city}", "Sąd Okręgowy w {city}", "Sąd Apelacyjny w {city}", "Sąd Najwyższy"],
    "statute_fmts": [
        "art. {n} Kodeksu cywilnego",
        "art. {n} ust. {n2} RODO",
        "art. 233 § 1 Kodeksu karnego",
        "ustawa z dnia 10 maja 2018 r. o ochronie danych osobowych",
        "art. {n} Kodeksu pracy",
    ],
    "case_fmts": ["I C {n}/{year}", "II K ###/{year}", "{n}/{year}", "VIII GC ###/{year}"],
    "mrn_fmts": ["#####/{year}", "KG ######", "######"],
    "conditions": "cukrzyca typu 2, nadciśnienie tętnicze, zapalenie płuc, astma oskrzelowa, POChP, migotanie przedsionków, "
    "przewlekła choroba nerek, migrena, depresja, niedokrwistość z niedoboru żelaza, przewlekłe zapalenie żołądka, "
    "niedoczynność tarczycy, rwa kulszowa, choroba zwyrodnieniowa stawu kolanowego, ostre zapalenie oskrzeli",
    "medications": "metformina 500 mg, ramipryl 5 mg, atorwastatyna 20 mg, salbutamol, apiksaban 5 mg, pantoprazol 40 mg, "
    "amoksycylina 1 g, lewotyroksyna 50 mcg, sertralina 50 mg, paracetamol 500 mg",
    "wards": "Oddział Chorób Wewnętrznych, Oddział Kardiologii, Oddział Pulmonologii, Oddział Chirurgii Ogólnej, "
    "Oddział Ortopedii, Oddział Gastroenterologii",
    "lab_tests": "Hemoglobina|g/dl|12|17, Leukocyty|tys/ul|4|10, Płytki krwi|tys/ul|150|400, Sód|mmol/l|135|145, "
    "Potas|mmol/l|3.5|5.1, Kreatynina|mg/dl|0.6|1.2, CRP|mg/l|0|5, Glukoza|mg/dl|70|99, TSH|uIU/ml|0.4|4",
    "jobs": "księgowa, programista, pielęgniarka, kierownik sprzedaży, nauczyciel, koordynator projektu, elektryk, "
    "konsultant call center, analityk danych, farmaceuta",
    "products": "Usługi doradcze, Abonament miesięczny, Krzesło biurowe, Toner, Licencja oprogramowania, Serwis, Transport",
    "public_bodies": "Urząd Skarbowy, ZUS, Prezes Urzędu Ochrony Danych Osobowych, NFZ, Urząd Miasta, Krajowy Rejestr Sądowy",
    "org_words": "Wisła, Tatry, Bałtyk, Mazowsze, Orzeł, Polmed, Sokół, Jantar, Warta, Odra",
    "org_suffixes": "Sp. z o.o., S.A., sp. j., Sp. z o.o. Sp.k.",
    "schools": "Uniwersytet Warszawski, Uniwersytet Jagielloński, Politechnika Wrocławska, Uniwersytet im. Adama Mickiewicza",
}
