"""Find references to other UN documents in resolution text (pure: no ORM).

Placeholder until the citation finder lands: finds nothing.
"""

from __future__ import annotations

from resolutions.ingest.document import ParsedCitation, ParsedResolution


def citations_for(resolution: ParsedResolution) -> list[ParsedCitation]:
    return []
