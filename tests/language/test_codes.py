import pytest

from corpus_tools.language.codes import base, normalize, parse_languages


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", None, "en"),
        ("EN", None, "en"),
        ("English", None, "en"),  # lingua names languages
        ("Armenian", None, "hy"),
        ("zh-cn", None, "zh-Hans"),  # langdetect
        ("zh-tw", None, "zh-Hant"),
        ("zxx", None, "und"),  # py3langid: no linguistic content
        ("srl", None, "sr-Latn"),
        ("sr", "Београд је главни град", "sr-Cyrl"),
        ("sr", "Beograd je glavni grad", "sr-Latn"),
        ("az", "Bakı şəhəri", "az"),  # Azerbaijani is Latin unless said otherwise
        ("az", "Бакы шәһәри", "az-Cyrl"),
        ("uz", "Toshkent shahri", "uz"),
        ("sr-latn", None, "sr-Latn"),
        ("ary", None, "ary"),  # no ISO 639-1 code: ISO 639-3 stays
        ("kik", None, "ki"),
    ],
)
def test_normalize(code, text, expected):
    assert normalize(code, text) == expected


def test_base_drops_the_script():
    assert (base("sr-Latn"), base("en")) == ("sr", "en")


def test_parse_languages():
    assert parse_languages("en,fr, ru,en") == ("en", "fr", "ru")
    assert parse_languages(None) is None
    with pytest.raises(ValueError, match="'english1' is not a language code"):
        parse_languages("english1")
