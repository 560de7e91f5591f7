"""Polish (Poland)."""

LOCALE = {
    "country": "PL",
    "male": "Adam, Andrzej, Bartosz, Dariusz, Grzegorz, Jakub, Jan, Jerzy, Kamil, Krzysztof, Łukasz, Maciej, "
    "Marcin, Marek, Mateusz, Michał, Paweł, Piotr, Rafał, Robert, Stanisław, Szymon, Tomasz, Wojciech, Zbigniew",
    "female": "Agnieszka, Aleksandra, Alicja, Anna, Barbara, Beata, Dorota, Ewa, Grażyna, Joanna, Julia, Justyna, "
    "Katarzyna, Magdalena, Małgorzata, Maria, Marta, Monika, Natalia, Paulina, Renata, Teresa, Urszula, Zofia",
    "surnames": "Nowak, Kowalski/Kowalska, Wiśniewski/Wiśniewska, Wójcik, Kowalczyk, Kamiński/Kamińska, "
    "Lewandowski/Lewandowska, Zieliński/Zielińska, Szymański/Szymańska, Woźniak, Dąbrowski/Dąbrowska, "
    "Kozłowski/Kozłowska, Jankowski/Jankowska, Mazur, Kwiatkowski/Kwiatkowska, Krawczyk, Piotrowski/Piotrowska, "
    "Grabowski/Grabowska, Nowakowski/Nowakowska, Pawłowski/Pawłowska, Michalski/Michalska, Król, Wieczorek, "
    "Jabłoński/Jabłońska, Wróbel, Majewski/Majewska, Olszewski/Olszewska, Stępień, Malinowski/Malinowska, "
    "Górski/Górska, Rutkowski/Rutkowska, Sikora, Baran, Zając",
    "streets": "ul. Marszałkowska, ul. Mickiewicza, ul. Słowackiego, ul. Kościuszki, ul. Piłsudskiego, "
    "ul. Długa, ul. Polna, ul. Leśna, ul. Ogrodowa, ul. Lipowa, al. Jerozolimskie, al. Niepodległości, "
    "ul. Kopernika, ul. Sienkiewicza, ul. Żeromskiego, ul. Jana Pawła II, pl. Wolności",
    "cities": "Warszawa=0#-###, Kraków=3#-###, Łódź=9#-###, Wrocław=5#-###, Poznań=6#-###, Gdańsk=80-###, "
    "Szczecin=7#-###, Lublin=20-###, Katowice=40-###, Białystok=15-###, Rzeszów=35-###, Toruń=87-###, "
    "Bydgoszcz=85-###, Olsztyn=10-###",
    "address_formats": [
        "{street} {no}, {postcode} {city}",
        "{street} {no}/{flat} {postcode} {city}",
        "{postcode} {city}, {street} {no}",
        "{street} {no} m. {flat} {postcode} {city}",
    ],
    "flat_formats": ["{n}"],
    "phone_formats": [
        "+48 %## ### ###",
        "%## ### ###",
        "+48 22 ### ## ##",
        "(22) ### ## ##",
        "%##-###-###",
        "+48%########",
        "12 ### ## ##",
    ],
    "date_formats": [
        "{dd}.{mm}.{yyyy}",
        "{d} {month} {yyyy}",
        "{yyyy}-{mm}-{dd}",
        "{dd}-{mm}-{yyyy}",
        "{dd}.{mm}.{yyyy}| r.",
        "{d} {month} {yyyy}| r.",
    ],
    "months": "stycznia, lutego, marca, kwietnia, maja, czerwca, lipca, sierpnia, września, października, "
    "listopada, grudnia",
    "email_domains": "gmail.com, wp.pl, onet.pl, interia.pl, o2.pl, op.pl",
    "tld": "pl",
    "hon_m": "Pan, p., Pana",
    "hon_f": "Pani, p.",
    "doctor_titles": "dr, lek., dr n. med., lek. med.",
}
