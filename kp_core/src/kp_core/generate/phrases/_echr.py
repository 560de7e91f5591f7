"""Words of European court reports: public bodies (courts, prosecutors, police and security
directorates, ministries, universities, legal-aid boards, complaint authorities, councils), parties
and associations, cities abroad, names from outside the EU, and the extra report sentences that use
them. All invented for the generator.

Institution entries are ``"<article>|<name>"``: the article (``le``, ``la``, ``the``, ``das``)
is written outside the ORG_PARTY span; ``{c}`` is a city (the document's country or abroad).
Languages that inflect a city after a preposition (pl, cs) list written-out names instead.
"""

from __future__ import annotations

# Cities abroad that most languages write alike (Turkish and British cities, where many
# applications come from).
FOREIGN_CITIES = (
    "Ankara", "Izmir", "Diyarbakır", "Adana", "Bursa", "Erzurum", "Malatya", "Trabzon", "Kayseri", "Mardin",
    "Şanlıurfa", "Van", "Manchester", "Birmingham", "Leeds", "Glasgow", "Bristol", "Cardiff", "Liverpool",
    "Kazan", "Samara", "Tbilisi",
)  # fmt: skip

# Names from countries outside the EU, with their diacritics: (first names by sex, surnames).
NON_EU_NAMES: dict[str, tuple[dict[str, tuple[str, ...]], tuple[str, ...]]] = {
    "tr": (
        {"M": ("Mehmet", "Ahmet", "Mustafa", "Hüseyin", "İbrahim", "Hasan", "Ömer", "Yusuf", "Şükrü", "Cengiz"),
         "F": ("Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Gülsüm", "Şerife", "Özlem", "Çiğdem", "Nur")},
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan", "Kılıç", "Güneş",
         "Erdoğdu", "Akgül", "Çakır", "Toprak"),
    ),
    "gb": (
        {"M": ("James", "Oliver", "Thomas", "Harry", "George", "Owen", "Gareth", "Malcolm"),
         "F": ("Emily", "Sarah", "Charlotte", "Fiona", "Gillian", "Rhiannon", "Margaret", "Hannah")},
        ("Smith", "Jones", "Taylor", "Brown", "Evans", "Hughes", "Campbell", "McDonald", "Whitfield", "Pritchard"),
    ),
    "ru": (
        {"M": ("Aleksandr", "Sergey", "Dmitriy", "Nikolay", "Igor", "Vladimir", "Yuriy"),
         "F": ("Yelena", "Olga", "Tatyana", "Natalya", "Irina", "Svetlana", "Lyudmila")},
        ("Ivanov", "Smirnov", "Kuznetsov", "Popov", "Volkov", "Sokolov", "Lebedev", "Morozov"),
    ),
    "ge": (
        {"M": ("Giorgi", "Levan", "Davit", "Zurab"), "F": ("Nino", "Tamar", "Ketevan", "Maia")},
        ("Beridze", "Kapanadze", "Gelashvili", "Lomidze", "Tsiklauri"),
    ),
}  # fmt: skip

# The word between the last two numbers of a list ("26480/95, 28291/95 et 29280/95").
AND = {
    "fr": "et", "es": "y", "it": "e", "en": "and", "de": "und", "pt": "e", "nl": "en", "pl": "i", "cs": "a",
    "sv": "och", "da": "og", "ro": "și", "fi": "ja", "et": "ja", "lt": "ir", "lv": "un", "sk": "a", "sl": "in",
    "hr": "i", "hu": "és", "el": "και", "bg": "и",
}  # fmt: skip

# Public bodies: courts first (COURT in the kp scheme), then other institutions (ORG_PARTY).
COURTS: dict[str, tuple[str, ...]] = {
    "fr": ("le |tribunal administratif de {c}", "la |cour d'assises de {c}", "la |cour de sûreté de l'État de {c}",
           "le |tribunal correctionnel de {c}", "la |cour d'appel de {c}", "la |Cour de cassation",
           "le |Conseil d'État", "la |Cour constitutionnelle", "le |tribunal de grande instance de {c}"),
    "es": ("el |Tribunal de Seguridad del Estado de {c}", "el |Juzgado de lo Penal de {c}",
           "la |Audiencia Provincial de {c}", "el |Tribunal Constitucional", "el |Tribunal Supremo",
           "el |Tribunal Administrativo de {c}", "el |Tribunal de Apelación de {c}"),
    "it": ("il |Tribunale di {c}", "la |Corte d'assise di {c}", "la |Corte di cassazione",
           "il |Tribunale amministrativo regionale di {c}", "la |Corte d'appello di {c}",
           "la |Corte costituzionale", "il |Consiglio di Stato"),
    "en": ("the |{c} State Security Court", "the |{c} Assize Court", "the |{c} Crown Court",
           "the |{c} Magistrates' Court", "the |Court of Appeal", "the |Court of Cassation",
           "the |High Court", "the |{c} Administrative Court", "the |Constitutional Court"),
    "de": ("das |Staatssicherheitsgericht {c}", "das |Landgericht {c}", "das |Verwaltungsgericht {c}",
           "der |Kassationshof", "das |Verfassungsgericht", "das |Schwurgericht {c}", "das |Oberlandesgericht {c}"),
    "pt": ("o |Tribunal de Segurança do Estado de {c}", "o |Tribunal Judicial de {c}", "o |Tribunal Constitucional",
           "o |Supremo Tribunal de Justiça", "o |Tribunal da Relação de {c}", "o |Tribunal Administrativo de {c}"),
    "nl": ("de |Staatsveiligheidsrechtbank van {c}", "de |rechtbank {c}", "het |gerechtshof {c}",
           "de |Hoge Raad", "het |Grondwettelijk Hof", "de |Raad van State", "het |Hof van Cassatie"),
    "pl": ("|Sąd Okręgowy w Toruniu", "|Sąd Apelacyjny w Krakowie", "|Sąd Rejonowy w Poznaniu",
           "|Wojewódzki Sąd Administracyjny w Warszawie", "|Naczelny Sąd Administracyjny", "|Sąd Najwyższy",
           "|Trybunał Konstytucyjny", "|Sąd Bezpieczeństwa Państwa w Ankarze", "|Sąd Karny w Izmirze"),
    "cs": ("|Krajský soud v Ostravě", "|Městský soud v Praze", "|Nejvyšší soud", "|Ústavní soud",
           "|Nejvyšší správní soud", "|Státní bezpečnostní soud v Ankaře", "|Trestní soud v Izmiru"),
    "sv": ("|Stockholms tingsrätt", "|Svea hovrätt", "|Högsta domstolen", "|Kammarrätten i Göteborg",
           "|Förvaltningsrätten i Malmö", "|Statens säkerhetsdomstol i {c}", "|Brottmålsdomstolen i {c}"),
    "da": ("|Københavns Byret", "|Østre Landsret", "|Vestre Landsret", "|Højesteret",
           "|Statssikkerhedsdomstolen i {c}", "|Straffedomstolen i {c}"),
}  # fmt: skip

