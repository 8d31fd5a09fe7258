"""Build the real-text benchmark: what translators wrote in the catalogs packages ship.

Takes the compiled gettext catalogs (``LC_MESSAGES/*.mo``: what the packages'
users see; fuzzy and untranslated entries are not in them) from pinned wheels
on PyPI, and, through Babel, CLDR's names of languages, regions, scripts,
currencies, months and days.  None of it was written by this project.  The
catalogs of Django, Sphinx and Debian's packages are kept aside (they check the
result elsewhere) and are not used.

    python benchmarks/build_realtext.py            # download what is missing, then build
    python benchmarks/build_realtext.py --offline  # only from the wheels already downloaded

Wheels are kept in ``benchmarks/realtext-out/wheels`` (git-ignored) and checked
against the SHA-256 sums in ``benchmarks/data/realtext/MANIFEST.tsv`` when that
file lists them (``--update-manifest`` rewrites it, with ``SOURCES.md``).  The
text goes to ``benchmarks/realtext-out/text/``:

- ``<lang>.txt``: one line per line of a message (a message of three lines
  gives three consecutive lines); messages in catalog order, each text once per
  language;
- ``<lang>.where.tsv``: for each of those lines, its source (package, catalog,
  message number) and the line's place in its message;
- ``<lang>.jsonl``: one record per message, ``{"lang", "text", "source"}``,
  for ``--unit record``.

Deterministic: the same wheels give the same bytes.
"""

from __future__ import annotations

import argparse
import gettext
import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from email.parser import HeaderParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "realtext"
OUT = HERE / "realtext-out"
MANIFEST = DATA / "MANIFEST.tsv"
SOURCES = DATA / "SOURCES.md"

# The packs with translations in the benchmark's languages (hu-hu and hy-am ship
# none yet in 4.5.post3).
JUPYTERLAB_PACKS = (
    "ar-sa", "ca-es", "cs-cz", "de-de", "el-gr", "es-es", "fr-fr", "he-il", "it-it", "ja-jp",
    "ko-kr", "nl-nl", "pl-pl", "pt-br", "ru-ru", "tr-tr", "uk-ua", "vi-vn", "zh-cn", "zh-tw",
)
# (name, version): pinned, so a rebuild gives the same text.
PACKAGES = (
    *((f"jupyterlab-language-pack-{pack}", "4.5.post3") for pack in JUPYTERLAB_PACKS),
    ("wagtail", "8.0.1"),
    ("django-allauth", "65.21.1"),
    ("ckan", "2.12.0"),
)
BABEL = ("babel", "2.18.0")

# The benchmark's languages (the project's codes: ISO 639-1, a script subtag
# where the language is written in two).
LANGUAGES = (
    "ar", "be", "bg", "ca", "cs", "de", "el", "es", "fa", "fr", "gl", "gu", "he", "hi", "hu",
    "hy", "it", "ja", "ka", "km", "ko", "mk", "my", "nl", "pl", "pt", "ru", "sq", "sr",
    "sr-Latn", "th", "tr", "uk", "uz", "vi", "zh-Hans", "zh-Hant",
)
# Catalog locales whose code is not the language's plain code.
LOCALE_LANGUAGE = {
    "zh_cn": "zh-Hans", "zh_hans": "zh-Hans", "zh_hans_cn": "zh-Hans", "zh": "zh-Hans",
    "zh_tw": "zh-Hant", "zh_hant": "zh-Hant", "zh_hant_tw": "zh-Hant",
    "sr_latn": "sr-Latn",
}
# Babel's locale for each language (CLDR's own code).
CLDR_LOCALE = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant", "sr-Latn": "sr_Latn"}
CATALOG = re.compile(r"(?:^|/)(?:locale|i18n)/([^/]+)/LC_MESSAGES/([^/]+)\.mo$")
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def language_of(locale: str) -> str | None:
    lowered = locale.lower().replace("-", "_")
    language = LOCALE_LANGUAGE.get(lowered, lowered.split("_")[0])
    return language if language in LANGUAGES else None


