"""The archive's records, a module per kind.

Body and Resolution (the work: symbol, body, session, adoption); Expression (its text in one language: title and
source) with Paragraph, Footnote and FootnoteReference (the text, each row in one language, keys aligned across
languages; ``objects`` reads English, ``all_languages`` every language: ``resolutions.models.languages``);
Citation (what the text cites); MemberState, Vote (recorded votes) and Sponsor; Goal and Subject (SDGs and
thesaurus subjects, linked by ResolutionGoal and ResolutionSubject); ResolutionSource and ParagraphVersion
(where texts came from, and every text an import replaced); SeriesStep, ParagraphLink, ParagraphSignature
and WordingBand (agreed language: series, paragraph lineage, near-repeat signatures and their bands, derived);
IndexBacklog (what the search index may not hold yet). Reads live on the QuerySets; multi-model writes live in
``resolutions.store`` (one transaction per resolution).
"""

from resolutions.models.body import Body
from resolutions.models.citation import Citation
from resolutions.models.classification import Goal, ResolutionGoal, ResolutionSubject, Subject
from resolutions.models.expression import Expression
from resolutions.models.lineage import ParagraphLink, ParagraphSignature, SeriesStep, WordingBand
from resolutions.models.member_state import MemberState
from resolutions.models.provenance import ParagraphVersion, ResolutionSource
from resolutions.models.resolution import Resolution
from resolutions.models.search_index import IndexBacklog
from resolutions.models.sponsor import Sponsor
from resolutions.models.text import Footnote, FootnoteReference, Paragraph
from resolutions.models.vote import Vote

__all__ = [
    "Body",
    "Citation",
    "Expression",
    "Footnote",
    "FootnoteReference",
    "Goal",
    "IndexBacklog",
    "MemberState",
    "Paragraph",
    "ParagraphLink",
    "ParagraphSignature",
    "ParagraphVersion",
    "Resolution",
    "ResolutionGoal",
    "ResolutionSource",
    "ResolutionSubject",
    "SeriesStep",
    "Sponsor",
    "Subject",
    "Vote",
    "WordingBand",
]
