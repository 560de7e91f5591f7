"""Swedish (Sweden)."""

LOCALE = {
    "country": "SE",
    "male": "Anders, Björn, Daniel, Erik, Fredrik, Gustav, Hans, Henrik, Johan, Jonas, Karl, Lars, Magnus, "
    "Mats, Mikael, Nils, Olof, Oskar, Per, Peter, Stefan, Sven, Thomas, Ulf, Viktor, Axel, Linus",
    "female": "Agneta, Anna, Annika, Birgitta, Camilla, Elin, Emma, Eva, Frida, Hanna, Helena, Ingrid, Johanna, "
    "Karin, Kerstin, Kristina, Lena, Linnéa, Malin, Maria, Marie, Sara, Sofia, Ulla, Ebba, Maja",
    "surnames": "Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson, Svensson, "
    "Gustafsson, Pettersson, Jonsson, Jansson, Hansson, Bengtsson, Jönsson, Lindberg, Jakobsson, Magnusson, "
    "Lindström, Olofsson, Lindqvist, Lindgren, Berg, Axelsson, Bergström, Lundberg, Lundgren, Sandberg, Holm",
    "streets": "Storgatan, Drottninggatan, Kungsgatan, Vasagatan, Skolgatan, Kyrkogatan, Järnvägsgatan, "
    "Nygatan, Björkvägen, Ringvägen, Södra vägen, Parkvägen, Sveavägen, Östra Hamngatan, Tallvägen, "
    "Linnégatan, Hamngatan",
    "cities": "Stockholm=1## ##, Göteborg=4## ##, Malmö=2## ##, Uppsala=75# ##, Västerås=72# ##, Örebro=70# ##, "
    "Linköping=58# ##, Helsingborg=25# ##, Jönköping=55# ##, Norrköping=60# ##, Lund=22# ##, Umeå=90# ##, "
    "Gävle=80# ##, Luleå=97# ##",
    "address_formats": [
        "{street} {no}, {postcode} {city}",
        "{street} {no} {postcode} {city}",
        "{street} {no}, {flat} {postcode} {city}",
        "{street} {no}, {postcode} {city}",
    ],
    "flat_formats": ["lgh 1%0#,", "c/o Berg,"],
    "phone_formats": [
        "+46 7#-### ## ##",
        "07#-### ## ##",
        "08-### ### ##",
        "+46 8 ### ### ##",
        "070 ### ## ##",
        "031-## ## ##",
        "+467########",
    ],
    "date_formats": [
        "{yyyy}-{mm}-{dd}",
        "{d} {month} {yyyy}",
        "{yyyy}-{mm}-{dd}",
        "{d}/{m} {yyyy}",
        "{dd}.{mm}.{yyyy}",
    ],
    "months": "januari, februari, mars, april, maj, juni, juli, augusti, september, oktober, november, december",
    "email_domains": "telia.com, gmail.com, hotmail.se, outlook.com, bredband.net, live.se",
    "tld": "se",
    "hon_m": "herr",
    "hon_f": "fru",
    "doctor_titles": "dr, Dr., leg. läkare, överläkare",
}
