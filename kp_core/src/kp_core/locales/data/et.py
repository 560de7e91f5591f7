"""Estonian (Estonia)."""

LOCALE = {
    "country": "EE",
    "male": "Andres, Ants, Indrek, Jaan, Jüri, Kalev, Karl, Kristjan, Lauri, Madis, Margus, Marko, Martin, "
    "Mihkel, Priit, Rasmus, Rein, Siim, Tanel, Tarmo, Toomas, Urmas, Aivar, Raivo",
    "female": "Anu, Eha, Helen, Helgi, Kadri, Kaja, Katrin, Kersti, Kristiina, Liis, Maarja, Mari, Marika, "
    "Merike, Piret, Reet, Riina, Sirje, Tiina, Triin, Tiiu, Ülle, Ene, Annika",
    "surnames": "Tamm, Saar, Sepp, Mägi, Kask, Kukk, Rebane, Ilves, Pärn, Koppel, Lepik, Kuusk, Oja, Karu, Raudsepp, "
    "Vaher, Põder, Luik, Kallas, Lill, Mets, Kütt, Teder, Org, Kõiv, Laur, Sild, Vares",
    "streets": "Narva mnt, Pärnu mnt, Tartu mnt, Pikk tn, Lai tn, Kooli tn, Mere pst, Sõpruse pst, Vabaduse pst, "
    "Rüütli tn, Aia tn, Jaama tn, Kalda tee, Männi tn, Lossi tn, Tööstuse tn",
    "cities": "Tallinn=1####, Tartu=5####, Narva=2####, Pärnu=8####, Kohtla-Järve=3####, Viljandi=71###, "
    "Rakvere=44###, Maardu=74###, Kuressaare=93###, Võru=65###, Haapsalu=90###",
    "address_formats": [
        "{street} {no}, {postcode} {city}",
        "{street} {no}-{flat}, {city} {postcode}",
        "{street} {no}, {city}",
        "{street} {no}-{flat}, {postcode} {city}",
    ],
    "flat_formats": ["{n}"],
    "phone_formats": ["+372 5### ####", "5### ####", "+372 6## ####", "5#######", "+372 5#######"],
    "date_formats": ["{dd}.{mm}.{yyyy}", "{d}. {month} {yyyy}", "{d}.{m}.{yyyy}", "{yyyy}-{mm}-{dd}"],
    "months": "jaanuar, veebruar, märts, aprill, mai, juuni, juuli, august, september, oktoober, november, detsember",
    "email_domains": "gmail.com, hot.ee, mail.ee, online.ee, neti.ee, outlook.com",
    "tld": "ee",
    "hon_m": "hr, härra",
    "hon_f": "pr, proua",
    "doctor_titles": "dr, arst",
}
