"""The o200k tokenizer built offline from quicktok: same ids as quicktok itself, usable offsets."""

from __future__ import annotations

import pytest

quicktok = pytest.importorskip("quicktok")

from kp_torch.tokenizers import o200k_tokenizer  # noqa: E402

MULTILINGUAL = [
    "Hello world, my name is John O'Brien and I'M sure you'll call me at +1 (555) 010-0199.",
    "Il paziente Mario Rossi abita in Via Roma 12, 20121 Milano; e-mail mario.rossi@esempio.it",
    "Pan Jiří Dvořák bydlí na adrese Hlavní 5, 602 00 Brno. Rodné číslo 736028/5163.",
    "Frau Jürgen-Müller wohnt in der Straße Äußere Bahnhofstraße 7, 80335 München.",
    "Pani Łucja Żółkiewska z Łodzi, PESEL 44051401458, tel. 600 700 800.",
    "Ο Γιώργος Παπαδόπουλος μένει στην οδό Ερμού 10, Αθήνα 105 63.",
    "Шевченко Тарас Григорович, тел. +380 44 123 45 67, м. Київ.",
    "Dna 3. 4. 2024 podpísal Ľubomír Šťastný zmluvu č. 2024/17-ÁB.",
    "Jón Guðmundsson býr á Laugavegi 22, 101 Reykjavík. Kennitala 120174-3399.",
    "Svensson, Åsa — personnummer 19811218-9876; IBAN SE45 5000 0000 0583 9825 7466",
    "Kære Søren Kierkegaard, dit CPR-nummer er 070761-4285.",
    "Doña Begoña Núñez vive en Calle Mayor 1, 28013 Madrid (DNI 12345678Z).",
    "M. François-René d'Hauteville, né le 12/03/1985 à Besançon.",
    "Dott.ssa Maria Grazia dell'Orto — codice fiscale DLLMGR85C52H501Z",
    "Domnul Ștefan Țepeș, CNP 1800101221144, str. Mihai Eminescu nr. 3, București.",
    "Herr Mäkinen asuu osoitteessa Mannerheimintie 5 A 12, 00100 Helsinki.",
    "Tere, Märt Õunapuu! Isikukood 37605030299.",
    "Gospod Čedomir Đurić, OIB 69435151530, Zagreb.",
    "https://example.org/path?q=1&x=%20y  ftp://files.example.eu/a_b-c.txt",
    "secret: sk-live_4f9A0bC1dE2fG3hI4jK5lM6nO7pQ8rS9",
    "東京都千代田区 🚀🔥 emoji and 한국어 텍스트 with عربي and עברית",
    "tabs\tand\nnewlines\r\n\r\n   multiple   spaces   \n\n\n end",
    "Numbers 1234567890 12,345.67 1.234,56 €1 000 000 ½ ² ³",
    "Combining: e\u0301 a\u0308 n\u0303 and Zalgo z\u0336\u0310a\u0337",
    "",
    " ",
    "CAPS LOCK SHOUTING, CamelCaseWords, snake_case_words, kebab-case-words",
    "They'RE here; it'S fine, WE'LL see. i'd've",
]


@pytest.fixture(scope="module")
def tokenizer():
    return o200k_tokenizer()


@pytest.fixture(scope="module")
def reference():
    return quicktok.get_encoding("o200k_base")


@pytest.mark.parametrize("text", MULTILINGUAL)
def test_ids_equal_quicktok(tokenizer, reference, text):
    assert tokenizer(text, add_special_tokens=False)["input_ids"] == reference.encode_ordinary(text)


def test_batch_ids_equal_quicktok(tokenizer, reference):
    tokens, offsets = reference.encode_batch(MULTILINGUAL)
    ours = tokenizer(MULTILINGUAL, add_special_tokens=False)["input_ids"]
    for i, ids in enumerate(ours):
        assert ids == tokens[offsets[i] : offsets[i + 1]].tolist()


def test_specials_and_size(tokenizer, reference):
    assert tokenizer.pad_token_id == tokenizer.eos_token_id == 199999
    assert tokenizer.convert_tokens_to_ids("<|endofprompt|>") == 200018
    assert tokenizer("a<|endoftext|>b", add_special_tokens=False)["input_ids"] == reference.encode(
        "a<|endoftext|>b", allowed_special="all"
    )
    # privacy-filter's embedding has 200064 rows: every id must fit
    assert max(tokenizer.get_vocab().values()) < 200064
    assert tokenizer.is_fast


def test_offsets_cover_the_text(tokenizer):
    for text in MULTILINGUAL:
        enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        offsets = enc["offset_mapping"]
        if not text:
            assert offsets == []
            continue
        assert offsets[0][0] == 0 and offsets[-1][1] == len(text)
        for (a, b), (c, d) in zip(offsets, offsets[1:], strict=False):
            assert a <= b and c <= d and b <= d and a <= c


def test_decode_round_trip(tokenizer):
    for text in MULTILINGUAL:
        ids = tokenizer(text, add_special_tokens=False)["input_ids"]
        assert tokenizer.decode(ids) == text