def wheel_path(folder: Path, name: str, version: str) -> Path | None:
    stem = re.sub(r"[-_.]+", "_", name).lower()
    for path in sorted(folder.glob("*.whl")):
        wheel_name, wheel_version = path.name.split("-")[:2]
        if wheel_name.lower() == stem and wheel_version == version:
            return path
    return None


def fetch(folder: Path, offline: bool) -> dict[tuple[str, str], Path]:
    folder.mkdir(parents=True, exist_ok=True)
    wanted = (*PACKAGES, BABEL)
    missing = [f"{name}=={version}" for name, version in wanted
               if wheel_path(folder, name, version) is None]
    if missing and offline:
        raise SystemExit(f"missing wheels (run without --offline): {', '.join(missing)}")
    if missing:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary",
                        ":all:", "-q", "-d", str(folder), *missing], check=True)
    found = {}
    for name, version in wanted:
        path = wheel_path(folder, name, version)
        if path is None:
            raise SystemExit(f"pip did not bring {name}=={version}")
        found[name, version] = path
    return found


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest() -> dict[str, str]:
    if not MANIFEST.exists():
        return {}
    rows = MANIFEST.read_text(encoding="utf-8").splitlines()[1:]
    return {row.split("\t")[0]: row.split("\t")[2] for row in rows if row}


def license_of(archive: zipfile.ZipFile) -> str:
    metadata_name = next(name for name in archive.namelist()
                         if name.endswith(".dist-info/METADATA"))
    headers = HeaderParser().parsestr(archive.read(metadata_name).decode("utf-8"))
    expression = headers.get("License-Expression")
    if expression:
        return expression
    classifiers = [value.rsplit(" :: ", 1)[-1] for value in headers.get_all("Classifier") or []
                   if value.startswith("License ::")]
    declared = (headers.get("License") or "").strip().splitlines()
    return "; ".join(dict.fromkeys([*classifiers, *declared[:1]])) or "not stated"


def messages_of(blob: bytes) -> list[str]:
    """The translations in a compiled catalog, in msgid order (plural forms each once)."""
    catalog = gettext.GNUTranslations(io.BytesIO(blob))._catalog  # the parsed entries
    found = []
    for key in sorted(catalog, key=lambda key: (key, 0) if isinstance(key, str) else key):
        msgid = key if isinstance(key, str) else key[0]
        if msgid == "":  # the header entry
            continue
        text = catalog[key]
        if text.strip():
            found.append(text)
    return list(dict.fromkeys(found))


def catalog_messages(name: str, version: str, path: Path):
    """(language, source label, text) for every message in the wheel's catalogs."""
    with zipfile.ZipFile(path) as archive:
        for member in sorted(archive.namelist()):
            matched = CATALOG.search(member)
            if not matched or "example" in member:
                continue
            language = language_of(matched.group(1))
            if language is None:
                continue
            for number, text in enumerate(messages_of(archive.read(member)), 1):
                yield language, f"{name}=={version}:{member}#{number}", text


def cldr_messages(babel_wheel: Path):
    """(language, source label, text) for CLDR's names, as Babel ships them."""
    unpacked = babel_wheel.parent.parent / babel_wheel.stem  # Babel reads its data as files
    if not (unpacked / "babel").is_dir():
        with zipfile.ZipFile(babel_wheel) as archive:
            archive.extractall(unpacked)
    sys.path.insert(0, str(unpacked))
    from babel import Locale

    for language in LANGUAGES:
        locale = Locale.parse(CLDR_LOCALE.get(language, language))
        names: dict[str, None] = {}
        for table in (locale.languages, locale.territories, locale.scripts, locale.currencies):
            names.update(dict.fromkeys(sorted(text for text in table.values()
                                              if isinstance(text, str))))
        for table in (locale.months["format"]["wide"], locale.days["format"]["wide"]):
            names.update(dict.fromkeys(table.values()))
        for number, text in enumerate(names, 1):
            yield language, f"{BABEL[0]}=={BABEL[1]}:CLDR/{locale}#{number}", text


