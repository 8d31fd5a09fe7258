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


@pytest.mark.parametrize(
    ("code", "hint"),
    [("ge", "ka"), ("gr", "el"), ("jp", "ja"), ("cz", "cs"), ("geo", "ka"), ("eng", "en")],
)
def test_a_country_or_bibliographic_code_suggests_the_language_code(code, hint):
    with pytest.raises(ValueError, match=f"'{code}' is not a language code we know; "
                                         f"did you mean '{hint}'"):
        parse_languages(code)


def test_a_rule_file_with_a_country_code_names_the_language_code(tmp_path):
    from corpus_tools.rules.loader import RuleFileError, load_rules

    path = tmp_path / "georgia.toml"
    path.write_text('[[name]]\ncanonical = "Tbilisi"\nvariants = ["Tiflis"]\nlang = ["ge"]\n',
                    encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rules([path], use_defaults=False)
    assert "did you mean 'ka'?" in caught.value.problems[0]
