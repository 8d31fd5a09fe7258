"""The phonetic keys of ``rules/phonetic-classes.tsv``: scheme spellings meet, different names don't."""

import pytest

from corpus_tools.errors import CorpusToolsError
from corpus_tools.rules.phonetic import PhoneticKeys

KEYS = PhoneticKeys.load()


def _meet(a: str, b: str) -> bool:
    return bool(KEYS.keys(a) & KEYS.keys(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zaychenko", "Zajchenko"),  # j/y
        ("Kuznetsov", "Kuznecov"),  # c/ts
        ("Kuznetsov", "Kuzneczov"),  # cz/ts
        ("Vasylenko", "Wasylenko"),  # w/v
        ("Hlukhiv", "Hluxiv"),  # x/kh
        ("Yerevan", "Erevan"),  # initial ye/e
        ("Yerevan", "Jerewan"),  # German j and w
        ("Abramchuk", "Abramtschuk"),  # German tsch
        ("Abramchuk", "Abramtchouk"),  # French tch and ou
        ("Hlukhiv", "Hluchiw"),  # German ch is kh
        ("Kalush", "Kalouch"),  # French ch is sh
        ("Matviyenko", "Matviienko"),  # doubled glides
        ("Lachin", "Latchine"),  # French closing -e
        ("Dančenko", "Danchenko"),  # ISO 9 č
        ("Əliyev", "Aliyev"),  # Azerbaijani schwa
        ("Kerimzade", "Kərimzadə"),  # the schwa folded to e
        ("Kivertsi", "Kiwerzi"),  # German z is ts
        ("Zolochiv", "Solotschiw"),  # German s is z
        ("Zhukovskiy", "Joukovskii"),  # French j is zh
        ("Aksenova", "Axenova"),  # x as ks
        ("Halych", "Galich"),  # Russian-style g for Ukrainian h
    ],
)
def test_scheme_spellings_of_one_name_meet(a, b):
    assert _meet(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ivanov", "Ivanova"),
        ("Kovalska", "Kovalskyi"),
        ("Petrosyan", "Petrosev"),
        ("Jermuk", "Shermuk"),
    ],
)
def test_different_names_do_not_meet(a, b):
    assert not _meet(a, b)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("class\tsh", "expected kind, spellings, class"),
        ("sound\tsh\tS", "kind one of letter"),
    ],
)
def test_a_bad_table_line_names_file_and_line(tmp_path, line, message):
    table = tmp_path / "classes.tsv"
    table.write_text(f"# a comment\n{line}\n", encoding="utf-8")
    with pytest.raises(CorpusToolsError, match=rf"classes.tsv:2: .*{message}"):
        PhoneticKeys.load(table)
