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
            "À l'origine de l'affaire se trouve une requête (n° {caseno}) dirigée contre {org.name} et dont "
            "{p.hon} {p.name} a saisi la juridiction le {date3}.",
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
            "El asunto tiene su origen en una demanda (n.º {caseno}) dirigida contra {org.name}, presentada por "
            "{p.hon} {p.name} el {date3}.",
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
}  # fmt: skip
