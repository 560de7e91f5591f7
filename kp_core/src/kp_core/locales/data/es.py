"""Spanish (Spain)."""

LOCALE = {
    "country": "ES",
    "male": "Alejandro, Antonio, Carlos, Daniel, David, Diego, Francisco, Javier, Jesús, Jorge, José, Juan, "
    "Luis, Manuel, Miguel, Pablo, Pedro, Rafael, Sergio, Álvaro, Adrián, Iván, Raúl, Fernando, Alberto",
    "female": "Ana, Andrea, Carmen, Cristina, Elena, Isabel, Laura, Lucía, María, Marta, Nuria, Paula, Pilar, "
    "Raquel, Rocío, Sara, Silvia, Sofía, Teresa, Beatriz, Irene, Patricia, Alba, Mercedes, Dolores",
    "surnames": "García, Rodríguez, González, Fernández, López, Martínez, Sánchez, Pérez, Gómez, Martín, Jiménez, "
    "Ruiz, Hernández, Díaz, Moreno, Muñoz, Álvarez, Romero, Alonso, Gutiérrez, Navarro, Torres, Domínguez, "
    "Vázquez, Ramos, Gil, Ramírez, Serrano, Blanco, Molina, Morales, Suárez, Ortega, Delgado",
    "streets": "Calle Mayor, Calle Real, Avenida de la Constitución, Calle Alcalá, Paseo de la Castellana, "
    "Calle de Serrano, Gran Vía, Calle Nueva, Plaza de España, Avenida de Andalucía, Calle San Juan, "
    "Calle del Carmen, Rambla de Catalunya, Calle de la Paz, Avenida del Puerto, Camino Real",
    "cities": "Madrid=28###, Barcelona=08###, Valencia=46###, Sevilla=41###, Zaragoza=50###, Málaga=29###, "
    "Bilbao=48###, Murcia=30###, Palma=07###, Valladolid=47###, Alicante=03###, Granada=18###, "
    "Santander=39###, Salamanca=37###",
    "address_formats": [
        "{street}, {no}, {postcode} {city}",
        "{street} {no}, {flat} {postcode} {city}",
        "{street}, {no} - {postcode} {city}",
        "{street} {no}, {postcode} {city}",
    ],
    "flat_formats": ["%º @,", "piso %, puerta {n},", "%.º izda.,"],
    "phone_formats": [
        "+34 6## ## ## ##",
        "6## ### ###",
        "91 ### ## ##",
        "+34 9## ### ###",
        "6########",
        "93 ### ## ##",
    ],
    "date_formats": [
        "{dd}/{mm}/{yyyy}",
        "{d} de {month} de {yyyy}",
        "{dd}-{mm}-{yyyy}",
        "{d}/{m}/{yyyy}",
        "{dd}/{mm}/{yy}",
    ],
    "months": "enero, febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, noviembre, diciembre",
    "email_domains": "gmail.com, hotmail.es, yahoo.es, telefonica.net, outlook.es, movistar.es",
    "tld": "es",
    "hon_m": "Sr., D., Don",
    "hon_f": "Sra., Dña., Doña",
    "doctor_titles": "Dr./Dra., Dr./Dra., Dr./Dr.ª",
}
