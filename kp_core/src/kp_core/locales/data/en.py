"""English (Ireland)."""

LOCALE = {
    "country": "IE",
    "male": "Aidan, Brian, Ciarán, Conor, Darragh, David, Declan, Eoin, Fionn, Gerard, James, John, Kevin, Liam, "
    "Mark, Michael, Niall, Oisín, Patrick, Paul, Ronan, Seán, Shane, Thomas, Colm, Brendan, Cathal",
    "female": "Aisling, Aoife, Caoimhe, Ciara, Clodagh, Deirdre, Eimear, Emma, Grainne, Kate, Laura, Mary, Méabh, "
    "Niamh, Orla, Rachel, Róisín, Sarah, Siobhán, Sinéad, Úna, Fiona, Bríd, Claire, Ellen, Nora",
    "surnames": "Murphy, Kelly, O'Sullivan, Walsh, Smith, O'Brien, Byrne, Ryan, O'Connor, O'Neill, Reilly, Doyle, "
    "McCarthy, Gallagher, Doherty, Kennedy, Lynch, Murray, Quinn, Moore, McLoughlin, Carroll, Connolly, Daly, "
    "Fitzgerald, Brennan, Nolan, Dunne, Keane, Maguire, Hogan, Whelan",
    "streets": "Main Street, Church Road, Patrick Street, Bridge Street, Castle Avenue, Green Lane, Mill Road, "
    "Oak Park, Seafield Road, Abbey Street, Grafton Street, Dominick Street, Parnell Square, College Green, "
    "Station Road, Willow Grove",
    "cities": "Dublin 2=D02 @#@#, Dublin 8=D08 @##@, Cork=T12 @#@#, Galway=H91 @##@, Limerick=V94 @#@#, "
    "Waterford=X91 @##@, Kilkenny=R95 @#@#, Sligo=F91 @##@, Athlone=N37 @#@#, Drogheda=A92 @##@, "
    "Dundalk=A91 @#@#, Wexford=Y35 @##@, Ennis=V95 @#@#",
    "address_formats": [
        "{no} {street}, {city}, {postcode}",
        "{flat} {no} {street}, {city} {postcode}",
        "{no} {street}, {city}",
    ],
    "flat_formats": ["Apt {n},", "Flat {n},", "Unit {n},"],
    "phone_formats": [
        "+353 8% ### ####",
        "08% ### ####",
        "(01) ### ####",
        "+353 1 ### ####",
        "08%-#######",
        "021 ### ####",
    ],
    "date_formats": [
        "{dd}/{mm}/{yyyy}",
        "{d} {month} {yyyy}",
        "{yyyy}-{mm}-{dd}",
        "{d}/{m}/{yyyy}",
        "{d} {month}, {yyyy}",
        "{dd}.{mm}.{yyyy}",
    ],
    "months": "January, February, March, April, May, June, July, August, September, October, November, December",
    "email_domains": "gmail.com, outlook.ie, eircom.net, yahoo.ie, hotmail.com, icloud.com",
    "tld": "ie",
    "hon_m": "Mr, Mr.",
    "hon_f": "Ms, Mrs, Ms.",
    "doctor_titles": "Dr, Dr., Prof.",
}
