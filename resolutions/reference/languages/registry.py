"""The languages the importers read, by code: every module of this package that registers a ``Language``.

Modules are found, not listed: adding a language is adding its module.
"""

from __future__ import annotations

import importlib
import pkgutil

from resolutions.reference import languages
from resolutions.reference.languages.base import Language

_LANGUAGES: dict[str, Language] = {}
_INFRASTRUCTURE = {"base", "registry", "official"}


def register(cls: type[Language]) -> type[Language]:
    """Class decorator: make one instance of ``cls`` the language of its code."""
    _LANGUAGES[cls.code] = cls()
    return cls


def language_for(code: str) -> Language:
    """The registered language of ISO 639-1 ``code`` ("en"); KeyError when none is."""
    _import_language_modules()
    return _LANGUAGES[code]


def language_for_bibliographic(code: str) -> Language | None:
    """The registered language of ISO 639-2 ``code`` ("fra", as Akoma Ntoso's FRBRlanguage gives it); None if none."""
    _import_language_modules()
    return next((language for language in _LANGUAGES.values() if language.bibliographic_code == code), None)


def language_named(value: str) -> Language | None:
    """The registered language a front matter or sidecar names: "fr", "FR", "fra" or "French"; None if none."""
    _import_language_modules()
    wanted = value.strip().lower()
    return next(
        (
            language
            for language in _LANGUAGES.values()
            if wanted in (language.code, language.bibliographic_code, language.name.lower())
        ),
        None,
    )


def body_line_language(text: str) -> Language | None:
    """The language whose line naming a body the archive holds stands alone in the text; English first."""
    _import_language_modules()
    for language in sorted(_LANGUAGES.values(), key=lambda language: language.code != "en"):
        if language.held_body_line_re.search(text):
            return language
    return None


def language_of_text(text: str) -> Language | None:
    """The language a resolution's text is printed in, from the line naming the adopting body ("The General
    Assembly,", "L’Assemblée générale,", "إن الجمعية العامة،", "大会，") or the adoption formula; None if none."""
    found = body_line_language(text)
    if found is not None:
        return found
    for language in sorted(_LANGUAGES.values(), key=lambda language: language.code != "en"):
        if any(language.cover_end_re.match(line) for line in text.splitlines()[:80]):
            return language
    return None


def registered_codes() -> list[str]:
    _import_language_modules()
    return sorted(_LANGUAGES)


def _import_language_modules() -> None:
    for module in pkgutil.iter_modules(languages.__path__):
        if module.name not in _INFRASTRUCTURE:
            importlib.import_module(f"{languages.__name__}.{module.name}")
