"""Language identification backends behind one small interface.

Each backend loads its model once per process, is deterministic (langdetect
is seeded), and ranks languages by probability, its codes already mapped to
the project's scheme (:mod:`corpus_tools.language.codes`).
"""

from __future__ import annotations

import functools
import threading

from corpus_tools.errors import CorpusToolsError, MissingExtraError
from corpus_tools.language.codes import UNDETERMINED, base, normalize

LANGDETECT_SEED = 0


class UnknownLanguageError(CorpusToolsError):
    pass


class Backend:
    """Ranks candidate languages for a text: ``[(code, probability), ...]``, best first."""

    name = "backend"

    def __init__(self, languages: tuple[str, ...] | None = None):
        self.languages = languages

    def rank(self, text: str) -> list[tuple[str, float]]:
        raise NotImplementedError

    def known(self) -> set[str]:
        """The language codes (bare, no script) this backend can name."""
        raise NotImplementedError

    def check_languages(self, settled_by_script: set[str]) -> None:
        if self.languages is None:
            return
        unknown = [code for code in self.languages
                   if base(code) not in self.known() and code not in settled_by_script]
        if unknown:
            raise UnknownLanguageError(
                f"--lang-backend {self.name} cannot identify {', '.join(unknown)}; "
                f"choose another backend (--lang-backend) or leave them out of --languages"
            )


def _restrict(ranked: list[tuple[str, float]], languages) -> list[tuple[str, float]]:
    """Keep the candidates and scale their probabilities to sum to 1."""
    if languages is None:
        return ranked
    allowed = {base(code) for code in languages}
    kept = [(code, p) for code, p in ranked if base(code) in allowed]
    total = sum(p for _, p in kept)
    return [(code, p / total) for code, p in kept] if total > 0 else []


# --- langdetect ---------------------------------------------------------------

_LANGDETECT_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def _langdetect_factory():
    from langdetect import DetectorFactory, detector_factory

    DetectorFactory.seed = LANGDETECT_SEED  # unseeded, it answers differently from run to run
    detector_factory.init_factory()  # the profiles, once per process
    return detector_factory._factory


class LangdetectBackend(Backend):
    """Google's language-detection port: 55 languages, no Armenian, Azerbaijani or Georgian."""

    name = "langdetect"

    def rank(self, text: str) -> list[tuple[str, float]]:
        from langdetect.lang_detect_exception import LangDetectException

        factory = _langdetect_factory()
        with _LANGDETECT_LOCK:  # the seed lives on shared state
            detector = factory.create()
            detector.append(text)
            try:
                found = detector.get_probabilities()
            except LangDetectException:
                return []
        return _restrict([(normalize(item.lang, text), item.prob) for item in found], self.languages)

    def known(self) -> set[str]:
        return {base(normalize(code)) for code in _langdetect_factory().get_lang_list()}


# --- py3langid ------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _langid_identifier(labels: tuple[str, ...] | None):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if labels is not None:
        identifier.set_languages(list(labels))
    return identifier


class Py3langidBackend(Backend):
    """py3langid (langid.py's model on numpy): 97 languages with ISO codes, and more."""

    name = "py3langid"

    def __init__(self, languages: tuple[str, ...] | None = None):
        super().__init__(languages)
        self._identifier = None  # loaded on first use: half a second, and ~100 MB

    def _load(self):
        labels = None
        if self.languages is not None:
            full = set(_langid_identifier(None).labels)
            labels = tuple(sorted({base(code) for code in self.languages} & full)) or None
        return _langid_identifier(labels)

    def rank(self, text: str) -> list[tuple[str, float]]:
        if self._identifier is None:
            self._identifier = self._load()
        ranked = self._identifier.rank(text)[:5]
        return _restrict([(normalize(code, text), p) for code, p in ranked], self.languages)

    def known(self) -> set[str]:
        return {base(normalize(code)) for code in _langid_identifier(None).labels}


# --- lingua (optional extra) ----------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _lingua_detector(codes: tuple[str, ...] | None):
    try:
        from lingua import IsoCode639_1, LanguageDetectorBuilder
    except ImportError:
        raise MissingExtraError("lingua", "lingua", "--lang-backend lingua") from None
    if codes is None:
        return LanguageDetectorBuilder.from_all_languages().build()
    return LanguageDetectorBuilder.from_iso_codes_639_1(
        *(getattr(IsoCode639_1, code.upper()) for code in codes)
    ).build()


def _lingua_codes() -> set[str]:
    try:
        from lingua import Language
    except ImportError:
        raise MissingExtraError("lingua", "lingua", "--lang-backend lingua") from None
    return {language.iso_code_639_1.name.lower() for language in Language.all()}


class LinguaBackend(Backend):
    """lingua, high-accuracy mode: 75 languages, slower, best on short text."""

    name = "lingua"

    def __init__(self, languages: tuple[str, ...] | None = None):
        super().__init__(languages)
        self._detector = None

    def _load(self):
        codes = None
        if self.languages is not None:
            codes = tuple(sorted({base(code) for code in self.languages} & _lingua_codes()))
            if len(codes) < 2:  # lingua needs two candidates at least
                codes = tuple(sorted({*codes, "en", "fr"}))
        return _lingua_detector(codes)

    def rank(self, text: str) -> list[tuple[str, float]]:
        if self._detector is None:
            self._detector = self._load()
        values = self._detector.compute_language_confidence_values(text)
        ranked = [(normalize(v.language.iso_code_639_1.name, text), v.value) for v in values[:5]
                  if v.value > 0]
        return _restrict(ranked, self.languages)

    def known(self) -> set[str]:
        return _lingua_codes()


BACKENDS = {backend.name: backend for backend in (Py3langidBackend, LangdetectBackend, LinguaBackend)}
DEFAULT_BACKEND = "py3langid"


def check_available(name: str) -> None:
    """Fail early, without loading a model, on an unknown backend or a missing extra."""
    import importlib.util

    if name not in BACKENDS:
        make_backend(name)
    if name == "lingua" and importlib.util.find_spec("lingua") is None:
        raise MissingExtraError("lingua", "lingua", "--lang-backend lingua")


def make_backend(name: str, languages: tuple[str, ...] | None = None) -> Backend:
    try:
        backend = BACKENDS[name]
    except KeyError:
        raise UnknownLanguageError(
            f"unknown language backend '{name}'; choose one of {', '.join(BACKENDS)}"
        ) from None
    return backend(languages)


__all__ = ["BACKENDS", "DEFAULT_BACKEND", "UNDETERMINED", "Backend", "make_backend"]