INSTITUTIONS: dict[str, tuple[str, ...]] = {
    "fr": ("le |parquet de {c}", "la |direction de la sûreté de {c}", "le |ministère de la Justice",
           "le |ministère de l'Intérieur", "l'|université de {c}", "le |bureau d'aide juridictionnelle de {c}",
           "la |commission des plaintes contre la police", "le |conseil municipal de {c}",
           "la |préfecture de police de {c}", "le |barreau de {c}", "la |gendarmerie de {c}"),
    "es": ("la |Fiscalía de {c}", "la |Dirección de Seguridad de {c}", "el |Ministerio de Justicia",
           "el |Ministerio del Interior", "la |Universidad de {c}", "la |Comisión de Asistencia Jurídica Gratuita de {c}",
           "la |Comisión de Quejas contra la Policía", "el |Ayuntamiento de {c}", "la |Comisaría de Policía de {c}",
           "el |Colegio de Abogados de {c}", "la |Gendarmería de {c}"),
    "it": ("la |Procura della Repubblica di {c}", "la |Questura di {c}", "il |Ministero della Giustizia",
           "il |Ministero dell'Interno", "l'|Università di {c}", "la |Commissione per il gratuito patrocinio di {c}",
           "l'|Autorità indipendente per i reclami contro la polizia", "il |Consiglio comunale di {c}",
           "la |Direzione della sicurezza di {c}", "l'|Ordine degli avvocati di {c}"),
    "en": ("the |{c} Public Prosecutor's Office", "the |{c} Security Directorate", "the |Ministry of Justice",
           "the |Home Office", "the |University of {c}", "the |Legal Aid Board", "the |Criminal Cases Review Commission",
           "the |Independent Police Complaints Commission", "the |{c} City Council", "the |{c} Police Headquarters",
           "the |Crown Prosecution Service", "the |Law Society"),
    "de": ("die |Staatsanwaltschaft {c}", "die |Sicherheitsdirektion {c}", "das |Justizministerium",
           "das |Innenministerium", "die |Universität {c}", "die |Rechtshilfekommission {c}",
           "die |Beschwerdestelle für Polizeiangelegenheiten", "der |Stadtrat von {c}", "das |Polizeipräsidium {c}",
           "die |Rechtsanwaltskammer {c}"),
    "pt": ("o |Ministério Público de {c}", "a |Direção de Segurança de {c}", "o |Ministério da Justiça",
           "o |Ministério da Administração Interna", "a |Universidade de {c}",
           "a |Comissão de Apoio Judiciário de {c}", "a |Inspeção-Geral da Administração Interna",
           "a |Câmara Municipal de {c}", "a |Ordem dos Advogados"),
    "nl": ("het |openbaar ministerie te {c}", "de |Veiligheidsdirectie van {c}", "het |ministerie van Justitie",
           "het |ministerie van Binnenlandse Zaken", "de |Universiteit van {c}", "de |Raad voor Rechtsbijstand",
           "de |Nationale ombudsman", "de |gemeenteraad van {c}", "de |politie van {c}", "de |Orde van Advocaten"),
    "pl": ("|Prokuratura Okręgowa w Toruniu", "|Prokuratura Rejonowa w Gdańsku", "|Komenda Wojewódzka Policji w Łodzi",
           "|Ministerstwo Sprawiedliwości", "|Ministerstwo Spraw Wewnętrznych", "|Uniwersytet Warszawski",
           "|Rzecznik Praw Obywatelskich", "|Rada Miasta Krakowa", "|Okręgowa Rada Adwokacka w Lublinie",
           "|Dyrekcja Bezpieczeństwa w Ankarze", "|Prokuratura w Izmirze"),
    "cs": ("|Krajské státní zastupitelství v Brně", "|Policie České republiky", "|Ministerstvo spravedlnosti",
           "|Ministerstvo vnitra", "|Univerzita Karlova", "|Česká advokátní komora", "|Veřejný ochránce práv",
           "|Zastupitelstvo města Olomouce", "|Ředitelství bezpečnosti v Ankaře", "|Státní zastupitelství v Izmiru"),
    "sv": ("|Åklagarmyndigheten", "|Polismyndigheten", "|Justitiedepartementet", "|Migrationsverket",
           "|Uppsala universitet", "|Rättshjälpsmyndigheten", "|Justitieombudsmannen", "|Kommunfullmäktige i {c}",
           "|Säkerhetsdirektoratet i {c}", "|Åklagarämbetet i {c}", "|Sveriges advokatsamfund"),
    "da": ("|Rigsadvokaten", "|Statsadvokaten i {c}", "|Justitsministeriet", "|Københavns Politi",
           "|Aarhus Universitet", "|Civilstyrelsen", "|Den Uafhængige Politiklagemyndighed", "|Byrådet i {c}",
           "|Sikkerhedsdirektoratet i {c}", "|Advokatrådet"),
}  # fmt: skip

