"""Dutch (Netherlands)."""

LOCALE = {
    "country": "NL",
    "male": "Bram, Daan, Dennis, Dirk, Erik, Gerrit, Hendrik, Jan, Jeroen, Joost, Kees, Lars, Luuk, Maarten, "
    "Mark, Martijn, Niels, Peter, Pieter, Rob, Ruben, Sander, Sem, Thijs, Tim, Willem, Wouter",
    "female": "Anna, Anouk, Annemieke, Bianca, Carla, Daphne, Eva, Fleur, Ingrid, Iris, Janneke, Julia, Lisa, "
    "Lotte, Marieke, Marloes, Monique, Noor, Petra, Sanne, Sophie, Tessa, Wendy, Yvonne, Emma",
    "surnames": "de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, "
    "de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, "
    "Smits, de Graaf, van der Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen, van den Heuvel, Willems",
    "streets": "Kerkstraat, Dorpsstraat, Stationsweg, Schoolstraat, Molenweg, Julianastraat, Beatrixlaan, "
    "Wilhelminastraat, Hoofdstraat, Prinsengracht, Marktplein, Nieuweweg, Parallelweg, Emmalaan, "
    "Oranjestraat, Zuiderkade, Lindenlaan",
    "cities": "Amsterdam=10## @@, Rotterdam=30## @@, Den Haag=25## @@, Utrecht=35## @@, Eindhoven=56## @@, "
    "Groningen=97## @@, Tilburg=50## @@, Almere=13## @@, Breda=48## @@, Nijmegen=65## @@, Haarlem=20## @@, "
    "Leiden=23## @@, Zwolle=80## @@",
    "address_formats": [
        "{street} {no}, {postcode} {city}",
        "{street} {no} {postcode} {city}",
        "{street} {no}-{flat} {postcode} {city}",
    ],
    "flat_formats": ["{n}", "hs", "bis"],
    "phone_formats": [
        "+31 6 ########",
        "06-########",
        "020-#######",
        "+31 (0)20 ### ####",
        "06 ## ## ## ##",
        "010 ### ####",
    ],
    "date_formats": [
        "{dd}-{mm}-{yyyy}",
        "{d} {month} {yyyy}",
        "{dd}/{mm}/{yyyy}",
        "{d}-{m}-{yyyy}",
        "{yyyy}-{mm}-{dd}",
    ],
    "months": "januari, februari, maart, april, mei, juni, juli, augustus, september, oktober, november, december",
    "email_domains": "ziggo.nl, kpnmail.nl, gmail.com, hotmail.nl, xs4all.nl, outlook.com, planet.nl",
    "tld": "nl",
    "hon_m": "dhr., de heer, Dhr.",
    "hon_f": "mevr., mevrouw, Mw.",
    "doctor_titles": "dr., Dr., prof. dr.",
}
