"""Lithuanian (Lithuania)."""

LOCALE = {
    "country": "LT",
    "male": "Andrius, Antanas, Darius, Dovydas, Gediminas, Jonas, Justinas, Kęstutis, Lukas, Mantas, Marius, "
    "Mindaugas, Paulius, Petras, Rimantas, Saulius, Tomas, Vytautas, Žygimantas, Algirdas, Arnas, Linas",
    "female": "Agnė, Aistė, Asta, Birutė, Daiva, Eglė, Gintarė, Ieva, Indrė, Inga, Jurgita, Kristina, Laima, "
    "Lina, Milda, Neringa, Rasa, Rūta, Simona, Vaida, Vilma, Živilė, Gabija, Ugnė",
    "surnames": "Kazlauskas/Kazlauskienė, Jankauskas/Jankauskienė, Petrauskas/Petrauskienė, Stankevičius/"
    "Stankevičienė, Vasiliauskas/Vasiliauskienė, Žukauskas/Žukauskienė, Butkus/Butkienė, Paulauskas/Paulauskienė, "
    "Urbonas/Urbonienė, Kavaliauskas/Kavaliauskaitė, Navickas/Navickienė, Ramanauskas/Ramanauskienė, "
    "Savickas/Savickienė, Baranauskas/Baranauskaitė, Rimkus/Rimkutė, Sakalauskas/Sakalauskienė, "
    "Vaitkus/Vaitkutė, Kairys/Kairienė, Adomaitis/Adomaitienė, Mockus/Mockutė, Šimkus/Šimkienė, "
    "Bernotas/Bernotienė, Žemaitis/Žemaitytė, Stonkus/Stonkienė",
    "streets": "Gedimino pr., Vilniaus g., Laisvės al., Konstitucijos pr., Pilies g., Taikos pr., Savanorių pr., "
    "Liepų g., Žalgirio g., Ateities g., Kauno g., Sodų g., Mokyklos g., Turgaus g., Parko g., Jaunimo g.",
    "cities": "Vilnius=LT-0####, Kaunas=LT-4####, Klaipėda=LT-9####, Šiauliai=LT-7####, Panevėžys=LT-3####, "
    "Alytus=LT-62###, Marijampolė=LT-68###, Utena=LT-28###, Mažeikiai=LT-89###, Jonava=LT-55###",
    "address_formats": [
        "{street} {no}, {postcode} {city}",
        "{street} {no}-{flat}, {city}",
        "{street} {no}, {city}",
        "{street} {no}-{flat}, {postcode} {city}",
    ],
    "flat_formats": ["{n}"],
    "phone_formats": [
        "+370 6## #####",
        "86## #####",
        "(8 5) ### ####",
        "+370 5 ### ####",
        "+3706#######",
        "8 6## #####",
    ],
    "date_formats": ["{yyyy}-{mm}-{dd}", "{yyyy} m. {month} {d} d.", "{yyyy}.{mm}.{dd}", "{yyyy}-{mm}-{dd}"],
    "months": "sausio, vasario, kovo, balandžio, gegužės, birželio, liepos, rugpjūčio, rugsėjo, spalio, "
    "lapkričio, gruodžio",
    "email_domains": "gmail.com, one.lt, takas.lt, inbox.lt, yahoo.com, splius.lt",
    "tld": "lt",
    "hon_m": "p., ponas, gerb.",
    "hon_f": "p., ponia, gerb.",
    "doctor_titles": "gyd., dr., med. dr.",
}
