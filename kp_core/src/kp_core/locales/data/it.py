"""Italian (Italy)."""

LOCALE = {
    "country": "IT",
    "male": "Alessandro, Andrea, Antonio, Davide, Emanuele, Fabio, Federico, Filippo, Francesco, Gabriele, "
    "Giacomo, Giorgio, Giovanni, Giuseppe, Lorenzo, Luca, Marco, Mario, Massimo, Matteo, Michele, Paolo, "
    "Pietro, Riccardo, Roberto, Salvatore, Simone, Stefano, Tommaso",
    "female": "Alessia, Alice, Anna, Beatrice, Camilla, Chiara, Cristina, Elena, Elisa, Federica, Francesca, "
    "Gaia, Giorgia, Giulia, Ilaria, Laura, Lucia, Marta, Martina, Monica, Paola, Roberta, Rosa, Sara, Silvia, "
    "Sofia, Valentina, Veronica",
    "surnames": "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, "
    "Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri, Fontana, Santoro, Mariani, "
    "Rinaldi, Caruso, Ferrara, Galli, Martini, Leone, Longo, Gentile, Martinelli, Vitale",
    "streets": "Via Roma, Via Garibaldi, Via Mazzini, Corso Italia, Via Verdi, Via Cavour, Viale della Repubblica, "
    "Via Dante Alighieri, Piazza della Libertà, Via XX Settembre, Via Manzoni, Corso Umberto I, Via San Francesco, "
    "Via dei Mille, Via Nazionale, Viale Europa, Via Marconi",
    "cities": "Roma=001##, Milano=201##, Torino=101##, Napoli=801##, Palermo=901##, Genova=161##, Bologna=401##, "
    "Firenze=501##, Bari=701##, Catania=951##, Verona=371##, Padova=351##, Trieste=341##, Brescia=251##, "
    "Parma=431##, Lecce=731##",
    "address_formats": [
        "{street} {no}, {postcode} {city}",
        "{street}, {no} - {postcode} {city}",
        "{street} n. {no}, {city}",
        "{street} {no}, {flat} {postcode} {city}",
        "{street} {no}, {city}",
    ],
    "flat_formats": ["int. {n},", "scala B, int. {n},"],
    "phone_formats": [
        "+39 3## #######",
        "3## ### ####",
        "+39 06 #######",
        "0## ######",
        "+39 3##-#######",
        "3#########",
        "+39 02 ########",
    ],
    "date_formats": [
        "{dd}/{mm}/{yyyy}",
        "{d} {month} {yyyy}",
        "{dd}.{mm}.{yyyy}",
        "{dd}/{mm}/{yy}",
        "{dd}-{mm}-{yyyy}",
    ],
    "months": "gennaio, febbraio, marzo, aprile, maggio, giugno, luglio, agosto, settembre, ottobre, novembre, "
    "dicembre",
    "email_domains": "gmail.com, libero.it, virgilio.it, alice.it, tiscali.it, outlook.it, yahoo.it",
    "tld": "it",
    "hon_m": "Sig., Signor, sig.",
    "hon_f": "Sig.ra, Signora, sig.ra",
    "doctor_titles": "Dr., Dr./Dr.ssa, Dott./Dott.ssa, Prof./Prof.ssa",
}
