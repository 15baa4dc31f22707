"""The six languages as the pages use them: a text's language code, the interface's, the addresses of both.

Texts are stored under ISO 639-1 codes (``zh`` for Chinese); Django's interface languages name Chinese
``zh-hans`` (simplified characters, as the UN writes it), and HTML says ``zh-Hans``. An address in another
language is the English address with that language's prefix (``/fr/A/RES/70/126/op5/``): the prefix chooses
both the interface's words and the text shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

# The text languages, in the UN's order (alphabetical in English), each named in itself.
TEXT_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
NATIVE_NAMES = {"ar": "العربية", "zh": "中文", "en": "English", "fr": "Français", "ru": "Русский", "es": "Español"}
RIGHT_TO_LEFT = {"ar"}
ENGLISH = "en"
_INTERFACE_OF_TEXT = {"zh": "zh-hans"}
_TEXT_OF_INTERFACE = {interface: text for text, interface in _INTERFACE_OF_TEXT.items()}
_HTML_LANG = {"zh": "zh-Hans"}


def interface_code(text_code: str) -> str:
    """'zh' -> 'zh-hans': the interface language (and address prefix) of a text language."""
    return _INTERFACE_OF_TEXT.get(text_code, text_code)


def text_code(interface: str) -> str:
    """'zh-hans' -> 'zh': the text language of an interface language."""
    return _TEXT_OF_INTERFACE.get(interface, interface)


def current_text_language() -> str:
    """The text language of the request's interface language (English outside a request)."""
    code = text_code(translation.get_language() or settings.LANGUAGE_CODE)
    return code if code in NATIVE_NAMES else ENGLISH


def html_lang(code: str) -> str:
    """The ``lang`` attribute of a text in ``code``: 'zh-Hans', 'fr'."""
    return _HTML_LANG.get(code, code)


def direction(code: str) -> str:
    return "rtl" if code in RIGHT_TO_LEFT else "ltr"


@dataclass(frozen=True)
class TextLanguage:
    """What a page needs to mark a text's language: ``lang``, ``dir`` and its name in itself."""

    code: str

    @property
    def lang(self) -> str:
        return html_lang(self.code)

    @property
    def dir(self) -> str:
        return direction(self.code)

    @property
    def name(self) -> str:
        return NATIVE_NAMES[self.code]


@dataclass(frozen=True)
class ShownTitle:
    """A resolution's title as a page shows it: in the page's text language where the archive holds it, else in
    the language of the resolution's record (English), which the page marks with its own ``lang``."""

    text: str
    language: TextLanguage


def _prefixes() -> set[str]:
    return {code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE}


def unprefixed(path: str) -> str:
    """'/fr/A/RES/70/126/' -> '/A/RES/70/126/' (a path without its language prefix)."""
    first, _, rest = path.lstrip("/").partition("/")
    return "/" + rest if first in _prefixes() else path


def path_in_language(path: str, interface: str) -> str:
    """The same page in interface language ``interface``: '/A/RES/70/126/' -> '/fr/A/RES/70/126/'."""
    bare = unprefixed(path)
    return bare if interface == settings.LANGUAGE_CODE else f"/{interface}{bare}"


def text_path(path: str, code: str) -> str:
    """The same page with its text (and interface) in text language ``code``."""
    return path_in_language(path, interface_code(code))
