"""Romanian (Romania)."""

LOCALE = {
    "country": "RO",
    "male": "Andrei, Alexandru, Mihai, Ion, Gheorghe, Vasile, Constantin, Ștefan, Florin, Cristian, Adrian, Bogdan, "
    "Răzvan, Ionuț, Marius, Dan, Radu, Sorin, Cătălin, Lucian, Gabriel, Tudor, Emil, Ovidiu, Nicolae, Octavian",
    "female": "Maria, Elena, Ioana, Ana, Andreea, Cristina, Mihaela, Alexandra, Gabriela, Daniela, Georgiana, Irina, "
    "Raluca, Simona, Roxana, Laura, Oana, Diana, Camelia, Florentina, Adriana, Monica, Corina, Luminița, Ileana",
    "surnames": "Popescu, Ionescu, Popa, Pop, Radu, Dumitru, Stan, Stoica, Gheorghe, Matei, Ciobanu, Rusu, "
    "Munteanu, Constantin, Mihai, Marin, Lazăr, Florea, Dinu, Tudor, Ene, Moldovan, Barbu, Cristea, Nistor, "
    "Dobre, Sârbu, Toma, Neagu, Voicu, Oprea, Diaconu",
    "streets": "Str. Mihai Eminescu, Str. Ion Creangă, Bd. Unirii, Calea Victoriei, Str. Avram Iancu, "
    "Bd. Revoluției, Str. Libertății, Șos. Pantelimon, Str. Florilor, Aleea Trandafirilor, Str. Republicii, "
    "Bd. Independenței, Calea Moșilor, Str. Horea, Str. Nicolae Bălcescu, Splaiul Independenței",
    "cities": "București=0#####, Cluj-Napoca=400###, Iași=700###, Timișoara=300###, Constanța=900###, "
    "Brașov=500###, Craiova=200###, Galați=800###, Oradea=410###, Ploiești=100###, Sibiu=550###, Arad=310###, "
    "Suceava=720###, Bacău=600###",
    "address_formats": [
        "{street} nr. {no}, {postcode} {city}",
        "{street} nr. {no}, {flat} {city}",
        "{street} {no}, {city}",
        "{city}, {street} nr. {no}",
        "{street}, nr. {no}, {city} {postcode}",
    ],
    "flat_formats": ["bl. ##, sc. A, ap. {n},", "ap. {n},", "et. %, ap. {n},"],
    "phone_formats": [
        "+40 7## ### ###",
        "07## ### ###",
        "07########",
        "021 ### ## ##",
        "+40 21 ### ####",
        "0040 7## ######",
        "07##.###.###",
    ],
    "date_formats": [
        "{dd}.{mm}.{yyyy}",
        "{d} {month} {yyyy}",
        "{dd}/{mm}/{yyyy}",
        "{dd}.{mm}.{yy}",
        "{dd}-{mm}-{yyyy}",
    ],
    "months": "ianuarie, februarie, martie, aprilie, mai, iunie, iulie, august, septembrie, octombrie, noiembrie, "
    "decembrie",
    "email_domains": "gmail.com, yahoo.com, yahoo.ro, outlook.com, rdslink.ro, clicknet.ro",
    "tld": "ro",
    "hon_m": "dl., domnul, Dl.",
    "hon_f": "dna., doamna, Dna.",
    "doctor_titles": "Dr., dr., Prof. dr.",
}
