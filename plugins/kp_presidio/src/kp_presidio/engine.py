"""Presidio's AnalyzerEngine as kp runs it: pattern recognizers always, a spaCy NER where one is installed.

No spaCy model can be fetched by kp (and none is on PyPI), so without one the engine runs on
Presidio's :class:`NoOpNlpEngine`, its supported way to run self-contained recognizers only: the
regex and checksum recognizers (email, phone, URL, IBAN, credit card, IP, crypto, dates and the
national ones) work; PERSON and LOCATION, which come from the NER, do not, and context words in
the text cannot raise a score. With a spaCy pipeline installed (``en_core_web_lg`` as Presidio's
default and the harness's PresidioAdapter use), the engine is Presidio's default one on it.

Recognizer sets (``language``):

- ``en``: Presidio's default recognizers for English, as ``AnalyzerEngine()`` loads them (the
  harness's PresidioAdapter runs exactly these on every slice).
- ``all``: every self-contained recognizer Presidio ships (``predefined_recognizers.generic``
  and ``.country_specific``, those its default configuration leaves disabled included), each
  run on every text whatever its language: the European identifiers (IT_FISCAL_CODE, ES_NIF,
  PL_PESEL, FI_PERSONAL_IDENTITY_CODE, UK_NINO, IT_VAT_CODE, ...) need this, as Presidio files
  each under its own language and disables most of them by default.
- another code (``it``, ``es``, ``pl``, ...): Presidio's default recognizers for that language
  (those its configuration files under it, and the language-neutral ones).
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import attrs

from kp_core.errors import KpError

ALL = "all"
ENGLISH = "en"
# Presidio's default NER pipeline first (the one the harness's PresidioAdapter uses), then smaller ones.
SPACY_MODELS = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm")
AUTO = "auto"
NONE = "none"
_SELF_CONTAINED = (
    "presidio_analyzer.predefined_recognizers.generic.",
    "presidio_analyzer.predefined_recognizers.country_specific.",
)


class EngineError(KpError, ValueError):
    """A spaCy model that is not installed, or a language that is no language code."""


def language_value(value: str) -> str:
    """``all`` or a language code (two or three letters), lower-cased."""
    code = value.strip().lower()
    if code != ALL and not re.fullmatch(r"[a-z]{2,3}", code):
        raise EngineError(f"presidio: language must be all or a language code such as en, it, pl; not {value!r}")
    return code


@attrs.frozen
class EngineSetup:
    """What to build: the recognizer set and the spaCy pipeline (None: patterns only)."""

    language: str
    spacy_model: str | None

    @property
    def run_language(self) -> str:
        """The language code every text is analyzed under (``all`` runs its recognizers as English)."""
        return ENGLISH if self.language == ALL else self.language


def pick_spacy_model(requested: str) -> str | None:
    """The spaCy pipeline to run: ``auto`` the first of :data:`SPACY_MODELS` installed (None if
    none is), ``none`` None, else the named package or folder, which must be installed: kp never
    downloads one (Presidio would try to)."""
    import spacy.util

    if requested == NONE:
        return None
    if requested == AUTO:
        return next((name for name in SPACY_MODELS if spacy.util.is_package(name)), None)
    if spacy.util.is_package(requested) or Path(requested).expanduser().is_dir():
        return str(Path(requested).expanduser()) if Path(requested).expanduser().is_dir() else requested
    raise EngineError(
        f"spaCy model {requested!r} is neither an installed package nor a pipeline folder; kp does not "
        f"download models (use spacy_model=auto or none)"
    )


def spacy_model_version(model: str) -> str:
    """``name version`` of a spaCy pipeline, for the detector's model_id."""
    import spacy.util

    try:
        meta = spacy.util.get_package_meta(model) if spacy.util.is_package(model) else spacy.util.get_model_meta(model)
    except Exception:  # an odd folder: its name says enough
        return Path(model).name
    return f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}".strip()


def _nlp_engine(setup: EngineSetup) -> Any:
    if setup.spacy_model is None:
        from presidio_analyzer.nlp_engine import NoOpNlpEngine

        engine = NoOpNlpEngine(models=[{"lang_code": setup.run_language, "model_name": NONE}])
        engine.load()
        return engine
    import yaml
    from presidio_analyzer import nlp_engine as nlp_module
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    # Presidio's default NLP configuration (entity mapping, labels ignored), on the pipeline found.
    default = Path(inspect.getfile(nlp_module)).parents[1] / "conf" / "default.yaml"
    config = yaml.safe_load(default.read_text(encoding="utf-8"))
    config["models"] = [{"lang_code": setup.run_language, "model_name": setup.spacy_model}]
    return NlpEngineProvider(nlp_configuration=config).create_engine()


def self_contained_recognizers(language: str) -> list[Any]:
    """One instance of every pattern/checksum recognizer Presidio ships, each set to ``language``."""
    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer import predefined_recognizers as predefined

    out = []
    for name in sorted(dir(predefined)):
        cls = getattr(predefined, name)
        if inspect.isclass(cls) and issubclass(cls, EntityRecognizer) and cls.__module__.startswith(_SELF_CONTAINED):
            out.append(cls(supported_language=language))
    return out


def _registry(setup: EngineSetup, nlp_engine: Any) -> Any:
    from presidio_analyzer import RecognizerRegistry
    from presidio_analyzer.recognizer_registry import RecognizerRegistryProvider

    languages = [setup.run_language]
    if setup.language == ALL:
        registry = RecognizerRegistry(supported_languages=languages)
        for recognizer in self_contained_recognizers(setup.run_language):
            registry.add_recognizer(recognizer)
    else:  # what AnalyzerEngine() builds for its languages
        registry = RecognizerRegistryProvider(registry_configuration={"supported_languages": languages})
        registry = registry.create_recognizer_registry()
    registry.add_nlp_recognizer(nlp_engine=nlp_engine)  # none for the no-op engine
    return registry


def build_engine(setup: EngineSetup) -> Any:
    """Presidio's AnalyzerEngine for ``setup``, offline."""
    from presidio_analyzer import AnalyzerEngine

    from kp_presidio.logs import presidio_quiet
    from kp_presidio.offline import use_bundled_suffix_list

    use_bundled_suffix_list()
    with presidio_quiet():
        nlp_engine = _nlp_engine(setup)
        registry = _registry(setup, nlp_engine)
        return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[setup.run_language])
