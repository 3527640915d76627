"""Small numbers written as words in English, Italian, German and French, as people type
them in free text ("due volte al mese", "zwei Treffen", "deux rencontres"), in their `plain`
form (no accents, lower case: German "fünf" is "funf", "zwölf" "zwolf")."""

from __future__ import annotations

NUMBER_WORDS: dict[str, int] = {
    # English
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "once": 1, "twice": 2, "thrice": 3,
    # Italian
    "un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
    "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12,
    "quindici": 15,
    # German
    "null": 0, "ein": 1, "eine": 1, "einen": 1, "einem": 1, "eins": 1, "zwei": 2, "drei": 3,
    "vier": 4, "funf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwolf": 12, "vierzehn": 14, "funfzehn": 15, "einmal": 1, "zweimal": 2,
    "dreimal": 3, "viermal": 4, "funfmal": 5,
    # French ("un", "six" as above)
    "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "quinze": 15,
}  # fmt: skip