# Parties and associations: a full name (its acronym is drawn: 2-5 capitals, sometimes hyphenated).
PARTIES: dict[str, tuple[str, ...]] = {
    "fr": ("Parti de la démocratie du peuple", "Parti du travail et de la liberté", "Association pour les droits "
           "et libertés", "Syndicat des travailleurs de l'enseignement", "Union des étudiants progressistes"),
    "es": ("Partido de la Democracia del Pueblo", "Partido del Trabajo y la Libertad", "Asociación por los "
           "Derechos y las Libertades", "Sindicato de Trabajadores de la Enseñanza", "Unión de Estudiantes Progresistas"),
    "it": ("Partito della democrazia popolare", "Partito del lavoro e della libertà", "Associazione per i diritti "
           "e le libertà", "Sindacato dei lavoratori della scuola", "Unione degli studenti progressisti"),
    "en": ("People's Democracy Party", "Labour and Freedom Party", "Association for Rights and Freedoms",
           "Education Workers' Union", "Union of Progressive Students"),
    "de": ("Partei der Volksdemokratie", "Partei für Arbeit und Freiheit", "Verein für Rechte und Freiheiten",
           "Gewerkschaft der Lehrkräfte", "Bund fortschrittlicher Studierender"),
    "pt": ("Partido da Democracia Popular", "Partido do Trabalho e da Liberdade", "Associação para os Direitos "
           "e Liberdades", "Sindicato dos Trabalhadores do Ensino", "União dos Estudantes Progressistas"),
    "nl": ("Partij voor Volksdemocratie", "Partij van Arbeid en Vrijheid", "Vereniging voor Rechten en Vrijheden",
           "Bond van Onderwijswerkers", "Unie van Progressieve Studenten"),
    "pl": ("Partia Demokracji Ludowej", "Partia Pracy i Wolności", "Stowarzyszenie na rzecz Praw i Wolności",
           "Związek Zawodowy Nauczycieli", "Zrzeszenie Postępowych Studentów"),
    "cs": ("Strana lidové demokracie", "Strana práce a svobody", "Spolek pro práva a svobody",
           "Odborový svaz pracovníků školství", "Unie pokrokových studentů"),
    "sv": ("Folkdemokratiska partiet", "Partiet för arbete och frihet", "Föreningen för rättigheter och friheter",
           "Lärarnas fackförbund", "Progressiva studenters förbund"),
    "da": ("Folkedemokratisk Parti", "Partiet for Arbejde og Frihed", "Foreningen for Rettigheder og Frihed",
           "Lærernes Fagforbund", "Progressive Studerendes Forbund"),
}  # fmt: skip

