"""Czech (Czechia)."""

LOCALE = {
    "country": "CZ",
    "male": "Jan, Jiří, Petr, Josef, Pavel, Martin, Tomáš, Jaroslav, Miroslav, Zdeněk, Václav, Michal, František, "
    "Karel, Lukáš, David, Jakub, Ondřej, Vojtěch, Radek, Marek, Filip, Aleš",
    "female": "Jana, Marie, Eva, Hana, Anna, Lenka, Kateřina, Lucie, Věra, Alena, Petra, Veronika, Jaroslava, "
    "Tereza, Martina, Michaela, Zuzana, Markéta, Barbora, Kristýna, Ivana, Klára",
    "surnames": "Novák/Nováková, Svoboda/Svobodová, Novotný/Novotná, Dvořák/Dvořáková, Černý/Černá, "
    "Procházka/Procházková, Kučera/Kučerová, Veselý/Veselá, Horák/Horáková, Němec/Němcová, Marek/Marková, "
    "Pospíšil/Pospíšilová, Pokorný/Pokorná, Hájek/Hájková, Král/Králová, Jelínek/Jelínková, Růžička/Růžičková, "
    "Beneš/Benešová, Fiala/Fialová, Sedláček/Sedláčková, Doležal/Doležalová, Zeman/Zemanová, Kolář/Kolářová, "
    "Navrátil/Navrátilová, Čermák/Čermáková, Urban/Urbanová",
    "streets": "Nádražní, Husova, Masarykova, Palackého, Komenského, Školní, Zahradní, Sokolská, Jiráskova, "
    "Žižkova, Na Příkopě, Vinohradská, Lidická, U Parku, Polní, Tyršova, Karlova",
    "cities": "Praha=1## 00, Brno=6## 00, Ostrava=7## 00, Plzeň=3## 00, Liberec=46# 0#, Olomouc=77# 00, "
    "České Budějovice=370 0#, Hradec Králové=500 0#, Ústí nad Labem=400 0#, Pardubice=530 0#, Zlín=760 0#, "
    "Jihlava=586 0#, Kladno=272 0#",
    "address_formats": [
        "{street} {no}, {postcode} {city}",
        "{street} {no}/{flat}, {postcode} {city}",
        "{street} {no}, {city} {postcode}",
        "{street} č. p. {no}, {postcode} {city}",
    ],
    "flat_formats": ["%#", "%"],
    "phone_formats": ["+420 %## ### ###", "%## ### ###", "+420 %########", "+420 2## ### ###", "%##%#####"],
    "date_formats": [
        "{d}. {m}. {yyyy}",
        "{dd}.{mm}.{yyyy}",
        "{d}. {month} {yyyy}",
        "{d}.{m}.{yyyy}",
        "{yyyy}-{mm}-{dd}",
    ],
    "months": "ledna, února, března, dubna, května, června, července, srpna, září, října, listopadu, prosince",
    "email_domains": "seznam.cz, email.cz, centrum.cz, gmail.com, volny.cz, post.cz, atlas.cz",
    "tld": "cz",
    "hon_m": "pan, p.",
    "hon_f": "paní, p.",
    "doctor_titles": "MUDr., MUDr., prim. MUDr., doc. MUDr.",
}
