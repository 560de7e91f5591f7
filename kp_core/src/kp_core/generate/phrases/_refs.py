"""Words that make a number what it is: the labels before a bare case or file number, the
register words before a company's identifiers, the words that introduce a national number, an
IBAN or a phone number in running text; and, for some languages, the sentences of court
reports in the style of European judgments.

A short number (``N. 1234``, ``dnr 2231``, ``requête n° 39428/98``) is a CASE_NUMBER because of
the label before it, never by its shape; amounts, quantities, article and house numbers stay
unlabelled. A register word names its kind of number (``kind=word|word``), so a Swedish
organisationsnummer and a personnummer, both ``NNNNNN-NNNN``, each follow their own word.
"""

from __future__ import annotations

# Labels written before a bare case/file number (the label stays outside the span).
CASE_LABELS: dict[str, tuple[str, ...]] = {
    "it": ("N.", "n.", "Pratica n.", "pratica n.", "Prot. n.", "prot. n.", "Fascicolo n.", "ricorso n.",
           "Ricorso n.", "R.G. n.", "Rif. pratica n.", "procedimento n."),
    "sv": ("Nr", "nr", "Ärende nr", "ärende nr", "Dnr", "dnr", "Mål nr", "mål nr", "Diarienr", "Vårt dnr",
           "ansökan nr", "Ärendenr"),
    "cs": ("Č.", "č.", "Spis č.", "spis č.", "Č.j.", "č.j.", "Č. j.", "sp. zn.", "Sp. zn.", "věc č.",
           "stížnost č.", "Číslo spisu"),
    "da": ("Nr.", "nr.", "Sag nr.", "sag nr.", "J.nr.", "j.nr.", "Sagsnr.", "sagsnr.", "Journalnr.",
           "Vores j.nr.", "klage nr."),
    "fr": ("n°", "N°", "Requête n°", "requête n°", "Dossier n°", "dossier n°", "Affaire n°", "RG n°",
           "pourvoi n°", "N° de dossier"),
    "es": ("n.º", "N.º", "Demanda n.º", "demanda n.º", "Expediente n.º", "expediente n.º", "Recurso n.º",
           "recurso n.º", "Procedimiento n.º", "Exp."),
    "en": ("No.", "no.", "Application no.", "application no.", "Case no.", "case no.", "File no.",
           "Record no.", "Our ref.", "file no."),
    "de": ("Nr.", "Az.", "Aktenzeichen", "Akte Nr.", "Vorgang Nr.", "Beschwerde Nr.", "Geschäftszeichen",
           "Verfahren Nr.", "Individualbeschwerde Nr."),
    "pl": ("Nr", "nr", "Sprawa nr", "sprawa nr", "Skarga nr", "skarga nr", "L.dz.", "Znak sprawy", "Wniosek nr"),
    "pt": ("n.º", "N.º", "Processo n.º", "processo n.º", "Queixa n.º", "queixa n.º", "Proc. n.º", "Ref.ª"),
    "ro": ("Nr.", "nr.", "Dosar nr.", "dosarul nr.", "Cererea nr.", "cererea nr.", "Nr. înregistrare",
           "Nr. de înregistrare"),
    "nl": ("Nr.", "nr.", "Zaaknummer", "zaaknr.", "Dossiernr.", "Kenmerk", "Klachtnr.", "verzoekschrift nr."),
    "fi": ("Nro", "nro", "Dnro", "Asia nro", "Diaarinumero", "Valitus nro", "valitus nro"),
    "et": ("Nr", "nr", "Asja nr", "Toimiku nr", "Kaebus nr", "Menetluse nr"),
    "lt": ("Nr.", "Bylos Nr.", "bylos Nr.", "Prašymo Nr.", "Reg. Nr.", "Skundo Nr."),
    "lv": ("Nr.", "Lietas Nr.", "lietas Nr.", "Pieteikuma Nr.", "Reģ. Nr."),
    "sk": ("Č.", "č.", "Spis č.", "spis č.", "Č. j.", "Sp. zn.", "sťažnosť č.", "Číslo spisu"),
    "sl": ("Št.", "št.", "Zadeva št.", "Opr. št.", "Spis št.", "pritožba št."),
    "hr": ("Br.", "br.", "Predmet br.", "Posl. br.", "Spis br.", "zahtjev br."),
    "hu": ("Ügyszám", "Iktatószám", "Hiv. szám", "Kérelem száma", "Akta száma"),
    "el": ("Αρ.", "αρ.", "Αρ. υπόθεσης", "Αρ. φακέλου", "Αρ. πρωτ.", "προσφυγή αρ."),
    "bg": ("№", "Дело №", "дело №", "Вх. №", "Изх. №", "Жалба №", "преписка №"),
}  # fmt: skip

# Register words per kind of company identifier (kinds of kp_core.identifiers.company_id).
COMPANY_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "it": {"partita_iva": ("partita IVA", "P.IVA", "P. IVA", "C.F./P.IVA", "codice fiscale e partita IVA"),
           "vat": ("partita IVA comunitaria", "VAT")},
    "sv": {"orgnr": ("organisationsnummer", "org.nr", "org. nr", "Org.nr", "orgnr")},
    "cs": {"ico": ("IČO", "IČ", "IČO:", "identifikační číslo"), "vat": ("DIČ", "DIČ:")},
    "da": {"cvr": ("CVR-nummer", "CVR-nr.", "CVR nr.", "CVR"), "vat": ("momsnr.", "SE/CVR")},
    "fr": {"siren": ("SIREN", "n° SIREN", "RCS", "immatriculée au RCS sous le n°"),
           "siret": ("SIRET", "n° SIRET"), "vat": ("n° TVA", "TVA intracommunautaire")},
    "es": {"cif": ("CIF", "NIF", "C.I.F.", "con CIF"), "vat": ("NIF-IVA", "NIF intracomunitario")},
    "en": {"vat": ("VAT no.", "VAT number", "VAT reg. no.")},
    "de": {"handelsregister": ("Handelsregister", "Registergericht", "eingetragen unter"),
           "vat": ("USt-IdNr.", "USt-ID", "Umsatzsteuer-ID")},
    "pl": {"nip": ("NIP",), "regon": ("REGON",), "krs": ("KRS",)},
    "pt": {"vat": ("NIPC", "NIF", "contribuinte n.º", "pessoa coletiva n.º")},
    "ro": {"cui": ("CUI", "CUI/CIF", "cod fiscal (CUI)"), "trade_register": ("Nr. Reg. Com.", "ORC")},
    "nl": {"kvk": ("KvK", "KvK-nummer", "KvK-nr."), "vat": ("btw-nummer", "btw-id")},
    "fi": {"y_tunnus": ("Y-tunnus", "y-tunnus")},
    "et": {"registrikood": ("registrikood", "reg. kood"), "vat": ("KMKR nr",)},
    "lt": {"imones_kodas": ("įmonės kodas", "juridinio asmens kodas"), "vat": ("PVM mokėtojo kodas",)},
    "lv": {"vat": ("PVN reģ. Nr.", "reģ. Nr.")},
    "sk": {"ico": ("IČO", "IČO:"), "vat": ("IČ DPH",)},
    "sl": {"maticna_stevilka": ("matična številka", "MŠ"), "vat": ("ID za DDV", "DDV")},
    "hr": {"vat": ("PDV ID", "OIB/PDV")},
    "hu": {"vat": ("közösségi adószám", "EU adószám")},
    "el": {"vat": ("ΑΦΜ", "Α.Φ.Μ.")},
    "bg": {"vat": ("ИН по ДДС", "ДДС №")},
}  # fmt: skip

