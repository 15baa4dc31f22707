"""The JSON of the archive's records: a resolution (as a list row and whole), a paragraph, a footnote, a citation,
a recorded vote, a Member State with its votes and sponsorships.

The API's views and the permalinks' ``application/json`` answers both use these, so a paragraph reads
the same wherever it is asked for. Addresses are absolute (the request's host) and built from symbols
and keys, never database ids.
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from resolutions.models import Citation, Footnote, MemberState, Paragraph, Resolution, Sponsor, Vote
from resolutions.reference import permalinks
from resolutions.reference.languages.official import OFFICIAL_LANGUAGES


def absolute(context: dict, path: str) -> str:
    """``path`` on the requesting host (as it stands when there is no request)."""
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


def api_path(symbol: str, tail: str = "") -> str:
    """'/api/v1/resolutions/A/RES/70/126/' + tail."""
    return f"/api/v1/resolutions/{permalinks.symbol_to_path_segment(symbol)}/{tail}"


class VoteSerializer(serializers.ModelSerializer):
    """One Member State's recorded vote: the state by name and ISO 3166-1 alpha-3 code (its page's address)."""

    member_state = serializers.CharField(source="member_state.name", help_text="as the UN names it")
    member_state_code = serializers.CharField(source="member_state.code", help_text="ISO 3166-1 alpha-3")
    vote = serializers.SerializerMethodField(help_text="yes, no, abstention, or non-voting")

    class Meta:
        model = Vote
        fields = ["member_state", "member_state_code", "vote"]

    @extend_schema_field(serializers.ChoiceField(choices=["yes", "no", "abstention", "non-voting"]))
    def get_vote(self, vote: Vote) -> str:
        return vote.get_vote_display().lower()


class CitationSerializer(serializers.ModelSerializer):
    """A citation: where it stands (a paragraph's key or a footnote's marker), what it names, and where that is."""

    citing_symbol = serializers.CharField(source="resolution.symbol")
    paragraph = serializers.CharField(source="paragraph.key", allow_null=True, default=None)
    footnote = serializers.CharField(source="footnote.marker", allow_null=True, default=None)
    text = serializers.CharField(source="matched_text")
    target_held = serializers.SerializerMethodField()
    target_url = serializers.SerializerMethodField()
    citing_url = serializers.SerializerMethodField()

    class Meta:
        model = Citation
        fields = [
            "citing_symbol",
            "paragraph",
            "footnote",
            "text",
            "start",
            "end",
            "kind",
            "target_symbol",
            "target_paragraph",
            "target_held",
            "target_url",
            "citing_url",
        ]

    def get_target_held(self, citation: Citation) -> bool:
        """Does the archive hold the resolution cited?"""
        return citation.target_id is not None

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_target_url(self, citation: Citation) -> str | None:
        """The cited resolution's (or paragraph's) address here, when the archive holds it."""
        if citation.target is None:
            return None
        symbol = citation.target.symbol
        path = (
            permalinks.paragraph_url(symbol, citation.target_paragraph)
            if citation.target_paragraph
            else permalinks.resolution_url(symbol)
        )
        return absolute(self.context, path)

    @extend_schema_field(OpenApiTypes.URI)
    def get_citing_url(self, citation: Citation) -> str:
        """The address of the paragraph the citation stands in (of the footnote's paragraph, or the resolution)."""
        symbol = citation.resolution.symbol
        key = citation.paragraph.key if citation.paragraph else ""
        path = permalinks.paragraph_url(symbol, key) if key else permalinks.resolution_url(symbol)
        return absolute(self.context, path)


class FootnoteSerializer(serializers.ModelSerializer):
    """A footnote: its marker, its text, and the paragraph (and character offset) its marker first stands at."""

    paragraph = serializers.CharField(source="paragraph.key", allow_null=True, default=None)

    class Meta:
        model = Footnote
        fields = ["marker", "order", "text", "paragraph", "offset"]


class ParagraphRowSerializer(serializers.ModelSerializer):
    """A paragraph as printed, within its resolution."""

    parent = serializers.CharField(source="parent.key", allow_null=True, default=None)
    label = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Paragraph
        fields = ["key", "label", "kind", "number", "part", "heading", "opening_phrase", "text", "parent", "url"]

    def get_label(self, paragraph: Paragraph) -> str:
        """How the UN cites it: 'para. 5', 'fourth preambular paragraph'."""
        return permalinks.paragraph_label(paragraph.key)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, paragraph: Paragraph) -> str:
        return absolute(self.context, permalinks.paragraph_url(self._symbol(paragraph), paragraph.key))

    def _symbol(self, paragraph: Paragraph) -> str:
        return self.context.get("symbol") or paragraph.resolution.symbol