# Extra report sentences per language and section (added to REPORTS' own). Slots: {fcourt},
# {inst}, {inst2} (public bodies, the article outside the span), {party}, {fcity} (a city, often
# abroad), {p.init} (initials), {p.last}, {w.*} (a witness), {caselist} (application numbers,
# each its own span), {ldate}, {ldate2}, {ldate3} (dates with the month written out).
ECHR: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "proc": (
            "Les requêtes nos {caselist} ont été introduites par {p.hon} {p.name} le {ldate3}.",
            "Me {q.name}, avocat exerçant à {fcity}, a assisté <<le requérant|la requérante>>.",
            "Agent du gouvernement : {r.hon} {r.name} ; {inst} a présenté des observations.",
        ),
        "facts": (
            "Né<<|e>> en {p.byear}, <<le requérant|la requérante>> habite aujourd'hui à {fcity}.",
            "Le {ldate3}, {p.hon} {p.last} fut interpellé<<|e>> puis conduit<<|e>> à {fcity}.",
            "Par un arrêt du {ldate2}, {fcourt} condamna {p.hon} {p.last} au motif de son adhésion à un groupe ({party}).",
            "Le témoin {w.init} déclara devant {fcourt} avoir vu <<le requérant|la requérante>> le {ldate3}.",
            "Du {ldate3} au {ldate2}, <<le requérant|la requérante>> fut détenu<<|e>> à {fcity}.",
            "Le {ldate2}, {inst} enregistra la plainte de {p.hon} {p.last}.",
            "Le {ldate2}, {inst} rejeta la demande de {p.hon} {p.init}.",
        ),
        "law": (
            "{r.hon} {r.last}, juge, a exprimé une opinion dissidente.",
            "La Cour joint les requêtes nos {caselist}, eu égard à leur objet commun.",
        ),
    },
    "es": {
        "proc": (
            "Las demandas n.os {caselist} fueron presentadas por <<el Sr.|la Sra.>> {p.name} el {ldate3}.",
            "El abogado {q.name}, que ejerce en {fcity}, asistió <<al demandante|a la demandante>>.",
            "Agente del Gobierno: {r.hon} {r.name}; {inst} presentó observaciones.",
        ),
        "facts": (
            "Nacid<<o|a>> en {p.byear}, <<el demandante|la demandante>> reside actualmente en {fcity}.",
            "El {ldate3}, <<el Sr.|la Sra.>> {p.last} fue detenid<<o|a>> por agentes de la policía ({inst0}) y conducid<<o|a>> a {fcity}.",
            "Mediante sentencia de {ldate2}, {fcourt} condenó <<al Sr.|a la Sra.>> {p.last} por su afiliación a un grupo ({party}).",
            "El testigo {w.init} declaró ante {fcourt} que había visto <<al Sr.|a la Sra.>> {p.last} el {ldate3}.",
            "Desde el {ldate3} hasta el {ldate2}, <<el demandante|la demandante>> estuvo detenid<<o|a>> en {fcity}.",
            "El {ldate2}, <<el Sr.|la Sra.>> {p.last} presentó una denuncia ante {inst}.",
            "El {ldate2}, {inst} desestimó la solicitud <<del Sr.|de la Sra.>> {p.init}.",
        ),
        "law": (
            "El voto particular del magistrado {r.last} se adjunta a la sentencia.",
            "El Tribunal acumula las demandas n.os {caselist}, dado su objeto común.",
        ),
    },
    "it": {
        "proc": (
            "I ricorsi nn. {caselist} sono stati proposti da {p.name} il {ldate3}.",
            "L'avv. {q.name}, che esercita a {fcity}, ha assistito <<il ricorrente|la ricorrente>>.",
            "Agente del Governo: {r.hon} {r.name}; {inst} ha presentato osservazioni.",
        ),
        "facts": (
            "<<Il ricorrente|La ricorrente>>, nat<<o|a>> nel {p.byear}, vive a {fcity}.",
            "Il {ldate3} <<il sig.|la sig.ra>> {p.last} è stat<<o|a>> arrestat<<o|a>> e condott<<o|a>> a {fcity}; {inst} ha "
            "convalidato l'arresto.",
            "Con sentenza del {ldate2}, {fcourt} ha condannato <<il sig.|la sig.ra>> {p.last} per la sua adesione a un gruppo ({party}).",
            "Il testimone {w.init} ha dichiarato davanti al giudice ({fcourt}) di aver visto <<il sig.|la sig.ra>> {p.last} il "
            "{ldate3}.",
            "Dal {ldate3} al {ldate2} <<il ricorrente|la ricorrente>> è stat<<o|a>> detenut<<o|a>> a {fcity}.",
            "Il {ldate2}, {inst} ha respinto l'istanza <<del sig.|della sig.ra>> {p.init}.",
        ),
        "law": (
            "L'opinione dissenziente del giudice {r.last} è allegata alla sentenza.",
            "La Corte riunisce i ricorsi nn. {caselist}, dato il loro oggetto comune.",
        ),
    },
    "en": {
        "proc": (
            "Applications nos. {caselist} were lodged by {p.hon} {p.name} on {ldate3}.",
            "{q.hon} {q.name}, practising in {fcity}, acted for the applicant.",
            "Agent of the Government: {r.hon} {r.name}; observations were filed by {inst}.",
        ),
        "facts": (
            "The applicant, born in {p.byear}, lives in {fcity}.",
            "On {ldate3} {p.hon} {p.last} was arrested by officers of {inst} and taken to {fcity}.",
            "By a judgment of {ldate2}, {fcourt} convicted {p.hon} {p.last} for belonging to a banned group ({party}).",
            "A witness, {w.init}, stated before {fcourt} that the applicant had been seen on {ldate3}.",
            "From {ldate3} to {ldate2} the applicant was detained in {fcity}.",
            "Lord Justice {r.last} gave the leading judgment.",
            "On {ldate2} {inst} rejected the request of {p.hon} {p.init}.",
        ),
        "law": (
            "Judge {r.last} expressed a dissenting opinion.",
            "The Court joins applications nos. {caselist}, given their common subject matter.",
        ),
    },
    "de": {
        "proc": (
            "Die Beschwerden Nrn. {caselist} wurden am {ldate3} von {p.name} erhoben.",
            "Vertreten wurde <<der Beschwerdeführer|die Beschwerdeführerin>> durch Rechtsanwalt {q.name}, tätig in "
            "{fcity}.",
        ),
        "facts": (
            "<<Der Beschwerdeführer|Die Beschwerdeführerin>>, geboren {p.byear}, lebt in {fcity}.",
            "Am {ldate3} wurde <<Herr|Frau>> {p.last} von Beamten festgenommen (Behörde: {inst0}) und nach {fcity} gebracht.",
            "Am {ldate2} verurteilte {fcourt} <<Herrn|Frau>> {p.last} wegen Zugehörigkeit zu einer Vereinigung ({party}).",
            "Vom {ldate3} bis zum {ldate2} befand sich <<der Beschwerdeführer|die Beschwerdeführerin>> in {fcity} in "
            "Haft.",
            "Am {ldate2} wies {inst} den Antrag von <<Herrn|Frau>> {p.init} zurück.",
            "Die Zeugin {w.init} sagte aus, sie habe {p.hon} {p.last} am {ldate3} gesehen.",
        ),
        "law": (
            "Eine abweichende Meinung gab {r.hon} {r.last} ab.",
            "Der Gerichtshof verbindet die Beschwerden Nrn. {caselist} wegen ihres gemeinsamen Gegenstands.",
        ),
    },
    "pt": {
        "proc": (
            "As queixas n.os {caselist} foram apresentadas por {p.name} em {ldate3}.",
            "<<O requerente|A requerente>> foi representad<<o|a>> pelo advogado {q.name}, com escritório em {fcity}.",
        ),
        "facts": (
            "<<O requerente|A requerente>>, nascid<<o|a>> em {p.byear}, vive em {fcity}.",
            "Em {ldate3}, <<o Sr.|a Sra.>> {p.last} foi detid<<o|a>> por agentes (entidade: {inst0}) e levad<<o|a>> para "
            "{fcity}.",
            "Por acórdão de {ldate2}, {fcourt} condenou <<o Sr.|a Sra.>> {p.last} pela sua adesão a um grupo ({party}).",
            "De {ldate3} a {ldate2}, <<o requerente|a requerente>> esteve detid<<o|a>> em {fcity}.",
            "Em {ldate2}, {inst} indeferiu o pedido <<do Sr.|da Sra.>> {p.init}.",
        ),
        "law": (
            "A declaração de voto do juiz {r.last} segue em anexo.",
            "O Tribunal junta as queixas n.os {caselist}, dado o seu objeto comum.",
        ),
    },
    "nl": {
        "proc": (
            "De verzoekschriften nrs. {caselist} werden op {ldate3} ingediend door {p.hon} {p.name}.",
            "Verzoeker werd vertegenwoordigd door advocaat {q.name}, kantoorhoudend te {fcity}.",
        ),
        "facts": (
            "Verzoeker, geboren in {p.byear}, woont in {fcity}.",
            "Op {ldate3} werd {p.hon} {p.last} aangehouden door agenten (dienst: {inst0}) en naar {fcity} gebracht.",
            "Bij vonnis van {ldate2} veroordeelde {fcourt} {p.hon} {p.last} wegens het lidmaatschap van een groepering ({party}).",
            "Van {ldate3} tot {ldate2} werd verzoeker in {fcity} vastgehouden.",
            "Op {ldate2} wees {inst} het verzoek van {p.hon} {p.init} af.",
        ),
        "law": (
            "Rechter {r.last} voegde een afwijkende mening toe.",
            "Het Hof voegt de verzoekschriften nrs. {caselist} samen.",
        ),
    },
    "pl": {
        "proc": (
            "Sprawa wywodzi się ze skarg nr {caselist} (skarżąc<<y|a>>: {p.name}).",
            "Pełnomocnik skarżąc<<ego|ej>>: adwokat {q.name}, kancelaria w miejscowości {fcity}.",
        ),
        "facts": (
            "Skarżąc<<y|a>> {p.init} (ur. {p.byear}, miejsce zamieszkania: {fcity}) wniósł<<|a>> skargę.",
            "Postanowieniem z dnia {ldate2} (organ: {inst}) umorzono postępowanie.",
            "Wyrokiem z dnia {ldate2} (sąd: {fcourt}) skazano skarżąc<<ego|ą>> za członkostwo w organizacji ({party}).",
            "Świadek {w.init} zeznał, że widział skarżąc<<ego|ą>> w dniu {ldate3}.",
            "Od {ldate3} do {ldate2} skarżąc<<y|a>> przebywał<<|a>> w areszcie (miejscowość: {fcity}).",
        ),
        "law": (
            "Zdanie odrębne: sędzia {r.name}.",
            "Trybunał łączy skargi nr {caselist} ze względu na ich wspólny przedmiot.",
        ),
    },
    "cs": {
        "proc": (
            "Věc vychází ze stížností č. {caselist} (<<stěžovatel|stěžovatelka>>: {p.name}).",
            "Zástupce: advokát {q.name}, sídlo: {fcity}.",
        ),
        "facts": (
            "<<Stěžovatel|Stěžovatelka>> {p.init} (nar. {p.byear}, bydliště: {fcity}) podal<<|a>> stížnost.",
            "Rozhodnutím ze dne {ldate2} (orgán: {inst}) bylo řízení zastaveno.",
            "Rozsudkem ze dne {ldate2} (soud: {fcourt}) byl<<|a>> {p.name} odsouzen<<|a>> pro členství v organizaci "
            "({party}).",
            "Svědek {w.init} vypověděl, že stěžovatele viděl dne {ldate3}.",
        ),
        "law": (
            "Odlišné stanovisko: soudce {r.name}.",
            "Soud spojuje stížnosti č. {caselist} vzhledem k jejich společnému předmětu.",
        ),
    },
    "sv": {
        "proc": (
            "Ansökningarna nr {caselist} gavs in av {p.name} den {ldate3}.",
            "Sökanden företräddes av advokaten {q.name}, verksam i {fcity}.",
        ),
        "facts": (
            "Sökanden, född {p.byear}, bor i {fcity}.",
            "Den {ldate3} greps {p.last} av polis (myndighet: {inst}) och fördes till {fcity}.",
            "Genom dom den {ldate2} dömde {fcourt} {p.last} för medlemskap i en sammanslutning ({party}).",
            "Från den {ldate3} till den {ldate2} var sökanden frihetsberövad i {fcity}.",
            "Den {ldate2} avslog {inst} ansökan från {p.init}.",
        ),
        "law": (
            "Domaren {r.last} var skiljaktig.",
            "Domstolen förenar ansökningarna nr {caselist}.",
        ),
    },
    "da": {
        "proc": (
            "Klagerne nr. {caselist} blev indgivet af {p.name} den {ldate3}.",
            "Klageren var repræsenteret af advokat {q.name}, der praktiserer i {fcity}.",
        ),
        "facts": (
            "Klageren, født i {p.byear}, bor i {fcity}.",
            "Den {ldate3} blev {p.last} anholdt af politiet (myndighed: {inst}) og ført til {fcity}.",
            "Ved dom af {ldate2} dømte {fcourt} {p.last} for medlemskab af en sammenslutning ({party}).",
            "Fra den {ldate3} til den {ldate2} var klageren frihedsberøvet i {fcity}.",
            "Den {ldate2} afviste {inst} anmodningen fra {p.init}.",
        ),
        "law": (
            "Dommer {r.last} afgav en dissens.",
            "Domstolen forener klagerne nr. {caselist}.",
        ),
    },
}