# Running-text words before a person's national number (Hungarian labels come from nid_by_kind).
NID_WORDS: dict[str, tuple[str, ...]] = {
    "it": ("codice fiscale", "C.F.", "cod. fisc."),
    "sv": ("personnummer", "pers.nr", "personnr"),
    "cs": ("rodné číslo", "r. č.", "RČ"),
    "da": ("CPR-nummer", "CPR-nr.", "cpr.nr."),
    "fr": ("n° de sécurité sociale", "NIR"),
    "es": ("DNI", "con DNI", "NIF", "DNI/NIE"),
    "en": ("PPS number", "PPSN"),
    "de": ("Steuer-ID", "Steuer-Identifikationsnummer"),
    "pl": ("PESEL", "nr PESEL"),
    "pt": ("NIF", "contribuinte n.º"),
    "ro": ("CNP", "cod numeric personal"),
    "nl": ("BSN", "burgerservicenummer"),
    "fi": ("henkilötunnus", "hetu"),
    "et": ("isikukood", "IK"),
    "lt": ("asmens kodas", "a. k."),
    "lv": ("personas kods", "p. k."),
    "sk": ("rodné číslo", "r. č."),
    "sl": ("EMŠO",),
    "hr": ("OIB",),
    "el": ("ΑΜΚΑ",),
    "bg": ("ЕГН",),
}

PHONE_WORDS: dict[str, tuple[str, ...]] = {
    "it": ("tel.", "cell.", "telefono"), "sv": ("tel.", "telefon", "mobil"), "cs": ("tel.", "telefon", "mobil"),
    "da": ("tlf.", "telefon", "mobil"), "fr": ("tél.", "téléphone", "portable"), "es": ("tel.", "teléfono", "móvil"),
    "en": ("tel.", "phone", "mobile"), "de": ("Tel.", "Telefon", "mobil"), "pl": ("tel.", "telefon", "kom."),
    "pt": ("tel.", "telefone", "telemóvel"), "ro": ("tel.", "telefon", "mobil"), "nl": ("tel.", "telefoon", "mobiel"),
    "fi": ("puh.", "puhelin"), "et": ("tel", "telefon"), "lt": ("tel.", "telefonas"), "lv": ("tālr.", "tel."),
    "sk": ("tel.", "telefón"), "sl": ("tel.", "telefon"), "hr": ("tel.", "mob."), "hu": ("tel.", "telefon"),
    "el": ("τηλ.",), "bg": ("тел.",),
}  # fmt: skip

IBAN_WORDS: dict[str, tuple[str, ...]] = {
    "it": ("IBAN", "conto IBAN", "c/c IBAN", "coordinate IBAN"), "sv": ("IBAN", "bankkonto IBAN", "konto IBAN"),
    "cs": ("IBAN", "účet IBAN", "bankovní účet IBAN"), "da": ("IBAN", "bankkonto IBAN", "konto IBAN"),
    "fr": ("IBAN", "compte IBAN", "RIB/IBAN"), "es": ("IBAN", "cuenta IBAN", "c/c IBAN"),
    "en": ("IBAN", "account IBAN"), "de": ("IBAN", "Konto IBAN", "Bankverbindung IBAN"),
    "pl": ("IBAN", "rachunek IBAN", "nr rachunku"), "pt": ("IBAN", "conta IBAN"), "ro": ("IBAN", "cont IBAN"),
    "nl": ("IBAN", "rekening IBAN"), "fi": ("IBAN", "tili IBAN"), "et": ("IBAN", "konto IBAN"),
    "lt": ("IBAN", "sąskaita IBAN"), "lv": ("IBAN", "konts IBAN"), "sk": ("IBAN", "účet IBAN"),
    "sl": ("IBAN", "TRR IBAN"), "hr": ("IBAN", "račun IBAN"), "hu": ("IBAN", "számlaszám IBAN"),
    "el": ("IBAN",), "bg": ("IBAN", "сметка IBAN"),
}  # fmt: skip

