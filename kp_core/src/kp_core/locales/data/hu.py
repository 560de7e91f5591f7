"""Hungarian (Hungary). Names are written family name first."""

LOCALE = {
    "country": "HU",
    "male": "László, István, József, János, Zoltán, Sándor, Gábor, Ferenc, Attila, Péter, Tamás, Zsolt, Tibor, "
    "András, Csaba, Imre, Balázs, Dániel, Bence, Máté, Ádám",
    "female": "Mária, Erzsébet, Katalin, Éva, Ilona, Anna, Zsuzsanna, Margit, Judit, Ágnes, Andrea, Erika, "
    "Krisztina, Eszter, Anita, Edit, Nóra, Réka, Viktória, Dóra, Zsófia",
    "surnames": "Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Németh, Farkas, Balogh, Papp, Takács, "
    "Juhász, Lakatos, Mészáros, Oláh, Simon, Rácz, Fekete, Szilágyi, Török, Fehér, Balázs, Gál, Kis, Szűcs",
    "streets": "Kossuth Lajos utca, Petőfi Sándor utca, Rákóczi út, Andrássy út, Széchenyi tér, Dózsa György út, "
    "Ady Endre utca, Bajcsy-Zsilinszky út, Arany János utca, Váci utca, Fő utca, Béke utca, Kölcsey utca, "
    "Deák Ferenc tér, Jókai Mór utca",
    "cities": "Budapest=1%#%, Debrecen=40##, Szeged=67##, Miskolc=35##, Pécs=76##, Győr=90##, Nyíregyháza=44##, "
    "Kecskemét=60##, Székesfehérvár=80##, Szombathely=97##, Eger=33##, Sopron=94##",
    "address_formats": [
        "{postcode} {city}, {street} {no}.",
        "{postcode} {city}, {street} {no}",
        "{city}, {street} {no}., {postcode}",
        "{postcode} {city}, {street} {no}. {flat}",
    ],
    "flat_formats": ["%. em. %.", "fszt. %."],
    "phone_formats": [
        "+36 20 ### ####",
        "06 30 ### ####",
        "+36 1 ### ####",
        "06-70-###-####",
        "+36 30 #######",
        "06 1 ### ####",
    ],
    "date_formats": ["{yyyy}. {mm}. {dd}.", "{yyyy}.{mm}.{dd}.", "{yyyy}. {month} {d}.", "{yyyy}-{mm}-{dd}"],
    "months": "január, február, március, április, május, június, július, augusztus, szeptember, október, "
    "november, december",
    "email_domains": "gmail.com, freemail.hu, citromail.hu, t-online.hu, indamail.hu, outlook.hu",
    "tld": "hu",
    "hon_m": "Tisztelt, T.",
    "hon_f": "Tisztelt, T.",
    "doctor_titles": "Dr., dr., Prof. Dr.",
}