# The other languages name public bodies written out (their cities would need a case ending
# after a preposition) and set them, the parties, cities and initials after a label or in
# parentheses, where the nominative is right.
COURTS.update({
    "ro": ("|Tribunalul București", "|Curtea de Apel Cluj", "|Înalta Curte de Casație și Justiție",
           "|Curtea Constituțională", "|Judecătoria Iași", "|Curtea de Securitate a Statului din {c}"),
    "fi": ("|Helsingin käräjäoikeus", "|Turun hovioikeus", "|Korkein oikeus", "|Helsingin hallinto-oikeus",
           "|Ankaran valtion turvallisuustuomioistuin", "|Izmirin rikostuomioistuin"),
    "et": ("|Harju Maakohus", "|Tallinna Ringkonnakohus", "|Riigikohus", "|Tartu Halduskohus",
           "|Ankara Riikliku Julgeoleku Kohus"),
    "lt": ("|Vilniaus apygardos teismas", "|Lietuvos apeliacinis teismas", "|Lietuvos Aukščiausiasis Teismas",
           "|Lietuvos vyriausiasis administracinis teismas", "|Kauno apylinkės teismas",
           "|Ankaros valstybės saugumo teismas"),
    "lv": ("|Rīgas pilsētas tiesa", "|Rīgas apgabaltiesa", "|Augstākā tiesa", "|Administratīvā rajona tiesa",
           "|Satversmes tiesa", "|Ankaras Valsts drošības tiesa"),
    "sk": ("|Krajský súd v Bratislave", "|Najvyšší súd Slovenskej republiky", "|Ústavný súd Slovenskej republiky",
           "|Okresný súd Košice I", "|Štátny bezpečnostný súd v Ankare"),
    "sl": ("|Okrajno sodišče v Ljubljani", "|Višje sodišče v Mariboru", "|Vrhovno sodišče Republike Slovenije",
           "|Upravno sodišče Republike Slovenije", "|Ustavno sodišče", "|Državno varnostno sodišče v Ankari"),
    "hr": ("|Općinski sud u Splitu", "|Županijski sud u Zagrebu", "|Vrhovni sud Republike Hrvatske",
           "|Ustavni sud Republike Hrvatske", "|Upravni sud u Rijeci", "|Državni sigurnosni sud u Ankari"),
    "hu": ("|Fővárosi Törvényszék", "|Debreceni Ítélőtábla", "|Kúria", "|Alkotmánybíróság", "|Szegedi Járásbíróság",
           "|Ankarai Állambiztonsági Bíróság"),
    "el": ("|Πρωτοδικείο Αθηνών", "|Εφετείο Θεσσαλονίκης", "|Άρειος Πάγος", "|Συμβούλιο της Επικρατείας",
           "|Διοικητικό Πρωτοδικείο Πειραιά", "|Δικαστήριο Κρατικής Ασφάλειας της Άγκυρας"),
    "bg": ("|Софийски районен съд", "|Апелативен съд – Пловдив", "|Върховен касационен съд",
           "|Върховен административен съд", "|Конституционен съд", "|Съд по държавна сигурност – Анкара"),
})  # fmt: skip

