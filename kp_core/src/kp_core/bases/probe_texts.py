"""A small multilingual probe set for checking a rebuilt base against its source engine.

Written for this purpose (no dataset sentences): 28 languages, diacritics, Greek, Cyrillic,
CJK, Arabic and Hebrew script, emoji (with modifiers and joiners), numbers, and the
normalization corners an XLM-R tokenizer handles (full-width forms, ligatures, odd spaces).
"""

from __future__ import annotations

PROBE_TEXTS: tuple[str, ...] = (
    "The quarterly report is due on 14 March 2025 at 09:30.",
    "Die Straße vor dem Rathaus wird nächste Woche gesperrt.",
    "Le café près de la gare ouvre à sept heures, même le dimanche.",
    "¿Dónde está la biblioteca más cercana? Necesito devolver dos libros.",
    "Il treno per Firenze è in ritardo di quindici minuti.",
    "A reunião foi adiada para a próxima terça-feira, às 15h.",
    "De fietsenstalling naast het station is vandaag gesloten.",
    "Vädret i Göteborg blir blåsigt med skurar på eftermiddagen.",
    "Æblerne i haven er modne, og børnene plukker dem i dag.",
    "Vi møtes ved fjorden klokka åtte i morgen tidlig.",
    "Hyvää huomenta! Kokous alkaa kello kymmenen Helsingissä.",
    "Zażółć gęślą jaźń — pociąg odjeżdża o 17:45 z peronu 3.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "Kôň sa pásol na lúke za dedinou až do večera.",
    "Árvíztűrő tükörfúrógép a műhely sarkában áll.",
    "Întâlnirea de mâine începe la ora nouă în sala mare.",
    "Čovjek je šetao uz rijeku i razgovarao s prijateljem.",
    "Vilnius yra Lietuvos sostinė, o Kaunas – antras pagal dydį miestas.",
    "Rīgā šodien līst, bet rīt būs saulains laiks.",
    "Tallinna vanalinn on talvel eriti ilus ja rahulik.",
    "Η γρήγορη καφέ αλεπού πηδάει πάνω από τον τεμπέλη σκύλο.",
    "Съешь же ещё этих мягких французских булок, да выпей чаю.",
    "Утром в Софии температурата беше минус пет градуса.",
    "Київ — столиця України, місто на берегах Дніпра.",
    "Yarın sabah İstanbul'a uçuyorum; dönüşüm cuma günü.",
    "Tá an aimsir go hálainn inniu i nGaillimh.",
    "Il-belt il-qadima tal-Imdina hija sabiħa ħafna.",
    "Þú getur séð norðurljósin á heiðskírri nóttu.",
    "東京は日本の首都で、人口は約1400万人です。",
    "我明天早上八点去北京开会，然后回上海。",
    "서울의 봄은 짧지만 아름답습니다.",
    "اجتماع الغد يبدأ في الساعة العاشرة صباحاً.",
    "הפגישה תתקיים מחר בשעה עשר בבוקר.",
    "Party time 🎉🥳 with family 👨‍👩‍👧 and a thumbs up 👍🏽!",
    "Invoice INV-2024-000317: total € 1.234,56 (VAT 21 %), due 2025-01-31.",
    "Ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ １２３ and the ﬁne ﬂow of ligatures ½ ™",
    "  leading spaces,\ttabs\tand\nnew lines   collapse  ",
    "MiXeD CaSe, ALL CAPS, and trailing punctuation!!!???",
)
