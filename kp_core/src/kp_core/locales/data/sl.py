"""Slovenian (Slovenia)."""

LOCALE = {
    "country": "SI",
    "male": "Franc, Janez, Marko, Andrej, Ivan, Anton, Jožef, Luka, Matej, Peter, Tomaž, Aleš, Boštjan, Gregor, "
    "Jure, Miha, Nejc, Rok, Simon, Žiga, Uroš, Primož",
    "female": "Marija, Ana, Maja, Irena, Mojca, Mateja, Nina, Barbara, Andreja, Petra, Katja, Tanja, Eva, "
    "Špela, Urška, Nataša, Tjaša, Sara, Lara, Vesna, Alenka, Helena",
    "surnames": "Novak, Horvat, Kovačič, Krajnc, Zupančič, Potočnik, Kovač, Mlakar, Kos, Vidmar, Golob, Turk, "
    "Kralj, Zupan, Bizjak, Hribar, Korošec, Rozman, Kotnik, Oblak, Petek, Žagar, Kolar, Kastelic, Košir, Hočevar",
    "streets": "Slovenska cesta, Prešernova ulica, Trubarjeva cesta, Celovška cesta, Dunajska cesta, "
    "Partizanska cesta, Šolska ulica, Cankarjeva ulica, Gregorčičeva ulica, Ljubljanska cesta, Tržaška cesta, "
    "Glavni trg, Kidričeva ulica, Vrtna ulica, Levstikova ulica",
    "cities": "Ljubljana=1000, Maribor=2000, Celje=3000, Kranj=4000, Koper=6000, Novo mesto=8000, Velenje=3320, "
    "Nova Gorica=5000, Ptuj=2250, Murska Sobota=9000, Kamnik=1241, Domžale=1230",
    "address_formats": [
        "{street} {no}, {postcode} {city}",
        "{street} {no} {postcode} {city}",
        "{street} {no}, SI-{postcode} {city}",
    ],
    "phone_formats": ["+386 4# ### ###", "04# ### ###", "01 ### ## ##", "+386 1 ### ## ##", "03# ### ###"],
    "date_formats": ["{d}. {m}. {yyyy}", "{dd}.{mm}.{yyyy}", "{d}. {month} {yyyy}", "{d}.{m}.{yyyy}"],
    "months": "januarja, februarja, marca, aprila, maja, junija, julija, avgusta, septembra, oktobra, novembra, "
    "decembra",
    "email_domains": "gmail.com, siol.net, t-2.net, amis.net, telemach.net, outlook.com",
    "tld": "si",
    "hon_m": "g., gospod",
    "hon_f": "ga., gospa",
    "doctor_titles": "dr., dr. med., prim.",
}
