"""Croatian (Croatia)."""

LOCALE = {
    "country": "HR",
    "male": "Ivan, Marko, Josip, Luka, Tomislav, Ante, Stjepan, Nikola, Mario, Petar, Dario, Krešimir, Matej, "
    "Zoran, Goran, Hrvoje, Damir, Filip, Domagoj, Igor, Dražen",
    "female": "Ana, Marija, Ivana, Petra, Maja, Martina, Kristina, Jelena, Nikolina, Lucija, Katarina, Sanja, "
    "Mirjana, Tea, Dora, Iva, Snježana, Vesna, Gordana, Marina, Željka",
    "surnames": "Horvat, Kovačević, Babić, Marić, Jurić, Novak, Kovačić, Knežević, Vuković, Marković, Petrović, "
    "Matić, Tomić, Pavlović, Kovač, Božić, Blažević, Grgić, Pavić, Radić, Perić, Filipović, Šarić, Lovrić, "
    "Vidović, Perković, Jukić",
    "streets": "Ilica, Vukovarska ulica, Zagrebačka cesta, Ulica kralja Zvonimira, Savska cesta, Frankopanska ulica, "
    "Ulica Ante Starčevića, Trg bana Jelačića, Radićeva ulica, Ulica Matije Gupca, Obala kneza Branimira, "
    "Domovinskog rata, Riva, Ulica hrvatskih branitelja, Šetalište Ivana Meštrovića",
    "cities": "Zagreb=10000, Split=21000, Rijeka=51000, Osijek=31000, Zadar=23000, Pula=52100, "
    "Slavonski Brod=35000, Karlovac=47000, Varaždin=42000, Šibenik=22000, Dubrovnik=20000, Sisak=44000",
    "address_formats": [
        "{street} {no}, {postcode} {city}",
        "{street} {no}, HR-{postcode} {city}",
        "{street} {no} {postcode} {city}",
        "{street} {no}/{flat}, {postcode} {city}",
    ],
    "flat_formats": ["%", "I", "II"],
    "phone_formats": ["+385 9# ### ####", "09# ### ####", "01 ### ####", "+385 1 ### ####", "09#/###-####"],
    "date_formats": ["{dd}.{mm}.{yyyy}.", "{d}. {month} {yyyy}.", "{d}.{m}.{yyyy}.", "{dd}. {mm}. {yyyy}."],
    "months": "siječnja, veljače, ožujka, travnja, svibnja, lipnja, srpnja, kolovoza, rujna, listopada, "
    "studenoga, prosinca",
    "email_domains": "gmail.com, net.hr, t-com.hr, inet.hr, yahoo.com, hotmail.com",
    "tld": "hr",
    "hon_m": "g., gospodin",
    "hon_f": "gđa, gospođa",
    "doctor_titles": "dr., dr. med., prim. dr.",
}
