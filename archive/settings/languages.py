"""The interface's languages: the six official languages of the UN, English at unprefixed addresses.

Every page is served at its address as before (English) and under a language prefix (``/fr/``,
``/ar/``, ``/zh-hans/``…): the prefix alone chooses the language of the site's own words, so a page's
language is part of its address (cacheable, linkable, never guessed from a header). Translations live in
``locale/<code>/LC_MESSAGES/django.po``; ``make install`` compiles them (``make messages``).
"""

from archive.environment import PROJECT_DIR

USE_I18N = True
LANGUAGE_CODE = "en"
# In the UN's order; each language named in itself, as a reader choosing one looks for it.
LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
