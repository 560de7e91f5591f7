"""Portuguese (Portugal)."""

LOCALE = {
    "country": "PT",
    "male": "João, José, António, Francisco, Manuel, Pedro, Rui, Luís, Miguel, Tiago, Diogo, Ricardo, Nuno, "
    "Paulo, Carlos, Bruno, André, Gonçalo, Rodrigo, Duarte, Henrique, Filipe, Vasco, Afonso",
    "female": "Maria, Ana, Joana, Inês, Catarina, Sofia, Beatriz, Mariana, Rita, Marta, Sara, Carla, Teresa, "
    "Patrícia, Cláudia, Susana, Helena, Leonor, Matilde, Raquel, Filipa, Isabel, Margarida, Sónia",
    "surnames": "Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Jesus, Sousa, Fernandes, "
    "Gonçalves, Gomes, Lopes, Marques, Alves, Almeida, Ribeiro, Pinto, Carvalho, Teixeira, Moreira, Correia, "
    "Mendes, Nunes, Soares, Vieira, Monteiro, Cardoso, Rocha, Neves, Coelho",
    "streets": "Rua Augusta, Avenida da Liberdade, Rua de Santa Catarina, Rua do Comércio, Avenida da República, "
    "Rua Direita, Largo do Rossio, Rua da Prata, Travessa do Carmo, Rua de São Bento, Avenida dos Aliados, "
    "Rua 25 de Abril, Rua Dom Afonso Henriques, Praça da Batalha, Rua das Flores",
    "cities": "Lisboa=1###-###, Porto=4###-###, Braga=47##-###, Coimbra=30##-###, Faro=80##-###, "
    "Aveiro=38##-###, Setúbal=29##-###, Funchal=90##-###, Évora=70##-###, Viseu=35##-###, Leiria=24##-###, "
    "Guimarães=48##-###",
    "address_formats": [
        "{street}, {no}, {postcode} {city}",
        "{street} n.º {no}, {flat} {postcode} {city}",
        "{street} {no}, {postcode} {city}",
        "{street}, n.º {no} - {postcode} {city}",
    ],
    "flat_formats": ["%.º Esq.,", "%.º Dto.,", "r/c,"],
    "phone_formats": ["+351 9## ### ###", "9## ### ###", "21# ### ###", "+351 22# ### ###", "9########"],
    "date_formats": ["{dd}/{mm}/{yyyy}", "{d} de {month} de {yyyy}", "{dd}-{mm}-{yyyy}", "{dd}.{mm}.{yyyy}"],
    "months": "janeiro, fevereiro, março, abril, maio, junho, julho, agosto, setembro, outubro, novembro, dezembro",
    "email_domains": "gmail.com, sapo.pt, hotmail.com, outlook.pt, netcabo.pt, iol.pt",
    "tld": "pt",
    "hon_m": "Sr., Senhor",
    "hon_f": "Sra., Senhora, D.",
    "doctor_titles": "Dr./Dra., Dr./Dra., Prof./Prof.ª",
}
