"""One scheme for every backend's language codes: ISO 639-1 where it exists,
else ISO 639-3, with a BCP 47 script subtag where the script matters.

>>> normalize("zh-cn"), normalize("zh-tw"), normalize("ENGLISH"), normalize("zxx")
('zh-Hans', 'zh-Hant', 'en', 'und')
>>> normalize("sr", "Београд је главни град"), normalize("sr", "Beograd je glavni grad")
('sr-Cyrl', 'sr-Latn')
>>> base("sr-Latn")
'sr'
"""

from __future__ import annotations

import functools

import regex

UNDETERMINED = "und"

# Backend spellings that are not ISO 639-1/-3 codes.
_ALIASES = {
    "zh-cn": "zh-Hans", "zh-tw": "zh-Hant", "zxx": UNDETERMINED, "uzs": "uz-Arab",
    "srl": "sr-Latn", "nb": "no", "kik": "ki",  # kik: py3langid's Kikuyu
}
# lingua names its languages in English; these are the ones whose names are not codes.
_NAMES = {
    "english": "en", "french": "fr", "russian": "ru", "armenian": "hy", "azerbaijani": "az",
    "georgian": "ka", "turkish": "tr", "german": "de", "spanish": "es", "persian": "fa",
    "arabic": "ar", "ukrainian": "uk",
}
# Languages written in Cyrillic and Latin: the script their bare code implies
# (None: both are common, so the script is always named).
_USUAL_SCRIPT = {"sr": None, "bs": None, "az": "Latn", "uz": "Latn", "kk": "Cyrl"}
_CYRILLIC = regex.compile(r"\p{Script=Cyrillic}")
_LATIN = regex.compile(r"\p{Script=Latin}")


def normalize(code: str, text: str | None = None) -> str:
    """A backend's code in the project's scheme; ``text`` settles the script where needed."""
    code = code.strip()
    lowered = code.lower()
    if lowered in _NAMES:
        return _NAMES[lowered]
    if lowered in _ALIASES:
        return _ALIASES[lowered]
    if "-" in code:
        language, _, rest = code.partition("-")
        return f"{language.lower()}-{rest[:1].upper()}{rest[1:].lower()}"
    if lowered in _USUAL_SCRIPT and text is not None:
        # Serbian, Uzbek...: name the script the text is written in, by its letters.
        cyrillic, latin = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
        if cyrillic or latin:
            script = "Cyrl" if cyrillic > latin else "Latn"
            if script != _USUAL_SCRIPT[lowered]:
                return f"{lowered}-{script}"
    return lowered


# The script a language is written in, where one is usual (the names of
# corpus_tools.text.scripts); languages written in two take it from the code's subtag.
_SCRIPT_SUBTAGS = {"Latn": "Latin", "Cyrl": "Cyrillic", "Arab": "Arabic", "Grek": "Greek",
                   "Armn": "Armenian", "Geor": "Georgian", "Hebr": "Hebrew"}
_SCRIPT_OF = {
    **dict.fromkeys(("hy",), "Armenian"), **dict.fromkeys(("ka",), "Georgian"),
    **dict.fromkeys(("el",), "Greek"), **dict.fromkeys(("he", "yi"), "Hebrew"),
    **dict.fromkeys(("ar", "fa", "ur", "ps"), "Arabic"),
    **dict.fromkeys(("ru", "uk", "be", "bg", "mk", "kk", "ky", "tt", "tg", "mn", "ba", "cv", "ce",
                     "os", "sr"), "Cyrillic"),
    **dict.fromkeys(("en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "sk", "sl", "hr", "bs",
                     "ro", "hu", "tr", "az", "uz", "tk", "lt", "lv", "et", "fi", "sv", "da", "no",
                     "nb", "nn", "is", "ga", "cy", "eu", "ca", "gl", "sq", "mt", "vi", "id", "ms",
                     "tl", "sw", "eo", "la", "af", "ku"), "Latin"),
}


