import subprocess
import sys

import pytest

from corpus_tools.errors import CorpusToolsError
from corpus_tools.language.detector import LanguageDetector

SENTENCES = {
    "en": "The river flooded three villages after a week of heavy rain in the hills.",
    "fr": "La rivière a inondé trois villages après une semaine de fortes pluies.",
    "ru": "Река затопила три деревни после недели сильных дождей в горах.",
    "uk": "Річка затопила три села після тижня сильних дощів у горах.",
    "az": "Çay dağlarda bir həftəlik güclü yağışdan sonra üç kəndi su altında qoydu.",
    "tr": "Nehir, tepelerdeki bir haftalık şiddetli yağmurun ardından üç köyü su bastı.",
    "hy": "Գետը ողողեց երեք գյուղ լեռներում մեկ շաբաթ տևած հորդառատ անձրևներից հետո։",
    "ka": "მდინარემ მთებში ერთკვირიანი ძლიერი წვიმის შემდეგ სამი სოფელი დატბორა.",
}
LANGUAGES = tuple(SENTENCES)


@pytest.mark.parametrize(("lang", "text"), SENTENCES.items())
def test_default_backend_restricted(lang, text):
    found = LanguageDetector(languages=LANGUAGES).detect(text)
    assert (found.lang, found.reliable) == (lang, True)


@pytest.mark.parametrize(("text", "lang"), [("Երևան", "hy"), ("თბილისი", "ka"), ("Αθήνα", "el")])
def test_a_script_of_one_language_settles_it_without_a_model(text, lang):
    found = LanguageDetector().detect(text)
    assert (found.lang, found.score, found.reliable) == (lang, 1.0, True)


def test_script_shortcut_respects_the_candidates():
    assert LanguageDetector(languages=("en", "ru")).detect("Երևան").lang != "hy"


@pytest.mark.parametrize("text", ["", "12:30 — 45%", "   "])
def test_no_letters_is_undetermined(text):
    found = LanguageDetector().detect(text)
    assert (found.lang, found.reliable) == ("und", False)


def test_short_text_is_not_reliable_even_when_sure():
    assert LanguageDetector(languages=("en", "fr")).detect("Hello there").reliable is False


def test_langdetect_is_seeded_and_knows_its_limits():
    detector = LanguageDetector("langdetect")
    answers = {detector._detect("Hello world") for _ in range(20)}  # no cache: the model each time
    assert len(answers) == 1
    with pytest.raises(CorpusToolsError, match="langdetect cannot identify az"):
        LanguageDetector("langdetect", ("en", "az"))


def test_unknown_backend():
    with pytest.raises(CorpusToolsError, match="unknown language backend 'cld9'"):
        LanguageDetector("cld9")


SCRIPT = """
import sys
from corpus_tools.language.detector import LanguageDetector
texts = sys.stdin.read().split("\\n")
for backend in ("py3langid", "langdetect"):
    detector = LanguageDetector(backend)
    for text in texts:
        print(backend, detector.detect(text))
"""


def test_same_answers_in_separate_processes():
    texts = "\n".join([*SENTENCES.values(), "Hello world", "ok then", "Da ist er."])
    outputs = set()
    for hash_seed in ("1", "2"):
        result = subprocess.run([sys.executable, "-c", SCRIPT], input=texts, capture_output=True,
                                text=True, check=True, env={"PYTHONHASHSEED": hash_seed})
        outputs.add(result.stdout)
    assert len(outputs) == 1
    assert outputs.pop().count("Detection(") == 2 * 11
