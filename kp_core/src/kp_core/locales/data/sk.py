"""Slovak (Slovakia)."""

LOCALE = {
    "country": "SK",
    "male": "Peter, Ján, Jozef, Michal, Martin, Tomáš, Marek, Lukáš, Milan, Juraj, Miroslav, Pavol, Štefan, "
    "Andrej, Róbert, Matej, Dávid, Vladimír, Igor, Ľubomír, Roman",
    "female": "Mária, Anna, Zuzana, Katarína, Eva, Jana, Lucia, Monika, Martina, Ivana, Veronika, Simona, "
    "Andrea, Lenka, Petra, Barbora, Kristína, Dominika, Alžbeta, Helena, Ľubica",
    "surnames": "Horváth/Horváthová, Kováč/Kováčová, Varga/Vargová, Tóth/Tóthová, Nagy/Nagyová, Baláž/Balážová, "
    "Szabó/Szabóová, Molnár/Molnárová, Lukáč/Lukáčová, Novák/Nováková, Kollár/Kollárová, Németh/Némethová, "
    "Polák/Poláková, Oravec/Oravcová, Kráľ/Kráľová, Hudák/Hudáková, Krajčovič/Krajčovičová, "
    "Gajdoš/Gajdošová, Zeman/Zemanová, Sedlák/Sedláková, Bartoš/Bartošová, Marko/Marková",
    "streets": "Hlavná, Štúrova, Hviezdoslavova, Obchodná, Námestie SNP, Mierová, Školská, Záhradná, "
    "Kpt. Nálepku, Nová, Partizánska, Dlhá, Jesenského, Kukučínova, Hurbanova, Bernolákova",
    "cities": "Bratislava=8## 0#, Košice=040 0#, Prešov=080 0#, Žilina=010 0#, Banská Bystrica=974 0#, "
    "Nitra=949 0#, Trnava=917 0#, Trenčín=911 0#, Martin=036 0#, Poprad=058 0#, Zvolen=960 0#",
    "address_formats": [
        "{street} {no}, {postcode} {city}",
        "{street} {no}/{flat}, {postcode} {city}",
        "{street} č. {no}, {postcode} {city}",
        "{street} {no}, {city}",
    ],
    "flat_formats": ["%#", "%"],
    "phone_formats": ["+421 9## ### ###", "09## ### ###", "+421 2 #### ####", "09########", "+4219########"],
    "date_formats": ["{d}. {m}. {yyyy}", "{dd}.{mm}.{yyyy}", "{d}. {month} {yyyy}", "{d}.{m}.{yyyy}"],
    "months": "januára, februára, marca, apríla, mája, júna, júla, augusta, septembra, októbra, novembra, decembra",
    "email_domains": "azet.sk, gmail.com, centrum.sk, post.sk, zoznam.sk, pobox.sk",
    "tld": "sk",
    "hon_m": "pán, p.",
    "hon_f": "pani, p.",
    "doctor_titles": "MUDr., prim. MUDr., doc. MUDr.",
}
