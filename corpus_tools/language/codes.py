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


def base(code: str) -> str:
    """The language without script or region: ``sr-Latn`` -> ``sr``."""
    return code.split("-")[0].lower()


def parse_languages(value: str | None) -> tuple[str, ...] | None:
    """``--languages en,fr,ru`` as a tuple of normalized codes, or None for all.

    >>> parse_languages("en, FR,sr-latn")
    ('en', 'fr', 'sr-Latn')
    """
    if not value:
        return None
    codes = [normalize(part) for part in value.split(",") if part.strip()]
    for code in codes:
        if not regex.fullmatch(r"[a-z]{2,3}(-[A-Z][a-z]{3})?", code):
            raise ValueError(f"'{code}' is not a language code like en, fr or sr-Latn")
    return tuple(dict.fromkeys(codes))
