"""Build ``groups.tsv``: real romanizations of names, for ``benchmarks/bench_translit.py``.

Names come from Faker's locales (last names and cities of ru_RU, uk_UA, ka_GE,
hy_AM, az_AZ); each is romanized by the published schemes that libraries
implement (iuliia, translitua, transliterate, cyrtranslit, anyascii). The
spellings of one source name form one truth group; two source names that give
one spelling share a group. Feminine forms of Russian and Ukrainian surnames
(Ivanova beside Ivanov, Kovalska beside Kovalskyi) are groups of their own:
the look-alike names that must never be joined. Versions and licences:
``SOURCES.md``.  Run once; the output is committed so the benchmark needs none of
these packages:

    pip install faker iuliia transliterate cyrtranslit anyascii translitua
    python benchmarks/data/translit/build.py
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import cyrtranslit
import iuliia
import translitua
from anyascii import anyascii
from faker import Faker
from transliterate import translit

HERE = Path(__file__).resolve().parent

RUSSIAN = {"wikipedia": lambda s: iuliia.WIKIPEDIA.translate(s),
           "bgn-pcgn": lambda s: iuliia.BGN_PCGN.translate(s),
           "icao": lambda s: iuliia.ICAO_DOC_9303.translate(s),
           "gost-7034": lambda s: iuliia.GOST_7034.translate(s),
           "scientific": lambda s: iuliia.SCIENTIFIC.translate(s),
           "mvd-310-fr": lambda s: iuliia.MVD_310_FR.translate(s),
           "transliterate": lambda s: translit(s, "ru", reversed=True),
           "cyrtranslit": lambda s: cyrtranslit.to_latin(s, "ru"),
           "anyascii": anyascii}
UKRAINIAN = {"kmu-2010": lambda s: translitua.translit(s, translitua.UkrainianKMU),
             "bgn": lambda s: translitua.translit(s, translitua.UkrainianBGN),
             "british": lambda s: translitua.translit(s, translitua.UkrainianBritish),
             "german": lambda s: translitua.translit(s, translitua.UkrainianGerman),
             "french": lambda s: translitua.translit(s, translitua.UkrainianFrench),
             "transliterate": lambda s: translit(s, "uk", reversed=True),
             "cyrtranslit": lambda s: cyrtranslit.to_latin(s, "ua"),
             "anyascii": anyascii}
GEORGIAN = {"anyascii": anyascii, "transliterate": lambda s: translit(s, "ka", reversed=True)}
# transliterate 1.10.2's Armenian writes ո as "vo" inside words ("Svoghvomvonjan"): left out.
ARMENIAN = {"anyascii": anyascii}
AZERBAIJANI = {"latin": lambda s: s, "anyascii": anyascii}

LOCALES = {"ru_RU": ("ru", RUSSIAN), "uk_UA": ("uk", UKRAINIAN), "ka_GE": ("ka", GEORGIAN),
           "hy_AM": ("hy", ARMENIAN), "az_AZ": ("az", AZERBAIJANI)}
FEMININE = {"ru": (("ов", "ова"), ("ев", "ева"), ("ин", "ина"), ("ский", "ская")),
            "uk": (("ський", "ська"), ("цький", "цька"), ("ов", "ова"), ("ев", "ева"))}


def names(locale: str) -> list[tuple[str, str]]:
    faker = Faker(locale)
    person = faker.provider("faker.providers.person")
    address = faker.provider("faker.providers.address")
    last = list(person.last_names)  # a tuple, a list, or a dict of name -> weight
    cities = list(getattr(address, "cities", None) or getattr(address, "city_names", ()))
    seen, out = set(), []
    for kind, items in (("surname", last), ("city", cities)):
        for name in items:
            name = unicodedata.normalize("NFC", name.strip())
            if name and " " not in name and name not in seen:
                seen.add(name)
                out.append((kind, name))
    return out


def spellings(name: str, schemes: dict) -> list[tuple[str, str]]:
    out, seen = [], set()
    for scheme, romanize in schemes.items():
        form = romanize(name).strip()
        if not form or not form[0].isalpha() or form in seen:
            continue
        seen.add(form)
        out.append((scheme, form[0].upper() + form[1:]))
    return out


def main() -> None:
    rows = []  # (source name, lang, kind, scheme, spelling, masculine source or "")
    for locale, (lang, schemes) in LOCALES.items():
        for kind, name in names(locale):
            for scheme, form in spellings(name, schemes):
                rows.append((name, lang, kind, scheme, form, ""))
            for masculine, feminine in FEMININE.get(lang, ()):
                if kind == "surname" and name.endswith(masculine):
                    woman = name[:len(name) - len(masculine)] + feminine
                    for scheme, form in spellings(woman, schemes):
                        rows.append((woman, lang, "feminine", scheme, form, name))
                    break
    # Truth groups: one per source name, joined where two names give one spelling.
    parent: dict[str, str] = {}

    def find(item: str) -> str:
        parent.setdefault(item, item)
        while parent[item] != item:
            item = parent[item] = parent[parent[item]]
        return item

    first_source: dict[str, str] = {}
    for source, *_rest in rows:
        find(source)
    for source, _lang, _kind, _scheme, form, _of in rows:
        other = first_source.setdefault(form, source)
        if find(other) != find(source):
            parent[find(source)] = find(other)
    ids: dict[str, int] = {}
    lines = ["group\tsource\tlang\tkind\tscheme\tspelling\tfeminine_of"]
    written = set()
    for source, lang, kind, scheme, form, of in rows:
        group = ids.setdefault(find(source), len(ids) + 1)
        if (group, form) in written:
            continue
        written.add((group, form))
        lines.append(f"{group}\t{source}\t{lang}\t{kind}\t{scheme}\t{form}\t{of}")
    (HERE / "groups.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(ids)} groups, {len(lines) - 1} spellings")


if __name__ == "__main__":
    main()