@functools.lru_cache(maxsize=64)
def script_of_language(code: str | None) -> str | None:
    """The script a language code implies, or None when it implies none we know.

    >>> script_of_language("ka"), script_of_language("sr-Latn"), script_of_language("sr")
    ('Georgian', 'Latin', 'Cyrillic')
    >>> script_of_language("zh") is None, script_of_language(None) is None
    (True, True)
    """
    if not code:
        return None
    language, _, rest = code.partition("-")
    subtag = rest[:4].title()
    if subtag in _SCRIPT_SUBTAGS:
        return _SCRIPT_SUBTAGS[subtag]
    return _SCRIPT_OF.get(language.lower())


def base(code: str) -> str:
    """The language without script or region: ``sr-Latn`` -> ``sr``."""
    return code.split("-")[0].lower()


# ISO 639-1: every two-letter code (three-letter ISO 639-3 codes such as 'ary' are
# checked against the backends' own lists).
ISO_639_1 = frozenset(["aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu"])
_THREE_LETTER = frozenset(["ace", "ary", "arz", "bcl", "crh", "ext", "fuv", "gcf", "gcr", "gom", "grc", "gug", "guw", "hbo", "kab", "lij", "ltg", "nso", "pcm", "sdh", "vec", "wuu", "yue", "fil", "haw", "ceb", "hmn"])


# Country codes taken for language codes (Georgia is GE, Georgian is ka), where the
# country code is no language code itself (AM, EE, SE... are: Amharic, Ewe, Sami).
_COUNTRY_NOT_LANGUAGE = {
    "ge": "ka", "gr": "el", "jp": "ja", "cn": "zh", "cz": "cs", "dk": "da", "ir": "fa",
    "il": "he", "rs": "sr", "by": "be", "kz": "kk", "us": "en", "gb": "en", "al": "sq",
    "at": "de",
}


def check_code(code: str, option: str = "--lang") -> str:
    """A user's language code, normalized, or a ValueError that suggests a known one.

    >>> check_code("EN"), check_code("sr-latn")
    ('en', 'sr-Latn')
    >>> check_code("eng")
    Traceback (most recent call last):
    ValueError: --lang 'eng' is not a language code we know; did you mean 'en'?
    """
    import difflib

    if not code or not code.strip():
        raise ValueError(f"{option} needs a language code like en, fr or sr-Latn, not an empty text")
    normalized = normalize(code)
    language = base(normalized)
    shaped = regex.fullmatch(r"[a-z]{2,3}(-[A-Z][a-z]{3})?", normalized)
    if shaped and (language in ISO_639_1 or language in _THREE_LETTER):
        return normalized
    known = sorted(ISO_639_1 | _THREE_LETTER)
    close = {"eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "rus": "ru",
             "hye": "hy", "arm": "hy", "aze": "az", "tur": "tr", "ukr": "uk", "ua": "uk",
             "spa": "es", "ara": "ar", "kat": "ka", "geo": "ka", "fas": "fa", "per": "fa",
             **_COUNTRY_NOT_LANGUAGE}
    guess = close.get(language) or next(iter(difflib.get_close_matches(language, known, n=1)),
                                        None)
    hint = f"; did you mean '{guess}'?" if guess else "; use ISO 639-1 codes like en, fr, hy"
    raise ValueError(f"{option} '{code}' is not a language code we know{hint}")


def parse_languages(value: str | None, option: str = "--languages",
                    allow_und: bool = False) -> tuple[str, ...] | None:
    """``--languages en,fr,ru`` as a tuple of normalized codes, or None for all.

    >>> parse_languages("en, FR,sr-latn")
    ('en', 'fr', 'sr-Latn')
    >>> parse_languages("en,und", "--keep", allow_und=True)
    ('en', 'und')
    """
    if not value:
        return None
    codes = [part.strip() if allow_und and part.strip() == UNDETERMINED
             else check_code(part, option) for part in value.split(",") if part.strip()]
    return tuple(dict.fromkeys(codes))