INSTITUTIONS.update({
    "ro": ("|Parchetul de pe lângă Tribunalul Timiș", "|Direcția Națională Anticorupție",
           "|Inspectoratul de Poliție Județean Cluj", "|Ministerul Justiției", "|Ministerul Afacerilor Interne",
           "|Universitatea din București", "|Baroul Iași", "|Consiliul Local al Municipiului Brașov",
           "|Direcția de Securitate din {c}", "|Avocatul Poporului"),
    "fi": ("|Syyttäjälaitos", "|Poliisihallitus", "|Oikeusministeriö", "|Sisäministeriö", "|Helsingin yliopisto",
           "|Eduskunnan oikeusasiamies", "|Tampereen kaupunginvaltuusto", "|Suomen Asianajajaliitto",
           "|Izmirin turvallisuusosasto"),
    "et": ("|Prokuratuur", "|Politsei- ja Piirivalveamet", "|Justiitsministeerium", "|Siseministeerium",
           "|Tartu Ülikool", "|Õiguskantsler", "|Eesti Advokatuur", "|Tallinna Linnavolikogu"),
    "lt": ("|Generalinė prokuratūra", "|Vilniaus apskrities vyriausiasis policijos komisariatas",
           "|Teisingumo ministerija", "|Vidaus reikalų ministerija", "|Vilniaus universitetas",
           "|Valstybės garantuojamos teisinės pagalbos tarnyba", "|Seimo kontrolierių įstaiga",
           "|Kauno miesto savivaldybės taryba", "|Lietuvos advokatūra"),
    "lv": ("|Ģenerālprokuratūra", "|Valsts policija", "|Tieslietu ministrija", "|Iekšlietu ministrija",
           "|Latvijas Universitāte", "|Juridiskās palīdzības administrācija", "|Tiesībsarga birojs", "|Rīgas dome",
           "|Latvijas Zvērinātu advokātu padome"),
    "sk": ("|Generálna prokuratúra Slovenskej republiky", "|Policajný zbor",
           "|Ministerstvo spravodlivosti Slovenskej republiky", "|Ministerstvo vnútra Slovenskej republiky",
           "|Univerzita Komenského v Bratislave", "|Centrum právnej pomoci", "|Verejný ochranca práv",
           "|Mestské zastupiteľstvo v Trnave", "|Slovenská advokátska komora"),
    "sl": ("|Okrožno državno tožilstvo v Kopru", "|Policijska uprava Ljubljana", "|Ministrstvo za pravosodje",
           "|Ministrstvo za notranje zadeve", "|Univerza v Ljubljani", "|Varuh človekovih pravic",
           "|Mestni svet Mestne občine Celje", "|Odvetniška zbornica Slovenije"),
    "hr": ("|Općinsko državno odvjetništvo u Zagrebu", "|Policijska uprava zagrebačka", "|Ministarstvo pravosuđa",
           "|Ministarstvo unutarnjih poslova", "|Sveučilište u Zagrebu", "|Pučki pravobranitelj",
           "|Gradsko vijeće Grada Osijeka", "|Hrvatska odvjetnička komora"),
    "hu": ("|Legfőbb Ügyészség", "|Budapesti Rendőr-főkapitányság", "|Igazságügyi Minisztérium",
           "|Belügyminisztérium", "|Eötvös Loránd Tudományegyetem", "|Jogi Segítségnyújtó Szolgálat",
           "|Alapvető Jogok Biztosának Hivatala", "|Pécs Megyei Jogú Város Közgyűlése", "|Budapesti Ügyvédi Kamara"),
    "el": ("|Εισαγγελία Πρωτοδικών Αθηνών", "|Διεύθυνση Αστυνομίας Θεσσαλονίκης", "|Υπουργείο Δικαιοσύνης",
           "|Υπουργείο Προστασίας του Πολίτη", "|Πανεπιστήμιο Αθηνών", "|Συνήγορος του Πολίτη",
           "|Δημοτικό Συμβούλιο Πατρέων", "|Δικηγορικός Σύλλογος Αθηνών"),
    "bg": ("|Софийска районна прокуратура", "|Областна дирекция на МВР – Варна", "|Министерство на правосъдието",
           "|Министерство на вътрешните работи", "|Софийски университет", "|Национално бюро за правна помощ",
           "|Омбудсман на Република България", "|Общински съвет – Бургас", "|Софийска адвокатска колегия"),
})  # fmt: skip