def write_text(out: Path, gathered: dict[str, list[tuple[str, str]]]) -> dict[str, tuple[int, int]]:
    out.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for language in LANGUAGES:
        seen: set[str] = set()
        lines, where, records = [], [], []
        for source, text in gathered.get(language, []):
            pieces = LINE_BREAK.split(text.rstrip("\r\n"))
            if text in seen or not any(piece.strip() for piece in pieces):
                continue
            seen.add(text)
            for index, piece in enumerate(pieces, 1):
                lines.append(piece)
                where.append(f"{source}\t{index}/{len(pieces)}")
            records.append(json.dumps({"lang": language, "text": text.rstrip("\r\n"),
                                       "source": source}, ensure_ascii=False))
        (out / f"{language}.txt").write_text("".join(f"{line}\n" for line in lines),
                                             encoding="utf-8", newline="\n")
        (out / f"{language}.where.tsv").write_text("".join(f"{row}\n" for row in where),
                                                   encoding="utf-8", newline="\n")
        (out / f"{language}.jsonl").write_text("".join(f"{row}\n" for row in records),
                                               encoding="utf-8", newline="\n")
        sizes[language] = (len(records), len(lines))
    return sizes


def write_manifest(rows: list[tuple[str, str, str, str, int]]) -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    header = "package\tversion\tsha256\tlicense\tmessages\n"
    MANIFEST.write_text(header + "".join("\t".join(map(str, row)) + "\n" for row in rows),
                        encoding="utf-8")


def write_sources(rows, sizes: dict[str, tuple[int, int]]) -> None:
    table = "".join(f"| {name} | {version} | {license_name} | {messages:,} |\n"
                    for name, version, _, license_name, messages in rows)
    languages = "".join(f"| {language} | {messages:,} | {lines:,} |\n"
                        for language, (messages, lines) in sizes.items())
    SOURCES.write_text(f"""# Sources of the real-text benchmark

Written by `benchmarks/build_realtext.py` (do not edit by hand). Every text is
a translation that its package ships (the compiled `LC_MESSAGES/*.mo`
catalogs: fuzzy and untranslated entries are not in them), or a CLDR name as
Babel ships it (CLDR data (C) Unicode, Inc., Unicode License v3). The text is
not committed: the builder takes it from the pinned wheels (SHA-256 sums in
`MANIFEST.tsv`). Copyright stays with each package's translators, under the
package's license. The catalogs of Django, Sphinx and Debian's packages are
kept aside and not used.

| package | version | license (its metadata) | messages taken |
|---|---|---|---|
{table}
Messages (each text once per language) and lines, per language:

| language | messages | lines |
|---|---|---|
{languages}""", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--offline", action="store_true", help="use only downloaded wheels")
    parser.add_argument("--update-manifest", action="store_true",
                        help="rewrite MANIFEST.tsv and SOURCES.md from these wheels")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    wheels = fetch(args.out / "wheels", args.offline)
    known_sums = read_manifest()
    gathered: dict[str, list[tuple[str, str]]] = {}
    rows = []
    for (name, version), path in wheels.items():
        digest = sha256(path)
        if not args.update_manifest and known_sums.get(name, digest) != digest:
            raise SystemExit(f"{path.name}: SHA-256 differs from MANIFEST.tsv")
        messages = (cldr_messages(path) if (name, version) == BABEL
                    else catalog_messages(name, version, path))
        count = 0
        for language, source, text in messages:
            gathered.setdefault(language, []).append((source, text))
            count += 1
        with zipfile.ZipFile(path) as archive:
            rows.append((name, version, digest, license_of(archive), count))
    sizes = write_text(args.out / "text", gathered)
    if args.update_manifest:
        write_manifest(rows)
        write_sources(rows, sizes)
    total_messages = sum(messages for messages, _ in sizes.values())
    total_lines = sum(lines for _, lines in sizes.values())
    print(f"{len(sizes)} languages, {total_messages:,} messages, {total_lines:,} lines "
          f"in {args.out / 'text'}")


if __name__ == "__main__":
    main()
