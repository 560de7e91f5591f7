"""Latvian (Latvia)."""

LOCALE = {
    "country": "LV",
    "male": "Andris, Artūrs, Edgars, Aivars, Jānis, Juris, Kārlis, Māris, Mārtiņš, Roberts, Raimonds, Uldis, "
    "Valdis, Gints, Ivars, Kristaps, Oskars, Reinis, Rihards, Toms, Normunds, Ēriks",
    "female": "Anna, Baiba, Dace, Daina, Elīna, Evija, Ieva, Ilze, Inese, Inga, Ineta, Kristīne, Laura, Liene, "
    "Līga, Linda, Marta, Sanita, Santa, Zane, Agnese, Dzintra",
    "surnames": "Bērziņš/Bērziņa, Kalniņš/Kalniņa, Ozoliņš/Ozoliņa, Jansons/Jansone, Ozols/Ozola, Liepiņš/Liepiņa, "
    "Krūmiņš/Krūmiņa, Balodis/Balode, Eglītis/Eglīte, Zariņš/Zariņa, Pētersons/Pētersone, Kļaviņš/Kļaviņa, "
    "Vītols/Vītola, Kārkliņš/Kārkliņa, Lapiņš/Lapiņa, Vanags/Vanaga, Siliņš/Siliņa, Zvirbulis/Zvirbule, "
    "Kazaks/Kazaka, Āboliņš/Āboliņa, Grīnbergs/Grīnberga, Lācis/Lāce",
    "streets": "Brīvības iela, Elizabetes iela, Krišjāņa Barona iela, Lāčplēša iela, Dzirnavu iela, Tērbatas iela, "
    "Skolas iela, Rīgas iela, Meža iela, Dārza iela, Ganību dambis, Kalnciema iela, Raiņa bulvāris, "
    "Stacijas iela, Pils iela, Jūras iela",
    "cities": "Rīga=LV-10##, Daugavpils=LV-54##, Liepāja=LV-34##, Jelgava=LV-30##, Jūrmala=LV-20##, "
    "Ventspils=LV-36##, Rēzekne=LV-46##, Valmiera=LV-42##, Ogre=LV-50##, Cēsis=LV-41##",
    "address_formats": [
        "{street} {no}, {city}, {postcode}",
        "{street} {no}-{flat}, {city}, {postcode}",
        "{street} {no}, {city}",
        "{street} {no} - {flat}, {postcode} {city}",
    ],
    "flat_formats": ["{n}"],
    "phone_formats": ["+371 2### ####", "2#######", "+371 67 ### ###", "+371 2#######", "67######"],
    "date_formats": ["{dd}.{mm}.{yyyy}.", "{yyyy}. gada {d}. {month}", "{dd}.{mm}.{yyyy}", "{yyyy}-{mm}-{dd}"],
    "months": "janvārī, februārī, martā, aprīlī, maijā, jūnijā, jūlijā, augustā, septembrī, oktobrī, novembrī, "
    "decembrī",
    "email_domains": "inbox.lv, gmail.com, apollo.lv, one.lv, outlook.com, tvnet.lv",
    "tld": "lv",
    "hon_m": "A. god., god.",
    "hon_f": "A. god., god.",
    "doctor_titles": "dr., ārsts/ārste",
}