PARTIES.update({
    "ro": ("Partidul Democrației Populare", "Asociația pentru Drepturi și Libertăți"),
    "fi": ("Kansandemokraattinen puolue", "Oikeuksien ja vapauksien yhdistys"),
    "et": ("Rahvademokraatlik Partei", "Õiguste ja Vabaduste Ühing"),
    "lt": ("Liaudies demokratijos partija", "Teisių ir laisvių asociacija"),
    "lv": ("Tautas demokrātijas partija", "Tiesību un brīvību biedrība"),
    "sk": ("Strana ľudovej demokracie", "Združenie za práva a slobody"),
    "sl": ("Stranka ljudske demokracije", "Društvo za pravice in svoboščine"),
    "hr": ("Stranka narodne demokracije", "Udruga za prava i slobode"),
    "hu": ("Népi Demokrácia Pártja", "Jogokért és Szabadságért Egyesület"),
    "el": ("Κόμμα Λαϊκής Δημοκρατίας", "Ένωση για τα Δικαιώματα και τις Ελευθερίες"),
    "bg": ("Партия за народна демокрация", "Сдружение за права и свободи"),
})  # fmt: skip

# Cities abroad in the languages that write them in their own script.
FOREIGN_CITIES_BY_LANG = {
    "el": ("Άγκυρα", "Σμύρνη", "Κωνσταντινούπολη", "Λονδίνο", "Μάντσεστερ", "Καζάν", "Τιφλίδα"),
    "bg": ("Анкара", "Измир", "Истанбул", "Лондон", "Манчестър", "Казан", "Тбилиси", "Диарбекир"),
}

# Capitals an acronym is drawn from, where the language does not write Latin letters.
ACRONYM_LETTERS = {"el": "ΑΒΓΔΕΚΛΜΝΠΡΣΤ", "bg": "АБВГДЕКЛМНПРСТ"}

