"""Finnish (Finland)."""

LOCALE = {
    "country": "FI",
    "male": "Antti, Eero, Heikki, Jari, Juha, Jukka, Kari, Lauri, Markku, Matti, Mika, Mikko, Onni, Pekka, "
    "Petri, Sami, Timo, Tuomas, Ville, Eino, Aleksi, Janne, Olli, Risto, Veikko",
    "female": "Aino, Anna, Anne, Eeva, Elina, Emma, Hanna, Helena, Johanna, Kaisa, Katja, Laura, Liisa, Maria, "
    "Marja, Minna, Niina, Päivi, Riikka, Satu, Sari, Tiina, Tuula, Veera, Sanna, Leena",
    "surnames": "Korhonen, Virtanen, Mäkinen, Nieminen, Mäkelä, Hämäläinen, Laine, Heikkinen, Koskinen, "
    "Järvinen, Lehtonen, Lehtinen, Saarinen, Salminen, Heinonen, Niemi, Heikkilä, Kinnunen, Salonen, Turunen, "
    "Salo, Laitinen, Tuominen, Rantanen, Karjalainen, Jokinen, Mattila, Savolainen, Lahtinen, Ahonen",
    "streets": "Mannerheimintie, Hämeenkatu, Kauppakatu, Koulukatu, Rautatienkatu, Aleksanterinkatu, "
    "Puistokatu, Kirkkokatu, Satamakatu, Koivukuja, Rantatie, Myllytie, Kuusitie, Asemakatu, Pohjoisesplanadi, "
    "Vanha Porvoontie",
    "cities": "Helsinki=00###, Espoo=02###, Tampere=33###, Vantaa=01###, Oulu=90###, Turku=20###, "
    "Jyväskylä=40###, Lahti=15###, Kuopio=70###, Pori=28###, Joensuu=80###, Vaasa=65###, Rovaniemi=96###",
    "address_formats": [
        "{street} {no}, {postcode} {city}",
        "{street} {no} {flat}, {postcode} {city}",
        "{street} {no} {postcode} {city}",
    ],
    "flat_formats": ["A {n}", "B {n}", "as. {n}"],
    "phone_formats": [
        "+358 4# ### ####",
        "04# ### ####",
        "09 ### ####",
        "+358 50 ### ####",
        "040-#######",
        "+358 9 ### ###",
    ],
    "date_formats": ["{d}.{m}.{yyyy}", "{dd}.{mm}.{yyyy}", "{d}. {month}ta {yyyy}", "{yyyy}-{mm}-{dd}"],
    "months": "tammikuu, helmikuu, maaliskuu, huhtikuu, toukokuu, kesäkuu, heinäkuu, elokuu, syyskuu, lokakuu, "
    "marraskuu, joulukuu",
    "email_domains": "gmail.com, luukku.com, elisanet.fi, kolumbus.fi, outlook.com, suomi24.fi",
    "tld": "fi",
    "hon_m": "herra",
    "hon_f": "rouva",
    "doctor_titles": "LL, lääk., dos., ylilääkäri",
}