class ResolutionRowSerializer(serializers.ModelSerializer):
    """A resolution as a row of the list."""

    body = serializers.CharField(source="body.code")
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Resolution
        fields = [
            "symbol",
            "number",
            "title",
            "body",
            "session",
            "session_label",
            "adopted_on",
            "committee",
            "url",
            "api_url",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, resolution: Resolution) -> str:
        """Its page."""
        return absolute(self.context, permalinks.resolution_url(resolution.symbol))

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, resolution: Resolution) -> str:
        """Its whole JSON here."""
        return absolute(self.context, api_path(resolution.symbol))


class LanguageOfferSerializer(serializers.Serializer):
    """One language the archive holds a resolution's text in, with the addresses of the page or paragraph in it."""

    language = serializers.ChoiceField(choices=list(OFFICIAL_LANGUAGES), help_text="ISO 639-1")
    name = serializers.CharField(help_text="in English: French")
    native_name = serializers.CharField(help_text="in itself: Français")
    url = serializers.URLField(help_text="the page in that language")
    api_url = serializers.URLField(help_text="this JSON in that language (?language=…)")


class ResolutionSerializer(ResolutionRowSerializer):
    """A whole resolution in one language (``language``): its record, paragraphs, footnotes, citations, recorded
    votes, its other formats, and every language the archive holds it in (``languages``)."""

    paragraphs = serializers.SerializerMethodField()
    footnotes = FootnoteSerializer(many=True)
    citations = CitationSerializer(many=True)
    votes = VoteSerializer(many=True)
    links = serializers.SerializerMethodField()
    languages = serializers.SerializerMethodField()

    class Meta(ResolutionRowSerializer.Meta):
        fields = [
            *ResolutionRowSerializer.Meta.fields,
            "meeting",
            "report",
            "agenda_item",
            "language",
            "metadata",
            "paragraphs",
            "footnotes",
            "citations",
            "votes",
            "links",
            "languages",
        ]

    @extend_schema_field(ParagraphRowSerializer(many=True))
    def get_paragraphs(self, resolution: Resolution) -> list:
        context = {**self.context, "symbol": resolution.symbol}
        return ParagraphRowSerializer(resolution.paragraphs.all(), many=True, context=context).data

    @extend_schema_field(
        {
            "type": "object",
            "properties": {name: {"type": "string", "format": "uri"} for name in ("akn", "cited_by", "cites")},
            "required": ["akn", "cited_by", "cites"],
        }
    )
    @extend_schema_field(LanguageOfferSerializer(many=True))
    def get_languages(self, resolution: Resolution) -> list:
        """Every language held (``context['languages']``), in the UN's order."""
        return self.context.get("languages", [])

    def get_links(self, resolution: Resolution) -> dict:
        """Its Akoma Ntoso XML, and the lists of the citations it makes and receives."""
        page = permalinks.resolution_url(resolution.symbol)
        return {
            "akn": absolute(self.context, page.rstrip("/") + ".akn.xml"),
            "cites": absolute(self.context, api_path(resolution.symbol, "cites/")),
            "cited_by": absolute(self.context, api_path(resolution.symbol, "cited-by/")),
        }


