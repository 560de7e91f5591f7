"""Danish (Denmark)."""

LOCALE = {
    "country": "DK",
    "male": "Anders, Bo, Christian, Frederik, Henrik, Jakob, Jens, Jesper, Jørgen, Kasper, Lars, Mads, Martin, "
    "Michael, Mikkel, Morten, Niels, Ole, Peter, Rasmus, Søren, Thomas, Torben, Kim, Emil, Magnus",
    "female": "Anne, Bente, Birgitte, Camilla, Charlotte, Dorthe, Hanne, Helle, Ida, Inge, Julie, Karen, Kirsten, "
    "Lene, Lone, Louise, Maria, Marianne, Mette, Pia, Sofie, Susanne, Tina, Trine, Emma, Freja",
    "surnames": "Jensen, Nielsen, Hansen, Pedersen, Andersen, Christensen, Larsen, Sørensen, Rasmussen, "
    "Jørgensen, Petersen, Madsen, Kristensen, Olsen, Thomsen, Christiansen, Poulsen, Johansen, Møller, Mortensen, "
    "Knudsen, Jakobsen, Mikkelsen, Frederiksen, Laursen, Henriksen, Lund, Schmidt, Eriksen, Holm",
    "streets": "Nørregade, Østergade, Vestergade, Søndergade, Algade, Skolevej, Kirkevej, Møllevej, Bøgevej, "
    "Strandvejen, Jernbanegade, Vesterbrogade, Åboulevarden, Parkvej, Engvej, Birkevej, Havnegade",
    "cities": "København K=1###, Frederiksberg=2000, Aarhus C=8000, Odense C=5000, Aalborg=9000, Esbjerg=6700, "
    "Randers=8900, Kolding=6000, Horsens=8700, Vejle=7100, Roskilde=4000, Herning=7400, Silkeborg=8600, "
    "Næstved=4700",
    "address_formats": [
        "{street} {no}, {postcode} {city}",
        "{street} {no}, {flat} {postcode} {city}",
        "{street} {no} {postcode} {city}",
        "{street} {no}, DK-{postcode} {city}",
    ],
    "flat_formats": ["%. tv.,", "%. th.,", "st. mf.,"],
    "phone_formats": ["+45 %# ## ## ##", "%# ## ## ##", "%#######", "+45 %#######", "(+45) %# ## ## ##"],
    "date_formats": [
        "{dd}-{mm}-{yyyy}",
        "{d}. {month} {yyyy}",
        "{dd}.{mm}.{yyyy}",
        "{yyyy}-{mm}-{dd}",
        "{d}/{m}-{yyyy}",
    ],
    "months": "januar, februar, marts, april, maj, juni, juli, august, september, oktober, november, december",
    "email_domains": "gmail.com, hotmail.dk, mail.dk, outlook.dk, live.dk, yahoo.dk",
    "tld": "dk",
    "hon_m": "hr.",
    "hon_f": "fru",
    "doctor_titles": "dr., læge, overlæge",
}
