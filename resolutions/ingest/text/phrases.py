"""Opening phrases: the words a paragraph opens with ('Recalling also', 'Calls upon'), from the language's word lists."""

from __future__ import annotations

import re

from resolutions.reference.languages.base import Language
from resolutions.reference.languages.registry import language_for

ENGLISH = language_for("en")


def opening_phrase(text: str, numbered: bool = False, language: Language = ENGLISH) -> str:
    """'Recalling also Economic…' -> 'Recalling also'; 'Calls upon Member States' -> 'Calls upon'.

    ``numbered`` paragraphs may open with a verb's base form, as declarations
    do ("Reaffirm the 2030 Agenda", "Take note with appreciation of"). A language that lists its phrases
    (French, Spanish, Russian, Arabic, Chinese) gives the known phrase the text opens with.
    """
    if language.phrase_re is not None:
        return language.known_phrase(text)
    words = re.findall(r"[A-Za-z’'-]+|[^\sA-Za-z]", text[:160])
    if not words:
        return ""
    taken: list[str] = []
    index = 0
    while index < 2 and len(words) > index + 1 and words[index].lower() in language.phrase_adverbs:
        if words[index].lower() == "once" and words[index + 1].lower() == "again":
            taken.append(" ".join(words[index : index + 2]))
            index += 2
        else:
            taken.append(words[index])
            index += 1
    if index >= len(words):
        return ""
    verb = words[index]
    lower = verb.lower()
    if not verb[:1].isalpha() or (not taken and not verb[0].isupper()):
        return ""
    is_verb = lower in language.phrase_adjectives or (
        (lower.endswith(("ing", "ed", "es")) or (lower.endswith("s") and not lower.endswith("ss")))
        and lower not in language.phrase_not_verbs
    )
    if numbered and verb.isalpha() and lower not in language.not_base_verbs:
        is_verb = True
    if not is_verb or len(lower) < 4:
        return ""
    taken.append(verb)
    index += 1
    rest = " ".join(words[index : index + 10])
    for _ in range(3):  # "Also reiterates" + "its call upon"; "Looking forward" + "with interest"
        extra = _phrase_continuation(lower, rest, len(taken) == 1 or taken[-1].lower() == lower, language)
        if not extra:
            break
        taken.append(extra)
        rest = rest[len(extra) :].lstrip()
    phrase = " ".join(taken)
    phrase = re.sub(r"\s+", " ", phrase)
    return phrase if text.startswith(phrase) else _phrase_from_text(text, phrase)


def _phrase_continuation(verb: str, rest: str, first: bool, language: Language) -> str:
    """What follows the opening verb as part of its phrase ("upon", "with appreciation", "its call for")."""
    for verbs, pattern in language.phrase_continuations:
        if (verbs == "first" and not first) or (isinstance(verbs, set) and (verb not in verbs or not first)):
            continue
        match = re.match(pattern, rest)
        if match:
            return match.group(0).strip()
    further = re.match(r"further\b(?= (?:that|[A-Z]))", rest) if verb.endswith("s") else re.match(r"further\b", rest)
    return further.group(0) if further else ""


def _phrase_from_text(text: str, phrase: str) -> str:
    """The phrase as printed (the word split may have lost a hyphen or apostrophe spacing)."""
    pattern = r"\s+".join(re.escape(word) for word in phrase.split())
    match = re.match(pattern, text)
    return match.group(0) if match else ""


def is_operative_phrase(phrase: str, language: Language = ENGLISH) -> bool:
    """'Adopts', 'Calls upon', 'Also decides' read as operative; 'Recalling', 'Mindful' do not."""
    if language.phrase_re is not None:
        return language.is_operative(phrase)
    words = phrase.split()
    if not words:
        return False
    verb = words[1] if words[0].lower() in language.phrase_adverbs and len(words) > 1 else words[0]
    verb = verb.lower()
    return verb.endswith("s") and not verb.endswith(("ss", "ous"))