class ResolutionRefSerializer(serializers.ModelSerializer):
    """The resolution a paragraph belongs to, briefly."""

    body = serializers.CharField(source="body.code")
    url = serializers.SerializerMethodField()

    class Meta:
        model = Resolution
        fields = ["symbol", "title", "body", "adopted_on", "url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, resolution: Resolution) -> str:
        return absolute(self.context, permalinks.resolution_url(resolution.symbol))


class ParagraphSerializer(ParagraphRowSerializer):
    """One paragraph with its resolution, the notes printed in it, what it cites and what cites it.

    ``footnotes``, ``cites`` and ``cited_by`` come in the context (read by the view's selectors).
    """

    resolution = ResolutionRefSerializer()
    footnotes = serializers.SerializerMethodField()
    cites = serializers.SerializerMethodField()
    cited_by = serializers.SerializerMethodField()
    languages = serializers.SerializerMethodField()

    class Meta(ParagraphRowSerializer.Meta):
        fields = [
            *ParagraphRowSerializer.Meta.fields,
            "language",
            "resolution",
            "footnotes",
            "cites",
            "cited_by",
            "languages",
        ]

    @extend_schema_field(LanguageOfferSerializer(many=True))
    def get_languages(self, paragraph: Paragraph) -> list:
        """Every language the archive holds the resolution in, with this paragraph's addresses in each."""
        return self.context.get("languages", [])

    @extend_schema_field(FootnoteSerializer(many=True))
    def get_footnotes(self, paragraph: Paragraph) -> list:
        return FootnoteSerializer(self.context["footnotes"], many=True, context=self.context).data

    @extend_schema_field(CitationSerializer(many=True))
    def get_cites(self, paragraph: Paragraph) -> list:
        return CitationSerializer(self.context["cites"], many=True, context=self.context).data

    @extend_schema_field(CitationSerializer(many=True))
    def get_cited_by(self, paragraph: Paragraph) -> list:
        return CitationSerializer(self.context["cited_by"], many=True, context=self.context).data


def state_api_path(code: str, tail: str = "") -> str:
    """'/api/v1/states/FRA/' + tail."""
    return f"/api/v1/states/{code}/{tail}"


class MemberStateRowSerializer(serializers.ModelSerializer):
    """A Member State as a row of the list: its name as the UN prints it, its ISO code, what it did."""

    code = serializers.CharField(help_text="ISO 3166-1 alpha-3: its address")
    name = serializers.CharField(help_text="as the UN names it")
    vote_count = serializers.IntegerField(min_value=0, help_text="recorded votes it cast or was counted in")
    sponsored_count = serializers.IntegerField(min_value=0, help_text="resolutions it sponsored")
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = MemberState
        fields = ["code", "name", "vote_count", "sponsored_count", "url", "api_url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, state: MemberState) -> str:
        """Its page."""
        return absolute(self.context, reverse("state-detail", kwargs={"code": state.code}))

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, state: MemberState) -> str:
        return absolute(self.context, state_api_path(state.code))


class MemberStateSerializer(MemberStateRowSerializer):
    """A Member State, with the addresses of its votes and its sponsorships."""

    links = serializers.SerializerMethodField()

    class Meta(MemberStateRowSerializer.Meta):
        fields = [*MemberStateRowSerializer.Meta.fields, "links"]

    @extend_schema_field(
        {
            "type": "object",
            "properties": {name: {"type": "string", "format": "uri"} for name in ("votes", "sponsorships")},
            "required": ["votes", "sponsorships"],
        }
    )
    def get_links(self, state: MemberState) -> dict:
        return {
            "votes": absolute(self.context, state_api_path(state.code, "votes/")),
            "sponsorships": absolute(self.context, state_api_path(state.code, "sponsorships/")),
        }


class StateVoteSerializer(serializers.ModelSerializer):
    """One recorded vote of a Member State: the resolution voted on, and the vote."""

    resolution = ResolutionRowSerializer()
    vote = serializers.SerializerMethodField(help_text="yes, no, abstention, or non-voting")

    class Meta:
        model = Vote
        fields = ["resolution", "vote"]

    @extend_schema_field(serializers.ChoiceField(choices=["yes", "no", "abstention", "non-voting"]))
    def get_vote(self, vote: Vote) -> str:
        return vote.get_vote_display().lower()


class StateSponsorshipSerializer(serializers.ModelSerializer):
    """A Member State listed as a resolution's sponsor (or additional sponsor), as the record prints it."""

    resolution = ResolutionRowSerializer()
    role = serializers.ChoiceField(choices=[role for role, _ in Sponsor.ROLES])
    name = serializers.CharField(help_text="the sponsor as the record prints it")

    class Meta:
        model = Sponsor
        fields = ["resolution", "role", "name"]
