"""German (Germany)."""

LOCALE = {
    "country": "DE",
    "male": "Alexander, Andreas, Christian, Daniel, Dennis, Florian, Frank, Jan, Jens, Jonas, Jürgen, Klaus, "
    "Lukas, Markus, Martin, Matthias, Michael, Niklas, Oliver, Peter, Stefan, Sebastian, Thomas, Tobias, Uwe, "
    "Wolfgang, Felix",
    "female": "Andrea, Anna, Birgit, Christina, Claudia, Emma, Franziska, Gabriele, Hannah, Julia, Katharina, "
    "Laura, Lea, Lena, Maria, Monika, Nicole, Petra, Sabine, Sandra, Sarah, Silke, Stefanie, Susanne, Ursula, "
    "Jana, Mia",
    "surnames": "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer, "
    "Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hofmann, Hartmann, "
    "Lange, Schmitt, Werner, Schmitz, Krause, Meier, Lehmann, Köhler, Huber",
    "streets": "Hauptstraße, Bahnhofstraße, Gartenstraße, Schulstraße, Dorfstraße, Lindenstraße, Bergstraße, "
    "Kirchstraße, Goethestraße, Schillerstraße, Waldweg, Am Markt, Friedrichstraße, Ringstraße, Mozartweg, "
    "Rosenweg, Beethovenstraße",
    "cities": "Berlin=1####, Hamburg=2####, München=8####, Köln=50###, Frankfurt am Main=60###, Stuttgart=70###, "
    "Düsseldorf=40###, Leipzig=04###, Dresden=01###, Hannover=30###, Nürnberg=90###, Bremen=28###, Bonn=53###, "
    "Münster=48###, Freiburg im Breisgau=79###",
    "address_formats": [
        "{street} {no}, {postcode} {city}",
        "{street} {no}, D-{postcode} {city}",
        "{street} {no} {postcode} {city}",
        "{street} {no}, {flat} {postcode} {city}",
    ],
    "flat_formats": ["Whg. {n},", "{n}. OG,"],
    "phone_formats": [
        "+49 15# ########",
        "0151 ########",
        "030 ########",
        "+49 30 ########",
        "089 #######",
        "0171/#######",
        "+49 (0)40 ########",
        "0221 / ######",
    ],
    "date_formats": ["{dd}.{mm}.{yyyy}", "{d}. {month} {yyyy}", "{yyyy}-{mm}-{dd}", "{dd}.{mm}.{yy}", "{d}.{m}.{yyyy}"],
    "months": "Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember",
    "email_domains": "gmx.de, web.de, t-online.de, gmail.com, posteo.de, freenet.de, outlook.de",
    "tld": "de",
    "hon_m": "Herr, Herrn",
    "hon_f": "Frau",
    "doctor_titles": "Dr., Dr. med., Prof. Dr.",
}