ECHR.update({
    "ro": {
        "proc": ("Cauza are la origine cererile nr. {caselist} (reclamant: {p.name}).",),
        "facts": (
            "Reclamant<<ul|a>> {p.init}, născut<<|ă>> în {p.byear}, locuiește în {fcity}.",
            "La {date2}, {inst} a respins cererea.",
            "Prin hotărârea din {date2}, {fcourt} a dispus condamnarea pentru apartenența la o organizație ({party}).",
            "Martor: {w.init}.",
        ),
        "law": ("Curtea conexează cererile nr. {caselist}.",),
    },
    "fi": {
        "proc": ("Asia sai alkunsa valituksista nro {caselist} (valittaja: {p.name}).",),
        "facts": (
            "Valittaja {p.init} (syntynyt {p.byear}, kotipaikka: {fcity}) teki valituksen.",
            "Viranomainen ({inst}) hylkäsi hakemuksen {date2}.",
            "Tuomioistuin ({fcourt}) antoi tuomion {date2}; järjestö: {party}.",
            "Todistaja: {w.init}.",
        ),
        "law": ("Tuomioistuin yhdistää valitukset nro {caselist}.",),
    },
    "et": {
        "proc": ("Asi algas kaebustega nr {caselist} (kaebaja: {p.name}).",),
        "facts": (
            "Kaebaja {p.init} (sünniaasta {p.byear}, elukoht: {fcity}) esitas kaebuse.",
            "Asutus ({inst}) jättis taotluse rahuldamata {date2}.",
            "Kohus ({fcourt}) tegi otsuse {date2}; organisatsioon: {party}.",
            "Tunnistaja: {w.init}.",
        ),
        "law": ("Kohus liidab kaebused nr {caselist}.",),
    },
    "lt": {
        "proc": ("Byla pradėta pagal skundus Nr. {caselist} (pareiškėj<<as|a>>: {p.name}).",),
        "facts": (
            "Pareiškėj<<as|a>> {p.init} (gimimo metai: {p.byear}, gyvenamoji vieta: {fcity}) pateikė skundą.",
            "Institucija ({inst}) {date2} atmetė prašymą.",
            "Teismas ({fcourt}) {date2} priėmė apkaltinamąjį nuosprendį; organizacija: {party}.",
            "Liudytojas: {w.init}.",
        ),
        "law": ("Teismas sujungia skundus Nr. {caselist}.",),
    },
    "lv": {
        "proc": ("Lieta ierosināta pēc pieteikumiem Nr. {caselist} (pieteicēj<<s|a>>: {p.name}).",),
        "facts": (
            "Pieteicēj<<s|a>> {p.init} (dzimšanas gads: {p.byear}, dzīvesvieta: {fcity}) iesniedza sūdzību.",
            "Iestāde ({inst}) {date2} noraidīja lūgumu.",
            "Tiesa ({fcourt}) {date2} pasludināja spriedumu; organizācija: {party}.",
            "Liecinieks: {w.init}.",
        ),
        "law": ("Tiesa apvieno pieteikumus Nr. {caselist}.",),
    },
    "sk": {
        "proc": ("Konanie sa začalo sťažnosťami č. {caselist} (sťažovateľ<<|ka>>: {p.name}).",),
        "facts": (
            "Sťažovateľ<<|ka>> {p.init} (nar. {p.byear}, bydlisko: {fcity}) podal<<|a>> sťažnosť.",
            "Rozhodnutím zo dňa {date2} (orgán: {inst}) bolo konanie zastavené.",
            "Rozsudkom zo dňa {date2} (súd: {fcourt}) bol<<|a>> {p.name} odsúden<<ý|á>> za členstvo v organizácii "
            "({party}).",
            "Svedok: {w.init}.",
        ),
        "law": ("Súd spája sťažnosti č. {caselist}.",),
    },
    "sl": {
        "proc": ("Postopek se je začel z vlogami št. {caselist} (pritožni<<k|ca>>: {p.name}).",),
        "facts": (
            "Pritožni<<k|ca>> {p.init} (roj. {p.byear}, prebivališče: {fcity}) je vložil<<|a>> pritožbo.",
            "Dne {date2} je bil postopek ustavljen (organ: {inst}).",
            "Dne {date2} je bil<<|a>> {p.name} obsojen<<|a>> zaradi članstva v organizaciji ({party}); sodišče: "
            "{fcourt}.",
            "Priča: {w.init}.",
        ),
        "law": ("Sodišče združi vloge št. {caselist}.",),
    },
    "hr": {
        "proc": ("Postupak je pokrenut zahtjevima br. {caselist} (podnositelj<<|ica>>: {p.name}).",),
        "facts": (
            "Podnositelj<<|ica>> {p.init} (rođen<<|a>> {p.byear}, prebivalište: {fcity}) podni<<o|jela>> je "
            "zahtjev.",
            "Dana {date2} postupak je obustavljen (tijelo: {inst}).",
            "Dana {date2} {p.name} osuđen<<|a>> je zbog članstva u organizaciji ({party}); sud: {fcourt}.",
            "Svjedok: {w.init}.",
        ),
        "law": ("Sud spaja zahtjeve br. {caselist}.",),
    },
    "hu": {
        "proc": ("Az ügy kérelmekkel indult (számok: {caselist}; kérelmező: {p.name}).",),
        "facts": (
            "A kérelmező, {p.init} (születési év: {p.byear}, lakóhely: {fcity}) panaszt nyújtott be.",
            "A hatóság ({inst}) {date2} napján elutasította a kérelmet.",
            "A bíróság ({fcourt}) {date2} napján ítéletet hozott; szervezet: {party}.",
            "Tanú: {w.init}.",
        ),
        "law": ("A Bíróság egyesíti a kérelmeket (számok: {caselist}).",),
    },
    "el": {
        "proc": ("Η υπόθεση ξεκίνησε με τις προσφυγές αρ. {caselist} (<<προσφεύγων|προσφεύγουσα>>: {p.name}).",),
        "facts": (
            "<<Ο προσφεύγων|Η προσφεύγουσα>> {p.init} (έτος γέννησης: {p.byear}, κάτοικος: {fcity}) άσκησε "
            "προσφυγή.",
            "Στις {date2} η αρχή ({inst}) απέρριψε το αίτημα.",
            "Στις {date2} το δικαστήριο ({fcourt}) εξέδωσε καταδικαστική απόφαση· οργάνωση: {party}.",
            "Μάρτυρας: {w.init}.",
        ),
        "law": ("Το Δικαστήριο συνενώνει τις προσφυγές αρ. {caselist}.",),
    },
    "bg": {
        "proc": ("Делото е образувано по жалби № {caselist} (жалбоподател: {p.name}).",),
        "facts": (
            "Жалбоподател<<ят|ката>> {p.init} (година на раждане: {p.byear}, местоживеене: {fcity}) е подал<<|а>> "
            "жалба.",
            "На {date2} г. органът ({inst}) отхвърли искането.",
            "На {date2} г. съдът ({fcourt}) постанови осъдителна присъда; организация: {party}.",
            "Свидетел: {w.init}.",
        ),
        "law": ("Съдът съединява жалби № {caselist}.",),
    },
})  # fmt: skip
