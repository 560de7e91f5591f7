"""French (France) document vocabulary."""

PHRASES = {
    "name": ["Nom et prénom", "Nom, prénom", "Nom", "Identité"],
    "patient": ["Patient(e)", "Nom du patient", "Patient", "Nom de naissance et prénom"],
    "dob": ["Date de naissance", "Né(e) le", "Date de naiss."],
    "address": ["Adresse", "Domicile", "Adresse postale", "Demeurant"],
    "phone": ["Téléphone", "Tél.", "Portable", "Tél. mobile"],
    "email": ["E-mail", "Courriel", "Adresse électronique", "Mail"],
    "nid": ["N° de sécurité sociale", "NIR", "Numéro de sécurité sociale", "N° SS"],
    "iban": ["IBAN", "RIB (IBAN)", "Coordonnées bancaires"],
    "customer": ["N° client", "Référence client", "Numéro d'adhérent", "Identifiant client"],
    "username": ["Identifiant", "Nom d'utilisateur", "Login"],
    "password": ["Mot de passe", "Mot de passe provisoire", "Code PIN"],
    "date": ["Date", "Date d'émission", "Fait le"],
    "mrn": ["N° de dossier", "IPP", "N° de séjour", "Dossier n°"],
    "diagnosis": ["Diagnostic", "Diagnostic principal", "Diagnostic de sortie", "Motif d'hospitalisation"],
    "medication": ["Traitement", "Traitement de sortie", "Ordonnance de sortie"],
    "doctor": ["Médecin traitant", "Médecin responsable", "Praticien hospitalier", "Chef de service"],
    "hospital": ["Établissement", "Hôpital", "Service"],
    "company_id": ["SIREN", "N° SIREN", "Immatriculation RCS"],
    "case_no": ["Réf.", "Dossier n°", "N° RG", "Nos réf."],
    "subject": ["Objet", "OBJET", "Réf."],
    "website": ["Site internet", "Web", "Site"],
    "signature": ["Signature", "Lu et approuvé", "Signé"],
    "place": ["Lieu de naissance", "Lieu"],
    "total": ["Total TTC", "Net à payer", "Montant total"],
    "card": ["N° de carte", "Carte bancaire", "Carte n°"],
    "ip": ["Adresse IP", "IP", "Dernière connexion depuis"],
    "h_discharge": [
        "Compte rendu d'hospitalisation",
        "Lettre de liaison",
        "Lettre de sortie",
        "Compte rendu de sortie",
    ],
    "h_referral": ["Lettre d'adressage", "Demande d'avis spécialisé", "Courrier d'orientation"],
    "h_lab": ["Compte rendu d'analyses de biologie médicale", "Résultats d'analyses", "Bilan biologique"],
    "h_contract": [
        "Contrat de prestation de services",
        "Contrat de location",
        "Contrat de travail à durée indéterminée",
        "Bail d'habitation",
    ],
    "h_judgment": ["Jugement", "Ordonnance", "Au nom du peuple français", "Jugement du tribunal"],
    "h_act": ["Décision", "Arrêté", "Délibération", "Décision n°"],
    "h_gdpr": [
        "Réponse à votre demande de droit d'accès",
        "Votre demande au titre de l'article 15 du RGPD",
        "Droit d'accès à vos données personnelles",
    ],
    "h_poa": ["Procuration", "Pouvoir", "Mandat"],
    "h_declaration": ["Déclaration sur l'honneur", "Attestation sur l'honneur", "Attestation"],
    "h_form": ["Formulaire de demande", "Demande d'inscription", "Formulaire de changement de coordonnées"],
    "h_invoice": ["Facture", "Reçu", "Note d'honoraires", "Facture acquittée"],
    "h_cv": ["Curriculum vitae", "CV"],
    "h_ticket": ["Ticket d'assistance", "Demande de support", "Réclamation", "Incident"],
    "h_experience": ["Expérience professionnelle", "Parcours professionnel"],
    "h_education": ["Formation", "Diplômes et formation"],
    # referrals open with these: the letter goes to the receiving clinician
    "greet_colleague": ["Cher confrère,", "Chère consœur, cher confrère,", "Madame, Monsieur et cher confrère,"],
    "greet": [
        "Madame, Monsieur,",
        "<<Monsieur|Madame>> {p.last},",
        "Bonjour {p.first},",
        "Ch<<er|ère>> {p.first},",
        "Bonjour <<Monsieur|Madame>> {p.name},",
    ],
    "closing": [
        "Cordialement,",
        "Bien cordialement,",
        "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
        "Bien à vous,",
        "Confraternellement,",
    ],
    "admit": [
        "{p.name} a été hospitalisé<<|e>> le {date2} pour {cond}.",
        "<<Le patient|La patiente>> s'est présenté<<|e>> aux urgences le {date2} pour {cond}.",
        "Admis<<|e>> au {ward} le {date2} pour {cond} ; antécédents : {cond2}.",
        "Nous avons pris en charge <<M.|Mme>> {p.name}, né<<|e>> le {p.dob}, du {date2} au {date}.",
    ],
    "therapy": [
        "Traitement par {med}, à poursuivre pendant {n} jours.",
        "Sortie sous {med}.",
        "Traitement : {med} matin et soir ; contrôle dans {n} semaines.",
        "Introduction de {med} au cours du séjour.",
    ],
    "followup": [
        "Consultation de contrôle avec le {dr.title} {dr.name}, {fac}, dans {n} semaines.",
        "Prochain rendez-vous de suivi dans {n} jours ({fac}).",
        "Pour toute question, contacter le {dr.title} {dr.name} au {org.phone}.",
    ],
    "refer": [
        "Je vous adresse {p.name}, né<<|e>> le {p.dob}, pour avis concernant {cond}.",
        "Motif : {cond}, symptomatique depuis le {date2}.",
        "Traitement en cours : {med}.",
        "Merci de bien vouloir recevoir <<M.|Mme>> {p.last} en consultation.",
    ],
    "lab_note": [
        "Résultats validés par le {dr.title} {dr.name} le {date}.",
        "Prélèvement effectué le {date2}.",
        "Les valeurs hors normes sont signalées par *.",
    ],
    "party_org": [
        "La société {org.name}, dont le siège social est sis {org.address}, immatriculée au RCS sous le numéro {org.cid}, "
        "représentée par {q.name}, ci-après « le Prestataire »",
        "{org.name}, {org.address}, SIREN {org.cid}, n° TVA intracommunautaire {org.vat}",
        "{org.name}, établissement sis {org.address}, SIRET {org.siret}, représentée par {q.name}",
        "{org.name}, {org.address}, représentée par {q.name} en sa qualité de gérant, ci-après « le Bailleur »",
    ],
    "party_person": [
        "{p.hon} {p.name}, né<<|e>> le {p.dob}, demeurant {p.address}, n° de sécurité sociale {p.nid}, "
        "ci-après « le Client »",
        "{p.name}, {p.address}, tél. {p.phone}, e-mail {p.email}",
        "{p.hon} {p.name}, né<<|e>> le {p.dob} à {p.birthplace}, demeurant {p.address}, ci-après « le Locataire »",
    ],
    "contract_object": [
        "Le Prestataire s'engage à fournir les services décrits en annexe {n}.",
        "Le présent contrat prend effet le {date2} pour une durée de {n} mois.",
        "Le loyer mensuel est fixé à {amount} euros, charges comprises.",
        "La rémunération mensuelle brute est fixée à {amount} euros.",
    ],
    "contract_pay": [
        "Les paiements sont effectués par virement sur le compte {org.iban} dans un délai de {n} jours à compter "
        "de la facture.",
        "Le Client autorise le prélèvement SEPA sur le compte {p.iban}.",
    ],
    "contract_court": [
        "Juridiction compétente : {court}.",
        "Tout litige relatif au présent contrat sera porté devant le {court}.",
        "Le présent contrat est régi par l'{statute}.",
    ],
    "signed": ["Fait à {city}, le {date}.", "Fait en deux exemplaires originaux, le {date}.", "{city}, le {date}"],
    "judg_intro": [
        "Le {court}, statuant publiquement, sous la présidence de {r.name}, a rendu le {date} le jugement suivant :",
        "Affaire n° RG {case} – {court}",
        "N° RG {case}. Audience publique du {date}.",
    ],
    "judg_facts": [
        "Par assignation du {date2}, <<M.|Mme>> {p.name}, né<<|e>> le {p.dob}, demeurant {p.address}, a saisi le tribunal.",
        "Par lettre du {date2}, la société {org.name} a résilié le contrat en invoquant l'{statute}.",
        "<<Le demandeur|La demanderesse>> était représenté<<|e>> par Me {q.name}.",
        "<<Le demandeur|La demanderesse>> est salarié<<|e>> de la société défenderesse depuis le {date3}.",
    ],
    "judg_ruling": [
        "PAR CES MOTIFS, le tribunal déboute <<le demandeur|la demanderesse>> de l'ensemble de ses demandes.",
        "Condamne la société {org.name} à payer à {p.name} la somme de {amount} euros.",
        "Infirme la décision du {date3}.",
        "Condamne la partie défenderesse aux entiers dépens.",
    ],
    "act_recital": [
        "Vu l'{statute} ;",
        "Vu la demande présentée par {p.name} le {date2} ;",
        "Considérant que les conditions prévues à l'{statute} sont remplies ;",
    ],
    "act_article": [
        "L'autorisation est accordée à {p.name}, né<<|e>> le {p.dob}, n° de sécurité sociale {p.nid}.",
        "Une amende de {amount} euros est prononcée à l'encontre de la société {org.name}, SIREN {org.cid}.",
        "La présente décision est notifiée à {p.name}, {p.address}.",
        "La présente décision peut faire l'objet d'un recours dans un délai de deux mois.",
    ],
    "act_done": ["Fait à {city}, le {date}.", "La présente décision entre en vigueur le {date}."],
    "gdpr_body": [
        "Nous faisons suite à votre demande du {date2} par laquelle vous souhaitez obtenir une copie des données "
        "personnelles vous concernant.",
        "Conformément à l'{statute}, nous vous confirmons que nous traitons les données suivantes.",
        "Vous trouverez ci-dessous les informations demandées dans votre courrier du {date2}.",
    ],
    "gdpr_data": [
        "La recherche a été effectuée à partir de votre numéro client {p.acct}.",
        "Vos données sont également consultables en ligne sur {org.url}.",
        "Pour toute question, vous pouvez contacter notre délégué à la protection des données : {org.email}.",
        "Vos données sont conservées cinq ans après la fin de la relation contractuelle.",
    ],
    "poa_body": [
        "Je soussigné<<|e>> {p.name}, né<<|e>> le {p.dob}, n° de sécurité sociale {p.nid}, demeurant {p.address}, "
        "donne pouvoir à {q.name}, né(e) le {q.dob}, de me représenter auprès de l'organisme suivant : {body}.",
        "Le mandataire est habilité à me représenter devant le {court}.",
        "Je soussigné<<|e>> {p.name}, {p.address}, autorise {q.name} à retirer en mon nom tout courrier recommandé.",
    ],
    "decl_body": [
        "Je soussigné<<|e>> {p.name}, né<<|e>> le {p.dob} à {p.birthplace}, demeurant {p.address}, atteste sur "
        "l'honneur l'exactitude des informations fournies.",
        "J'ai connaissance des sanctions prévues à l'{statute} en cas de fausse déclaration.",
        "Je soussigné<<|e>> {p.name} certifie résider à l'adresse {p.address} depuis le {date3}.",
    ],
    "letter_body": [
        "Nous vous informons que votre demande du {date2} a été enregistrée sous la référence {case}.",
        "Votre dossier est suivi par {q.name}.",
        "Nous vous invitons à nous transmettre les pièces manquantes dans un délai de {n} jours.",
        "Merci de rappeler la référence {case} dans toute correspondance.",
    ],
    "letter_contact": [
        "Pour tout renseignement, vous pouvez nous joindre au {org.phone} ou par courriel à {org.email}.",
        "Nos bureaux sont ouverts du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h.",
        "Retrouvez toutes nos informations sur {org.url}.",
    ],
    "email_body": [
        "Bonjour {p.first}, merci pour ton message. Tu peux me joindre au {q.phone}.",
        "Merci de renvoyer l'exemplaire signé à {q.email} avant le {date}.",
        "Je te transmets les documents de {p.name} ; le rendez-vous est fixé au {date2}.",
        "Pouvons-nous décaler la réunion au {date} ?",
    ],
    "chat": [
        "coucou c'est {p.first}, nouveau numéro : {p.phone}",
        "ok on se voit le {date2}",
        "tu m'envoies le mail ? c'est {p.email}",
        "l'adresse c'est {p.address}",
        "ça marche !",
        "j'arrive dans 10 min",
        "tu peux appeler {p.first} ?",
    ],
    "ticket_body": [
        "<<Le client|La cliente>> {p.name} (n° client {p.acct}) signale que la connexion ne fonctionne plus "
        "depuis le {date2}.",
        "L'utilisateur {p.user} ne parvient pas à réinitialiser son mot de passe ; dernière connexion depuis {p.ip}.",
        "Le paiement par la carte {p.card} a été refusé à deux reprises.",
    ],
    "ticket_secret": [
        "Mot de passe provisoire : {p.pwd}, à modifier dès la première connexion.",
        "Merci de ne pas coller la clé API {apikey} dans les tickets.",
        "Nouveau jeton : {apikey}",
    ],
    "invoice_pay": [
        "Paiement à {n} jours par virement sur le compte {org.iban}.",
        "Référence à rappeler : {ref}.",
        "Pour toute question relative à cette facture : {org.email}",
        "N° TVA intracommunautaire : {org.vat}",
    ],
    "hospital_fmts": [
        "CHU de {city}",
        "Centre hospitalier de {city}",
        "Centre hospitalier universitaire de {city}",
        "Hôpital privé de {city}",
        "Polyclinique de {city}",
        "Centre hospitalier régional de {city}",
    ],
    "court_fmts": [
        "Tribunal judiciaire de {city}",
        "Tribunal de commerce de {city}",
        "Conseil de prud'hommes de {city}",
        "Tribunal administratif de {city}",
        "Tribunal de proximité de {city}",
    ],
    "statute_fmts": [
        "article {n} du Code civil",
        "article 15 du règlement (UE) 2016/679",
        "article L. {n}-{n2} du Code du travail",
        "article 441-7 du Code pénal",
        "article 39 de la loi n° 78-17 du 6 janvier 1978",
        "article L. 1110-4 du Code de la santé publique",
        "article {n} du Code de procédure civile",
    ],
    "case_fmts": ["{year}/#####", "##/#####", "{n}/{year}", "RG ##/####"],
    "mrn_fmts": ["#########", "IPP ########", "{year}######"],
    "conditions": "diabète de type 2, hypertension artérielle, pneumopathie, asthme, BPCO, fibrillation atriale, "
    "insuffisance rénale chronique, migraine, épisode dépressif, anémie ferriprive, gastrite chronique, "
    "hypothyroïdie, lombosciatique, gonarthrose, maladie cœliaque, bronchite aiguë, insuffisance cardiaque",
    "medications": "metformine 500 mg, ramipril 5 mg, atorvastatine 20 mg, salbutamol en spray, apixaban 5 mg, "
    "pantoprazole 40 mg, amoxicilline 1 g, lévothyroxine 50 µg, sertraline 50 mg, paracétamol 1 g",
    "wards": "service de médecine interne, service de cardiologie, service de pneumologie, "
    "service de chirurgie viscérale, service d'orthopédie, service de gastro-entérologie, service de gériatrie",
    "lab_tests": "Hémoglobine|g/dL|12|17, Leucocytes|G/L|4|10, Plaquettes|G/L|150|400, Sodium|mmol/L|135|145, "
    "Potassium|mmol/L|3.5|5.1, Créatinine|µmol/L|60|110, CRP|mg/L|0|5, Glycémie à jeun|g/L|0.7|1.1, TSH|mUI/L|0.4|4, "
    "Cholestérol total|g/L|1.2|2",
    "jobs": "comptable, développeur logiciel, infirmière, responsable commercial, professeur des écoles, chef de projet, "
    "électricien, conseiller clientèle, analyste de données, pharmacienne",
    "products": "Prestation de conseil, Abonnement mensuel, Fauteuil de bureau, Cartouche d'encre, Licence logicielle, "
    "Intervention technique, Frais de port",
    "public_bodies": "Direction générale des Finances publiques, CPAM, Commission nationale de l'informatique et des "
    "libertés, URSSAF, Caisse d'allocations familiales, Préfecture, Mairie, France Travail",
    "org_words": "Azur, Atlantique, Provence, Armor, Horizon, Lumière, Loire, Alpes, Océane, Rhône",
    "org_suffixes": "SARL, SAS, SA, EURL, SASU",
    "schools": "Université Paris Cité, Sorbonne Université, Université de Lyon, Université de Bordeaux, "
    "Sciences Po, Université de Strasbourg",
    "mail_headers": ["De|À|Date", "De|À|Envoyé"],
}
