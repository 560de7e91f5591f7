"""French (France)."""

LOCALE = {
    "country": "FR",
    "male": "Antoine, Baptiste, Benoît, Christophe, Clément, David, Éric, François, Guillaume, Hugo, Jean, "
    "Jérôme, Julien, Laurent, Louis, Lucas, Marc, Mathieu, Nicolas, Olivier, Philippe, Pierre, Romain, Sébastien, "
    "Thomas, Vincent, Yann",
    "female": "Amélie, Anne, Camille, Caroline, Catherine, Chloé, Claire, Élodie, Émilie, Hélène, Inès, Isabelle, "
    "Julie, Léa, Manon, Marie, Mathilde, Nathalie, Pauline, Sandrine, Sophie, Stéphanie, Valérie, Virginie, Zoé",
    "surnames": "Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent, "
    "Lefebvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, André, Lefèvre, Mercier, "
    "Dupont, Lambert, Bonnet, François, Martinez, Legrand, Garnier, Faure, Rousseau",
    "streets": "rue de la République, rue Victor Hugo, avenue Jean Jaurès, rue Pasteur, boulevard Gambetta, "
    "rue de la Gare, place de l'Église, rue du Moulin, avenue de la Libération, rue des Écoles, "
    "rue Nationale, allée des Tilleuls, chemin des Vignes, rue Jules Ferry, boulevard Voltaire, quai de la Loire",
    "cities": "Paris=750##, Lyon=6900#, Marseille=130##, Toulouse=310##, Nice=060##, Nantes=440##, "
    "Strasbourg=670##, Montpellier=340##, Bordeaux=330##, Lille=590##, Rennes=350##, Reims=51100, "
    "Dijon=21000, Grenoble=38000, Angers=49000",
    "address_formats": [
        "{no} {street}, {postcode} {city}",
        "{no}, {street}, {postcode} {city}",
        "{no} {street} {postcode} {city}",
        "{flat} {no} {street}, {postcode} {city}",
    ],
    "flat_formats": ["Bât. B, apt {n},", "Résidence les Pins, apt {n},"],
    "phone_formats": [
        "+33 6 ## ## ## ##",
        "06 ## ## ## ##",
        "01 ## ## ## ##",
        "07.##.##.##.##",
        "+33 (0)4 ## ## ## ##",
        "06########",
        "05 ## ## ## ##",
    ],
    "date_formats": [
        "{dd}/{mm}/{yyyy}",
        "{d} {month} {yyyy}",
        "{dd}.{mm}.{yyyy}",
        "{dd}/{mm}/{yy}",
        "{dd}-{mm}-{yyyy}",
    ],
    "months": "janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre",
    "email_domains": "orange.fr, free.fr, gmail.com, laposte.net, sfr.fr, wanadoo.fr, hotmail.fr",
    "tld": "fr",
    "hon_m": "M., Monsieur",
    "hon_f": "Mme, Madame",
    "doctor_titles": "Dr, Dr., Pr",
}