# Court reports in the style of European judgments: a title, a reference line, then numbered
# paragraphs under four headings (procedure, facts, law, operative part). Slots as in the
# phrasebooks, plus {caseno} (a bare case number), {p.byear} (year of birth) and the compound
# slots {org.reg}, {p.nidw}, {p.ibanw}, {p.telw} (register word or label, then the number).
REPORTS: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "title": ("AFFAIRE {p.last} c. {org.name}", "Affaire {p.name} contre {org.name}", "{p.name} c. {org.name}"),
        "heads": ("PROCÉDURE|EN FAIT|EN DROIT|PAR CES MOTIFS", "Procédure|Les faits|Le droit|Dispositif"),
        "proc": (
            "{p.hon} {p.name} a saisi la juridiction le {date3} d'une requête (n° {caseno}) visant {org.name}.",
            "<<Le requérant|La requérante>> a été représenté<<|e>> par Me {q.name}, avocat à {city}.",
            "La requête n° {caseno} a été enregistrée le {date2}.",
            "{org.name}, {org.reg}, a été représentée par son conseil, Me {r.name}.",
        ),
        "facts": (
            "<<Le requérant|La requérante>>, {p.hon} {p.name}, est né<<|e>> en {p.byear} et réside à {p.city}.",
            "Le {date3}, le {court} rejeta l'appel (n° {caseno}).",
            "<<Le requérant|La requérante>> était employé<<|e>> par {org.name}, {org.address}, {org.reg}.",
            "Le {date2}, {org2.name} informa {p.hon} {p.name} que son compte IBAN {p.iban} serait clôturé.",
            "{p.hon} {p.name}, {p.nidw}, saisit le {court} d'une demande tendant au paiement de {amount} euros.",
            "Par un jugement du {date2} (dossier n° {caseno}), le {court} accueillit partiellement la demande.",
        ),
        "law": (
            "<<Le requérant|La requérante>> se plaint d'une violation de l'{statute}.",
            "La juridiction rappelle que l'article {n} s'applique aux litiges de cette nature.",
            "{org.name} soutient que la requête est irrecevable pour non-épuisement des voies de recours.",
            "Le tribunal constate que la procédure a duré plus de {n} mois et comporté {n2} audiences.",
        ),
        "ruling": (
            "Déclare la requête n° {caseno} recevable.",
            "Condamne {org.name} à verser à {p.hon} {p.name} la somme de {amount} euros.",
            "Rejette la demande de satisfaction équitable pour le surplus.",
            "Fait en français, puis communiqué par écrit le {date}.",
        ),
    },
    "es": {
        "title": ("ASUNTO {p.last} c. {org.name}", "Asunto {p.name} contra {org.name}", "{p.name} c. {org.name}"),
        "heads": ("PROCEDIMIENTO|HECHOS|FUNDAMENTOS DE DERECHO|FALLO", "Antecedentes|Hechos|Derecho|Fallo"),
        "proc": (
            "{p.hon} {p.name} presentó el {date3} una demanda (n.º {caseno}) frente a {org.name}.",
            "<<El demandante|La demandante>> estuvo representad<<o|a>> por el abogado {q.name}, con despacho en {city}.",
            "La demanda n.º {caseno} fue registrada el {date2}.",
            "{org.name}, {org.reg}, estuvo representada por su letrado, {r.name}.",
        ),
        "facts": (
            "<<El demandante|La demandante>>, {p.hon} {p.name}, nació en {p.byear} y reside en {p.city}.",
            "El {date3}, el {court} desestimó el recurso de apelación (n.º {caseno}).",
            "<<El demandante|La demandante>> trabajaba para {org.name}, {org.address}, {org.reg}.",
            "El {date2}, {org2.name} comunicó a {p.hon} {p.name} el cierre de su cuenta IBAN {p.iban}.",
            "{p.hon} {p.name}, {p.nidw}, reclamó ante el {court} el pago de {amount} euros.",
            "Por sentencia de {date2} (expediente n.º {caseno}), el {court} estimó parcialmente la demanda.",
        ),
        "law": (
            "<<El demandante|La demandante>> alega la vulneración del {statute}.",
            "El tribunal recuerda que el artículo {n} se aplica a los litigios de esta naturaleza.",
            "{org.name} sostiene que la demanda es inadmisible por falta de agotamiento de los recursos internos.",
            "El procedimiento duró más de {n} meses, con {n2} vistas.",
        ),
        "ruling": (
            "Declara admisible la demanda n.º {caseno}.",
            "Condena a {org.name} a abonar a {p.hon} {p.name} la cantidad de {amount} euros.",
            "Desestima la demanda de satisfacción equitativa en todo lo demás.",
            "Hecho en español y notificado por escrito el {date}.",
        ),
    },
    "it": {
        "title": ("CAUSA {p.last} c. {org.name}", "Causa {p.name} contro {org.name}", "{p.name} c. {org.name}"),
        "heads": ("PROCEDURA|IN FATTO|IN DIRITTO|PER QUESTI MOTIVI", "Svolgimento del processo|Fatti|Diritto|P.Q.M."),
        "proc": (
            "All'origine della causa vi è un ricorso (n. {caseno}) proposto contro {org.name} da {p.hon} {p.name} "
            "il {date3}.",
            "<<Il ricorrente|La ricorrente>> è rappresentat<<o|a>> dall'avv. {q.name}, del foro di {city}.",
            "Il ricorso n. {caseno} è stato iscritto a ruolo il {date2}.",
            "{org.name}, {org.reg}, è rappresentata dall'avv. {r.name}.",
        ),
        "facts": (
            "<<Il ricorrente|La ricorrente>>, {p.hon} {p.name}, è nat<<o|a>> nel {p.byear} e risiede a {p.city}.",
            "Il {date3} l'autorità giudiziaria ({court}) ha respinto l'appello (n. {caseno}).",
            "<<Il ricorrente|La ricorrente>> era dipendente di {org.name}, {org.address}, {org.reg}.",
            "Il {date2} {org2.name} ha comunicato a {p.name} la chiusura del conto IBAN {p.iban}.",
            "{p.hon} {p.name}, {p.nidw}, ha chiesto il pagamento di {amount} euro davanti al giudice ({court}).",
            "Con sentenza del {date2} (fascicolo n. {caseno}), {court} ha accolto in parte la domanda.",
        ),
        "law": (
            "<<Il ricorrente|La ricorrente>> lamenta la violazione dell'{statute}.",
            "Il giudice ricorda che l'articolo {n} si applica alle controversie di questo tipo.",
            "{org.name} eccepisce l'inammissibilità del ricorso per mancato esaurimento delle vie di ricorso.",
            "Il procedimento è durato oltre {n} mesi, con {n2} udienze.",
        ),
        "ruling": (
            "Dichiara ricevibile il ricorso n. {caseno}.",
            "Condanna {org.name} a pagare a {p.name} la somma di {amount} euro.",
            "Rigetta la domanda di equa soddisfazione per il resto.",
            "Così deciso a {city}, il {date}.",
        ),
    },
    "sv": {
        "title": ("MÅLET {p.last} mot {org.name}", "{p.name} mot {org.name}", "Målet {p.name} ./. {org.name}"),
        "heads": ("FÖRFARANDET|OMSTÄNDIGHETER|SKÄL|DOMSLUT", "Bakgrund|Omständigheter|Domstolens bedömning|Domslut"),
        "proc": (
            "Målet har sitt ursprung i en ansökan (nr {caseno}) mot {org.name} som {p.name} gav in den {date3}.",
            "Sökanden företräddes av advokaten {q.name}, {city}.",
            "Ansökan nr {caseno} registrerades den {date2}.",
            "{org.name}, {org.reg}, företräddes av advokaten {r.name}.",
        ),
        "facts": (
            "Sökanden, {p.name}, är född {p.byear} och bor i {p.city}.",
            "Den {date3} avslog {court} överklagandet (mål nr {caseno}).",
            "Sökanden var anställd hos {org.name}, {org.address}, {org.reg}.",
            "Den {date2} meddelade {org2.name} att sökandens konto med IBAN {p.iban} skulle avslutas.",
            "{p.name}, {p.nidw}, yrkade vid {court} att få ersättning med {amount} kronor.",
            "Genom dom den {date2} (dnr {caseno}) biföll {court} delvis talan.",
        ),
        "law": (
            "Sökanden gör gällande att {statute} har åsidosatts.",
            "Domstolen erinrar om att artikel {n} är tillämplig på tvister av detta slag.",
            "{org.name} invänder att ansökan ska avvisas eftersom de inhemska rättsmedlen inte har uttömts.",
            "Förfarandet pågick i mer än {n} månader med {n2} förhandlingar.",
        ),
        "ruling": (
            "Ansökan nr {caseno} upptas till prövning.",
            "{org.name} ska betala {amount} kronor till {p.name}.",
            "Yrkandet om skälig gottgörelse avslås i övrigt.",
            "Meddelad i {city} den {date}.",
        ),
    },
    "cs": {
        "title": ("VĚC {p.last} proti {org.name}", "Věc {p.name} proti {org.name}", "{p.name} v. {org.name}"),
        "heads": ("ŘÍZENÍ|SKUTKOVÝ STAV|PRÁVNÍ POSOUZENÍ|VÝROK", "Průběh řízení|Skutkový stav|Odůvodnění|Výrok"),
        "proc": (
            "Řízení bylo zahájeno stížností (č. {caseno}) proti společnosti {org.name}, kterou podal<<|a>> {p.name} "
            "dne {date3}.",
            "<<Stěžovatele|Stěžovatelku>> zastupoval advokát {q.name}.",
            "Stížnost byla zapsána pod sp. zn. {caseno} dne {date2}.",
            "Společnost {org.name}, {org.reg}, zastupoval advokát {r.name}.",
        ),
        "facts": (
            "<<Stěžovatel|Stěžovatelka>> {p.name} (nar. {p.byear}, bydliště: {p.city}) podal<<|a>> žalobu dne {date3}.",
            "Dne {date3} {court} zamítl odvolání (č. j. {caseno}).",
            "<<Stěžovatel|Stěžovatelka>> byl<<|a>> zaměstnán<<|a>> u společnosti {org.name}, {org.address}, {org.reg}.",
            "Dne {date2} banka {org2.name} oznámila zrušení účtu IBAN {p.iban}.",
            "{p.name}, {p.nidw}, se domáhal<<|a>> zaplacení částky {amount} Kč.",
            "Rozsudkem ze dne {date2} (spis č. {caseno}) {court} žalobě částečně vyhověl.",
        ),
        "law": (
            "<<Stěžovatel|Stěžovatelka>> namítá porušení {statute}.",
            "Soud připomíná, že článek {n} se na spory této povahy vztahuje.",
            "Společnost {org.name} namítá nepřípustnost stížnosti pro nevyčerpání opravných prostředků.",
            "Řízení trvalo déle než {n} měsíců; počet jednání: {n2}.",
        ),
        "ruling": (
            "Stížnost č. {caseno} se prohlašuje za přijatelnou.",
            "Společnost {org.name} je povinna zaplatit částku {amount} Kč.",
            "Ve zbytku se návrh na spravedlivé zadostiučinění zamítá.",
            "V Praze dne {date}.",
        ),
    },
    "da": {
        "title": ("SAGEN {p.last} mod {org.name}", "{p.name} mod {org.name}", "Sag {p.name} ./. {org.name}"),
        "heads": ("SAGSFORLØB|DE FAKTISKE FORHOLD|RETTENS BEGRUNDELSE|DOMSKONKLUSION", "Sagen|Forholdene|Begrundelse|Konklusion"),
        "proc": (
            "Sagen udspringer af en klage (nr. {caseno}) mod {org.name}, som {p.name} indgav den {date3}.",
            "Klageren var repræsenteret af advokat {q.name}, {city}.",
            "Klage nr. {caseno} blev registreret den {date2}.",
            "{org.name}, {org.reg}, var repræsenteret af advokat {r.name}.",
        ),
        "facts": (
            "Klageren, {p.name}, er født i {p.byear} og bor i {p.city}.",
            "Den {date3} stadfæstede {court} afgørelsen (sag nr. {caseno}).",
            "Klageren var ansat hos {org.name}, {org.address}, {org.reg}.",
            "Den {date2} meddelte {org2.name}, at klagerens konto med IBAN {p.iban} ville blive lukket.",
            "{p.name}, {p.nidw}, krævede ved {court} betaling af {amount} kr.",
            "Ved dom af {date2} (j.nr. {caseno}) gav {court} delvis medhold.",
        ),
        "law": (
            "Klageren gør gældende, at {statute} er tilsidesat.",
            "Retten bemærker, at artikel {n} finder anvendelse på tvister af denne art.",
            "{org.name} gør gældende, at klagen skal afvises, da de nationale retsmidler ikke er udtømt.",
            "Sagen har varet mere end {n} måneder med {n2} retsmøder.",
        ),
        "ruling": (
            "Klage nr. {caseno} antages til realitetsbehandling.",
            "{org.name} skal betale {amount} kr. til {p.name}.",
            "Kravet om rimelig godtgørelse afvises i øvrigt.",
            "Afsagt i {city} den {date}.",
        ),
    },
    "en": {
        "title": ("CASE OF {p.last} v. {org.name}", "{p.name} v. {org.name}", "In the matter of {p.name} v. {org.name}"),
        "heads": ("PROCEDURE|THE FACTS|THE LAW|FOR THESE REASONS", "Procedure|Facts|Law|Operative provisions"),
        "proc": (
            "The case originated in an application (no. {caseno}) against {org.name} lodged by {p.hon} {p.name} "
            "on {date3}.",
            "The applicant was represented by {q.name}, a lawyer practising in {city}.",
            "Application no. {caseno} was registered on {date2}.",
            "{org.name}, {org.reg}, was represented by its counsel, {r.name}.",
        ),
        "facts": (
            "The applicant, {p.hon} {p.name}, was born in {p.byear} and lives in {p.city}.",
            "On {date3} {court} dismissed the appeal (no. {caseno}).",
            "The applicant was employed by {org.name}, {org.address}, {org.reg}.",
            "On {date2} {org2.name} informed the applicant that the account with IBAN {p.iban} would be closed.",
            "{p.hon} {p.name}, {p.nidw}, claimed {amount} euros before {court}.",
            "By a judgment of {date2} (file no. {caseno}) {court} partly allowed the claim.",
        ),
        "law": (
            "The applicant complained of a breach of {statute}.",
            "The court reiterates that Article {n} applies to disputes of this kind.",
            "{org.name} argued that the application was inadmissible for non-exhaustion of domestic remedies.",
            "The proceedings lasted more than {n} months, with {n2} hearings.",
        ),
        "ruling": (
            "Declares application no. {caseno} admissible.",
            "Holds that {org.name} is to pay {p.hon} {p.name} {amount} euros.",
            "Dismisses the remainder of the claim for just satisfaction.",
            "Done in English and notified in writing on {date}.",
        ),
    },
    "de": {
        "title": ("RECHTSSACHE {p.last} gegen {org.name}", "{p.name} gegen {org.name}", "In Sachen {p.name} ./. {org.name}"),
        "heads": ("VERFAHREN|SACHVERHALT|RECHTLICHE WÜRDIGUNG|TENOR", "Verfahren|Tatbestand|Entscheidungsgründe|Tenor"),
        "proc": (
            "Der Rechtssache liegt eine Beschwerde (Nr. {caseno}) gegen {org.name} zugrunde, die {p.hon} {p.name} "
            "am {date3} erhoben hat.",
            "<<Der Beschwerdeführer|Die Beschwerdeführerin>> wurde von Rechtsanwalt {q.name}, {city}, vertreten.",
            "Die Beschwerde Nr. {caseno} wurde am {date2} eingetragen.",
            "{org.name}, {org.reg}, wurde von Rechtsanwalt {r.name} vertreten.",
        ),
        "facts": (
            "<<Der Beschwerdeführer|Die Beschwerdeführerin>>, {p.hon} {p.name}, ist {p.byear} geboren und wohnt in {p.city}.",
            "Am {date3} wies das {court} die Berufung zurück (Az. {caseno}).",
            "<<Der Beschwerdeführer|Die Beschwerdeführerin>> war bei {org.name}, {org.address}, {org.reg}, beschäftigt.",
            "Am {date2} kündigte {org2.name} das Konto mit der IBAN {p.iban}.",
            "{p.hon} {p.name}, {p.nidw}, verlangte vor dem {court} Zahlung von {amount} Euro.",
            "Mit Urteil vom {date2} (Akte Nr. {caseno}) gab das {court} der Klage teilweise statt.",
        ),
        "law": (
            "<<Der Beschwerdeführer|Die Beschwerdeführerin>> rügt eine Verletzung von {statute}.",
            "Das Gericht erinnert daran, dass Artikel {n} auf Streitigkeiten dieser Art anwendbar ist.",
            "{org.name} hält die Beschwerde mangels Erschöpfung des Rechtswegs für unzulässig.",
            "Das Verfahren dauerte über {n} Monate mit {n2} Verhandlungsterminen.",
        ),
        "ruling": (
            "Die Beschwerde Nr. {caseno} wird für zulässig erklärt.",
            "{org.name} hat an {p.hon} {p.name} {amount} Euro zu zahlen.",
            "Im Übrigen wird der Antrag auf gerechte Entschädigung zurückgewiesen.",
            "Ausgefertigt in {city} am {date}.",
        ),
    },
    "pt": {
        "title": ("CASO {p.last} c. {org.name}", "Caso {p.name} contra {org.name}", "{p.name} c. {org.name}"),
        "heads": ("PROCESSO|OS FACTOS|O DIREITO|DECISÃO", "Tramitação|Factos|Direito|Dispositivo"),
        "proc": (
            "Na origem do processo está uma queixa (n.º {caseno}) contra {org.name}, apresentada por {p.name} "
            "em {date3}.",
            "<<O requerente|A requerente>> teve o patrocínio de {q.name} ({city}).",
            "A queixa n.º {caseno} foi registada em {date2}.",
            "{org.name}, {org.reg}, foi representada pelo seu mandatário, {r.name}.",
        ),
        "facts": (
            "<<O requerente|A requerente>>, {p.name}, nasceu em {p.byear}; residência: {p.city}.",
            "Em {date3}, o {court} negou provimento ao recurso (processo n.º {caseno}).",
            "<<O requerente|A requerente>> trabalhava para {org.name}, {org.address}, {org.reg}.",
            "Em {date2}, {org2.name} comunicou o encerramento da conta IBAN {p.iban}.",
            "{p.name}, {p.nidw}, pediu ao {court} o pagamento de {amount} euros.",
            "Por sentença de {date2} (processo n.º {caseno}), o {court} julgou a ação parcialmente procedente.",
        ),
        "law": (
            "<<O requerente|A requerente>> invoca a violação do {statute}.",
            "O tribunal recorda que o artigo {n} se aplica a litígios desta natureza.",
            "{org.name} alega que a queixa é inadmissível por não esgotamento das vias de recurso internas.",
            "O processo durou mais de {n} meses, com {n2} audiências.",
        ),
        "ruling": (
            "Declara admissível a queixa n.º {caseno}.",
            "Condena {org.name} a pagar a {p.name} a quantia de {amount} euros.",
            "Julga improcedente o pedido de reparação razoável quanto ao restante.",
            "Feito em português e notificado por escrito em {date}.",
        ),
    },
    "nl": {
        "title": ("ZAAK {p.last} t. {org.name}", "{p.name} tegen {org.name}", "Zaak {p.name} / {org.name}"),
        "heads": ("PROCEDURE|DE FEITEN|HET RECHT|BESLISSING", "Procesverloop|Feiten|Beoordeling|Beslissing"),
        "proc": (
            "De zaak vindt haar oorsprong in een verzoekschrift (nr. {caseno}) tegen {org.name}, ingediend door "
            "{p.name} op {date3}.",
            "Verzoek<<er|ster>> werd bijgestaan door mr. {q.name}, advocaat te {city}.",
            "Verzoekschrift nr. {caseno} is ingeschreven op {date2}.",
            "{org.name}, {org.reg}, werd vertegenwoordigd door mr. {r.name}.",
        ),
        "facts": (
            "Verzoek<<er|ster>>, {p.name}, is geboren in {p.byear} en woont in {p.city}.",
            "Op {date3} heeft de rechter ({court}) het hoger beroep verworpen (zaaknummer {caseno}).",
            "Verzoek<<er|ster>> was in dienst van {org.name}, {org.address}, {org.reg}.",
            "Op {date2} deelde {org2.name} mee dat de rekening met IBAN {p.iban} zou worden opgeheven.",
            "{p.name}, {p.nidw}, vorderde betaling van {amount} euro.",
            "Bij vonnis van {date2} (zaaknr. {caseno}) is de vordering gedeeltelijk toegewezen.",
        ),
        "law": (
            "Verzoek<<er|ster>> klaagt over schending van {statute}.",
            "Het hof herinnert eraan dat artikel {n} op geschillen van deze aard van toepassing is.",
            "{org.name} stelt dat het verzoek niet-ontvankelijk is wegens het niet uitputten van nationale rechtsmiddelen.",
            "De procedure heeft meer dan {n} maanden geduurd, met {n2} zittingen.",
        ),
        "ruling": (
            "Verklaart verzoekschrift nr. {caseno} ontvankelijk.",
            "Veroordeelt {org.name} tot betaling aan {p.name} van {amount} euro.",
            "Wijst het meer of anders gevorderde af.",
            "Gewezen te {city} op {date}.",
        ),
    },
    "ro": {
        "title": ("CAUZA {p.last} c. {org.name}", "Cauza {p.name} împotriva {org.name}", "{p.name} c. {org.name}"),
        "heads": ("PROCEDURA|ÎN FAPT|ÎN DREPT|PENTRU ACESTE MOTIVE", "Procedura|Situația de fapt|Motivarea|Dispozitiv"),
        "proc": (
            "Cauza are la origine o cerere (nr. {caseno}) îndreptată împotriva {org.name}, depusă de {p.name} "
            "la {date3}.",
            "Reclamant<<ul|a>> a fost reprezentat<<|ă>> de avocat {q.name}, din {city}.",
            "Cererea nr. {caseno} a fost înregistrată la {date2}.",
            "{org.name}, {org.reg}, a fost reprezentată de avocat {r.name}.",
        ),
        "facts": (
            "Reclamant<<ul|a>>, {p.name}, s-a născut în {p.byear} și locuiește în {p.city}.",
            "La {date3}, {court} a respins apelul (dosar nr. {caseno}).",
            "Reclamant<<ul|a>> era angajat<<|ă>> la {org.name}, {org.address}, {org.reg}.",
            "La {date2}, {org2.name} a comunicat închiderea contului IBAN {p.iban}.",
            "{p.name}, {p.nidw}, a solicitat plata sumei de {amount} lei.",
            "Prin sentința din {date2} (dosar nr. {caseno}), {court} a admis în parte acțiunea.",
        ),
        "law": (
            "Reclamant<<ul|a>> invocă încălcarea {statute}.",
            "Instanța reamintește că articolul {n} se aplică litigiilor de această natură.",
            "{org.name} susține că cererea este inadmisibilă pentru neepuizarea căilor de atac interne.",
            "Procedura a durat peste {n} luni, cu {n2} termene de judecată.",
        ),
        "ruling": (
            "Declară admisibilă cererea nr. {caseno}.",
            "Obligă {org.name} să plătească reclamant<<ului|ei>> suma de {amount} lei.",
            "Respinge în rest cererea de reparație echitabilă.",
            "Pronunțată la {city}, la {date}.",
        ),
    },
    "pl": {
        "title": ("SPRAWA {p.last} ./. {org.name}", "Sprawa: {p.name} ./. {org.name}", "{p.name} v. {org.name}"),
        "heads": ("POSTĘPOWANIE|STAN FAKTYCZNY|PRAWO|SENTENCJA", "Przebieg postępowania|Fakty|Uzasadnienie|Rozstrzygnięcie"),
        "proc": (
            "Sprawa została wszczęta skargą (nr {caseno}) wniesioną dnia {date3}; skarżąc<<y|a>>: {p.name}, "
            "strona przeciwna: {org.name}.",
            "Pełnomocnik skarżąc<<ego|ej>>: adwokat {q.name}, {city}.",
            "Skarga nr {caseno} została zarejestrowana dnia {date2}.",
            "Strona przeciwna: {org.name}, {org.reg}; pełnomocnik: {r.name}.",
        ),
        "facts": (
            "Skarżąc<<y|a>> {p.name} (ur. {p.byear}, miejsce zamieszkania: {p.city}) <<wniósł|wniosła>> pozew dnia {date3}.",
            "Dnia {date3} {court} oddalił apelację (sygn. {caseno}).",
            "Skarżąc<<y|a>> był<<|a>> zatrudnion<<y|a>> w spółce {org.name}, {org.address}, {org.reg}.",
            "Dnia {date2} bank {org2.name} wypowiedział umowę rachunku IBAN {p.iban}.",
            "{p.name}, {p.nidw}, domagał<<|a>> się zapłaty kwoty {amount} zł.",
            "Wyrokiem z dnia {date2} (sprawa nr {caseno}) {court} częściowo uwzględnił powództwo.",
        ),
        "law": (
            "Podstawa prawna skargi: {statute}.",
            "Sąd przypomina, że artykuł {n} ma zastosowanie do sporów tego rodzaju.",
            "Spółka {org.name} podnosi, że skarga jest niedopuszczalna z powodu niewyczerpania środków odwoławczych.",
            "Postępowanie trwało ponad {n} miesięcy; liczba rozpraw: {n2}.",
        ),
        "ruling": (
            "Uznaje skargę nr {caseno} za dopuszczalną.",
            "Zasądza kwotę {amount} zł na rzecz skarżąc<<ego|ej>>; zobowiązana: {org.name}.",
            "W pozostałym zakresie oddala żądanie słusznego zadośćuczynienia.",
            "{city}, dnia {date}.",
        ),
    },
    "sk": {
        "title": ("VEC {p.last} proti {org.name}", "Vec {p.name} proti {org.name}", "{p.name} v. {org.name}"),
        "heads": ("KONANIE|SKUTKOVÝ STAV|PRÁVNE POSÚDENIE|VÝROK", "Priebeh konania|Skutkový stav|Odôvodnenie|Výrok"),
        "proc": (
            "Konanie sa začalo sťažnosťou (č. {caseno}) proti spoločnosti {org.name}, ktorú podal<<|a>> {p.name} "
            "dňa {date3}.",
            "Právny zástupca: advokát {q.name}.",
            "Sťažnosť bola zapísaná pod sp. zn. {caseno} dňa {date2}.",
            "Spoločnosť {org.name}, {org.reg}, zastupoval advokát {r.name}.",
        ),
        "facts": (
            "Sťažovateľ<<|ka>> {p.name} (nar. {p.byear}, bydlisko: {p.city}) podal<<|a>> žalobu dňa {date3}.",
            "Dňa {date3} {court} zamietol odvolanie (č. {caseno}).",
            "Sťažovateľ<<|ka>> bol<<|a>> zamestnan<<ý|á>> v spoločnosti {org.name}, {org.address}, {org.reg}.",
            "Dňa {date2} banka {org2.name} oznámila zrušenie účtu IBAN {p.iban}.",
            "{p.name}, {p.nidw}, sa domáhal<<|a>> zaplatenia sumy {amount} eur.",
            "Rozsudkom zo dňa {date2} (spis č. {caseno}) {court} žalobe čiastočne vyhovel.",
        ),
        "law": (
            "Právny základ: {statute}.",
            "Súd pripomína, že článok {n} sa na spory tejto povahy vzťahuje.",
            "Spoločnosť {org.name} namieta neprípustnosť sťažnosti pre nevyčerpanie opravných prostriedkov.",
            "Konanie trvalo dlhšie ako {n} mesiacov; počet pojednávaní: {n2}.",
        ),
        "ruling": (
            "Sťažnosť č. {caseno} sa vyhlasuje za prijateľnú.",
            "Spoločnosť {org.name} je povinná zaplatiť sumu {amount} eur.",
            "Vo zvyšku sa návrh na spravodlivé zadosťučinenie zamieta.",
            "V Bratislave dňa {date}.",
        ),
    },
    "hr": {
        "title": ("PREDMET {p.last} protiv {org.name}", "{p.name} protiv {org.name}", "Predmet: {p.name} / {org.name}"),
        "heads": ("POSTUPAK|ČINJENICE|PRAVO|IZREKA", "Tijek postupka|Činjenično stanje|Obrazloženje|Izreka"),
        "proc": (
            "Postupak je pokrenut zahtjevom (br. {caseno}) koji je {date3} podni<<o|jela>> {p.name}; protivna stranka: "
            "{org.name}.",
            "Punomoćnik: odvjetnik {q.name}, {city}.",
            "Zahtjev br. {caseno} upisan je {date2}.",
            "Protivna stranka: {org.name}, {org.reg}; punomoćnik: {r.name}.",
        ),
        "facts": (
            "Podnositelj<<|ica>> zahtjeva {p.name} (rođen<<|a>> {p.byear}, prebivalište: {p.city}) podni<<o|jela>> je tužbu {date3}.",
            "Dana {date3} {court} odbio je žalbu (posl. br. {caseno}).",
            "Podnositelj<<|ica>> je bi<<o|la>> zaposlen<<|a>> u društvu {org.name}, {org.address}, {org.reg}.",
            "Dana {date2} banka {org2.name} otkazala je račun IBAN {p.iban}.",
            "{p.name}, {p.nidw}, zatraži<<o|la>> je isplatu iznosa od {amount} EUR.",
            "Presudom od {date2} (predmet br. {caseno}) {court} djelomično je prihvatio tužbeni zahtjev.",
        ),
        "law": (
            "Pravna osnova: {statute}.",
            "Sud podsjeća da se članak {n} primjenjuje na sporove te vrste.",
            "Društvo {org.name} tvrdi da je zahtjev nedopušten jer nisu iscrpljena domaća pravna sredstva.",
            "Postupak je trajao više od {n} mjeseci; broj ročišta: {n2}.",
        ),
        "ruling": (
            "Zahtjev br. {caseno} proglašava se dopuštenim.",
            "Društvo {org.name} dužno je isplatiti iznos od {amount} EUR.",
            "U preostalom dijelu zahtjev za pravednu naknadu se odbija.",
            "U Zagrebu, {date}",
        ),
    },
    "sl": {
        "title": ("ZADEVA {p.last} proti {org.name}", "{p.name} proti {org.name}", "Zadeva: {p.name} / {org.name}"),
        "heads": ("POSTOPEK|DEJSTVA|PRAVO|IZREK", "Potek postopka|Dejansko stanje|Obrazložitev|Izrek"),
        "proc": (
            "Postopek se je začel z vlogo (št. {caseno}), ki jo je dne {date3} vložil<<|a>> {p.name}; nasprotna "
            "stranka: {org.name}.",
            "Pooblaščenec: odvetnik {q.name}, {city}.",
            "Vloga št. {caseno} je bila vpisana dne {date2}.",
            "Nasprotna stranka: {org.name}, {org.reg}; pooblaščenec: {r.name}.",
        ),
        "facts": (
            "Pritožni<<k|ca>> {p.name} (roj. {p.byear}, prebivališče: {p.city}) je tožbo vložil<<|a>> dne {date3}.",
            "Dne {date3} je {court} pritožbo zavrnilo (opr. št. {caseno}).",
            "Pritožni<<k|ca>> je bil<<|a>> zaposlen<<|a>> pri družbi {org.name}, {org.address}, {org.reg}.",
            "Dne {date2} je banka {org2.name} odpovedala račun IBAN {p.iban}.",
            "{p.name}, {p.nidw}, je zahteval<<|a>> plačilo zneska {amount} EUR.",
            "S sodbo z dne {date2} (spis št. {caseno}) je {court} tožbenemu zahtevku delno ugodilo.",
        ),
        "law": (
            "Pravna podlaga: {statute}.",
            "Sodišče opozarja, da se člen {n} uporablja za spore te vrste.",
            "Družba {org.name} trdi, da vloga ni dopustna, ker pravna sredstva niso bila izčrpana.",
            "Postopek je trajal več kot {n} mesecev; število obravnav: {n2}.",
        ),
        "ruling": (
            "Vloga št. {caseno} se razglasi za dopustno.",
            "Družba {org.name} je dolžna plačati znesek {amount} EUR.",
            "V preostalem se zahtevek za pravično zadoščenje zavrne.",
            "V Ljubljani, dne {date}.",
        ),
    },
    "fi": {
        "title": ("ASIA {p.last} vastaan {org.name}", "{p.name} v. {org.name}", "Asia: {p.name} / {org.name}"),
        "heads": ("MENETTELY|TOSISEIKAT|OIKEUDELLINEN ARVIOINTI|RATKAISU", "Asian käsittely|Tosiseikat|Perustelut|Päätöslauselma"),
        "proc": (
            "Asia sai alkunsa valituksesta (nro {caseno}), jonka {p.name} teki {date3}; vastapuoli: {org.name}.",
            "Valittajan avustaja: asianajaja {q.name}, {city}.",
            "Valitus nro {caseno} kirjattiin {date2}.",
            "Vastapuoli: {org.name}, {org.reg}; asiamies: {r.name}.",
        ),
        "facts": (
            "Valittaja {p.name} (syntynyt {p.byear}, kotipaikka: {p.city}) nosti kanteen {date3}.",
            "{court} hylkäsi valituksen {date3} (diaarinumero {caseno}).",
            "Valittaja oli työsuhteessa yhtiöön {org.name}, {org.address}, {org.reg}.",
            "Pankki {org2.name} irtisanoi {date2} tilin IBAN {p.iban}.",
            "{p.name}, {p.nidw}, vaati {amount} euron suoritusta.",
            "{court} hyväksyi kanteen osittain {date2} antamallaan tuomiolla (asia nro {caseno}).",
        ),
        "law": (
            "Oikeusperuste: {statute}.",
            "Tuomioistuin muistuttaa, että artiklaa {n} sovelletaan tällaisiin riitoihin.",
            "Vastapuoli {org.name} katsoo, että valitus on jätettävä tutkimatta.",
            "Käsittely kesti yli {n} kuukautta; istuntoja oli {n2}.",
        ),
        "ruling": (
            "Valitus nro {caseno} otetaan tutkittavaksi.",
            "Vastapuoli {org.name} velvoitetaan maksamaan {amount} euroa.",
            "Kohtuullista hyvitystä koskeva vaatimus hylätään muilta osin.",
            "Helsingissä {date}",
        ),
    },
    "et": {
        "title": ("KOHTUASI {p.last} vs. {org.name}", "{p.name} vs. {org.name}", "Kohtuasi: {p.name} / {org.name}"),
        "heads": ("MENETLUS|ASJAOLUD|ÕIGUSLIK HINNANG|RESOLUTSIOON", "Menetluse käik|Asjaolud|Põhjendused|Resolutsioon"),
        "proc": (
            "Asi algas kaebusega (nr {caseno}), mille esitas {p.name} {date3}; vastaspool: {org.name}.",
            "Kaebaja esindaja: vandeadvokaat {q.name}, {city}.",
            "Kaebus nr {caseno} registreeriti {date2}.",
            "Vastaspool: {org.name}, {org.reg}; esindaja: {r.name}.",
        ),
        "facts": (
            "Kaebaja {p.name} (sünniaasta {p.byear}, elukoht: {p.city}) esitas hagi {date3}.",
            "{court} jättis apellatsioonkaebuse rahuldamata {date3} (asja nr {caseno}).",
            "Kaebaja töötas ettevõttes {org.name}, {org.address}, {org.reg}.",
            "Pank {org2.name} lõpetas {date2} konto IBAN {p.iban}.",
            "{p.name}, {p.nidw}, nõudis {amount} euro maksmist.",
            "{court} rahuldas hagi osaliselt {date2} tehtud otsusega (toimiku nr {caseno}).",
        ),
        "law": (
            "Õiguslik alus: {statute}.",
            "Kohus tuletab meelde, et artiklit {n} kohaldatakse seda liiki vaidlustele.",
            "Vastaspool {org.name} leiab, et kaebus on vastuvõetamatu.",
            "Menetlus kestis üle {n} kuu; istungeid oli {n2}.",
        ),
        "ruling": (
            "Kaebus nr {caseno} tunnistada vastuvõetavaks.",
            "Mõista vastaspoolelt {org.name} välja {amount} eurot.",
            "Õiglase hüvitise nõue ülejäänud osas jätta rahuldamata.",
            "Tallinn, {date}",
        ),
    },
    "lt": {
        "title": ("BYLA {p.last} prieš {org.name}", "{p.name} prieš {org.name}", "Byla: {p.name} / {org.name}"),
        "heads": ("PROCESAS|FAKTINĖS APLINKYBĖS|TEISĖ|REZOLIUCIJA", "Proceso eiga|Aplinkybės|Motyvai|Rezoliucija"),
        "proc": (
            "Byla pradėta pagal skundą (Nr. {caseno}), kurį {date3} pateikė {p.name}; kita šalis: {org.name}.",
            "Pareiškėjo atstovas: advokatas {q.name}, {city}.",
            "Skundas Nr. {caseno} įregistruotas {date2}.",
            "Kita šalis: {org.name}, {org.reg}; atstovas: {r.name}.",
        ),
        "facts": (
            "Pareiškėj<<as|a>> {p.name} (gimimo metai: {p.byear}, gyvenamoji vieta: {p.city}) ieškinį pateikė {date3}.",
            "{court} {date3} atmetė apeliacinį skundą (bylos Nr. {caseno}).",
            "Pareiškėj<<as|a>> dirbo įmonėje {org.name}, {org.address}, {org.reg}.",
            "Bankas {org2.name} {date2} uždarė sąskaitą IBAN {p.iban}.",
            "{p.name}, {p.nidw}, prašė priteisti {amount} Eur.",
            "{court} {date2} sprendimu (bylos Nr. {caseno}) ieškinį patenkino iš dalies.",
        ),
        "law": (
            "Teisinis pagrindas: {statute}.",
            "Teismas primena, kad {n} straipsnis taikomas tokio pobūdžio ginčams.",
            "Kita šalis {org.name} teigia, kad skundas nepriimtinas.",
            "Procesas truko daugiau kaip {n} mėn.; posėdžių skaičius: {n2}.",
        ),
        "ruling": (
            "Skundą Nr. {caseno} pripažinti priimtinu.",
            "Priteisti iš atsakovės {org.name} {amount} Eur.",
            "Kitą reikalavimo dalį atmesti.",
            "Vilnius, {date}",
        ),
    },
    "lv": {
        "title": ("LIETA {p.last} pret {org.name}", "{p.name} pret {org.name}", "Lieta: {p.name} / {org.name}"),
        "heads": ("PROCESS|FAKTI|TIESĪBAS|NOLĒMUMS", "Lietas gaita|Apstākļi|Motīvi|Nolēmums"),
        "proc": (
            "Lieta ierosināta pēc pieteikuma (Nr. {caseno}), ko {date3} iesniedza {p.name}; otra puse: {org.name}.",
            "Pieteicēja pārstāvis: zvērināts advokāts {q.name}, {city}.",
            "Pieteikums Nr. {caseno} reģistrēts {date2}.",
            "Otra puse: {org.name}, {org.reg}; pārstāvis: {r.name}.",
        ),
        "facts": (
            "Pieteicēj<<s|a>> {p.name} (dzimšanas gads: {p.byear}, dzīvesvieta: {p.city}) prasību iesniedza {date3}.",
            "{court} {date3} noraidīja apelācijas sūdzību (lietas Nr. {caseno}).",
            "Pieteicēj<<s|a>> strādāja uzņēmumā {org.name}, {org.address}, {org.reg}.",
            "Banka {org2.name} {date2} slēdza kontu IBAN {p.iban}.",
            "{p.name}, {p.nidw}, prasīja samaksāt {amount} EUR.",
            "{court} {date2} ar spriedumu (lietas Nr. {caseno}) prasību apmierināja daļēji.",
        ),
        "law": (
            "Tiesiskais pamats: {statute}.",
            "Tiesa atgādina, ka {n}. pants attiecas uz šāda veida strīdiem.",
            "Otra puse {org.name} apgalvo, ka pieteikums nav pieņemams.",
            "Process ilga vairāk nekā {n} mēnešus; sēžu skaits: {n2}.",
        ),
        "ruling": (
            "Atzīt pieteikumu Nr. {caseno} par pieņemamu.",
            "Piedzīt no atbildētājas {org.name} {amount} EUR.",
            "Pārējā daļā prasību noraidīt.",
            "Rīga, {date}",
        ),
    },
    "hu": {
        "title": ("{p.name} kontra {org.name}", "{p.name} – {org.name} ügy", "Ügy: {p.name} / {org.name}"),
        "heads": ("AZ ELJÁRÁS|A TÉNYÁLLÁS|A JOGI ÉRTÉKELÉS|RENDELKEZŐ RÉSZ", "Eljárás|Tények|Indokolás|Határozat"),
        "proc": (
            "Az ügy egy kérelemmel (szám: {caseno}) indult, amelyet {p.name} {date3} napján nyújtott be; ellenérdekű "
            "fél: {org.name}.",
            "A kérelmező jogi képviselője: dr. {q.name} ügyvéd ({city}).",
            "A kérelmet {date2} napján iktatták; ügyszám: {caseno}.",
            "Ellenérdekű fél: {org.name}, {org.reg}; képviselő: dr. {r.name}.",
        ),
        "facts": (
            "A kérelmező, {p.name} (születési év: {p.byear}, lakóhely: {p.city}) {date3} napján keresetet nyújtott be.",
            "A bíróság ({court}) {date3} napján elutasította a fellebbezést (ügyszám: {caseno}).",
            "A kérelmező munkáltatója: {org.name}, {org.address}, {org.reg}.",
            "A bank ({org2.name}) {date2} napján megszüntette a számlát; IBAN {p.iban}.",
            "A kérelmező ({p.name}, {p.nidw}) {amount} Ft megfizetését kérte.",
        ),
        "law": (
            "Jogalap: {statute}.",
            "A bíróság emlékeztet arra, hogy a {n}. cikk az ilyen jogvitákra alkalmazandó.",
            "Az ellenérdekű fél ({org.name}) szerint a kérelem elfogadhatatlan.",
            "Az eljárás több mint {n} hónapig tartott; tárgyalások száma: {n2}.",
        ),
        "ruling": (
            "A bíróság a kérelmet (ügyszám: {caseno}) elfogadhatónak nyilvánítja.",
            "A bíróság kötelezi az ellenérdekű felet ({org.name}), hogy fizessen meg {amount} Ft-ot.",
            "A méltányos elégtétel iránti kérelmet ezt meghaladóan elutasítja.",
            "Kelt: {date}",
        ),
    },
    "el": {
        "title": ("ΥΠΟΘΕΣΗ {p.last} κατά {org.name}", "{p.name} κατά {org.name}", "Υπόθεση: {p.name} / {org.name}"),
        "heads": ("ΔΙΑΔΙΚΑΣΙΑ|ΤΑ ΠΡΑΓΜΑΤΙΚΑ ΠΕΡΙΣΤΑΤΙΚΑ|ΤΟ ΔΙΚΑΙΟ|ΔΙΑΤΑΚΤΙΚΟ", "Διαδικασία|Περιστατικά|Σκεπτικό|Διατακτικό"),
        "proc": (
            "Η υπόθεση ξεκίνησε με προσφυγή (αρ. {caseno}) που άσκησε στις {date3} <<ο|η>> {p.name}· καθής: {org.name}.",
            "Πληρεξούσιος δικηγόρος: {q.name}, {city}.",
            "Η προσφυγή αρ. {caseno} καταχωρίστηκε στις {date2}.",
            "Καθής: {org.name}, {org.reg}· πληρεξούσιος: {r.name}.",
        ),
        "facts": (
            "<<Ο προσφεύγων|Η προσφεύγουσα>> {p.name} (έτος γέννησης: {p.byear}, κάτοικος: {p.city}) άσκησε αγωγή στις {date3}.",
            "Στις {date3} το δικαστήριο ({court}) απέρριψε την έφεση (αρ. {caseno}).",
            "<<Ο προσφεύγων|Η προσφεύγουσα>> εργαζόταν στην εταιρεία {org.name}, {org.address}, {org.reg}.",
            "Στις {date2} η τράπεζα {org2.name} έκλεισε τον λογαριασμό IBAN {p.iban}.",
            "<<Ο|Η>> {p.name}, {p.nidw}, ζήτησε την καταβολή {amount} ευρώ.",
        ),
        "law": (
            "Νομική βάση: {statute}.",
            "Το δικαστήριο υπενθυμίζει ότι το άρθρο {n} εφαρμόζεται σε διαφορές αυτού του είδους.",
            "Η καθής ({org.name}) υποστηρίζει ότι η προσφυγή είναι απαράδεκτη.",
            "Η διαδικασία διήρκεσε πάνω από {n} μήνες· αριθμός συνεδριάσεων: {n2}.",
        ),
        "ruling": (
            "Κηρύσσει την προσφυγή αρ. {caseno} παραδεκτή.",
            "Υποχρεώνει την καθής ({org.name}) να καταβάλει το ποσό των {amount} ευρώ.",
            "Απορρίπτει κατά τα λοιπά το αίτημα δίκαιης ικανοποίησης.",
            "Αθήνα, {date}",
        ),
    },
    "bg": {
        "title": ("ДЕЛО {p.last} срещу {org.name}", "{p.name} срещу {org.name}", "Дело: {p.name} / {org.name}"),
        "heads": ("ПРОИЗВОДСТВО|ФАКТИТЕ|ПРАВОТО|РЕШЕНИЕ", "Производство|Фактическа обстановка|Мотиви|Диспозитив"),
        "proc": (
            "Делото е образувано по жалба (№ {caseno}), подадена на {date3} г. от {p.name}; ответник: {org.name}.",
            "Пълномощник: адв. {q.name}, {city}.",
            "Жалба № {caseno} е вписана на {date2} г.",
            "Ответник: {org.name}, {org.reg}; пълномощник: {r.name}.",
        ),
        "facts": (
            "Жалбоподател<<ят|ката>> {p.name} (година на раждане: {p.byear}, местоживеене: {p.city}) е предявил<<|а>> "
            "иск на {date3} г.",
            "На {date3} г. съдът ({court}) отхвърли въззивната жалба (дело № {caseno}).",
            "Жалбоподател<<ят|ката>> е работил<<|а>> в {org.name}, {org.address}, {org.reg}.",
            "На {date2} г. банката {org2.name} закри сметка IBAN {p.iban}.",
            "{p.name}, {p.nidw}, претендира сумата от {amount} лв.",
        ),
        "law": (
            "Правно основание: {statute}.",
            "Съдът припомня, че чл. {n} се прилага към спорове от този вид.",
            "Ответникът ({org.name}) твърди, че жалбата е недопустима.",
            "Производството продължи повече от {n} месеца; брой заседания: {n2}.",
        ),
        "ruling": (
            "ОБЯВЯВА жалба № {caseno} за допустима.",
            "ОСЪЖДА {org.name} да заплати сумата от {amount} лв.",
            "ОТХВЪРЛЯ искането за справедливо обезщетение в останалата част.",
            "София, {date} г.",
        ),
    },
}  # fmt: skip
