"""The read API (``/api/v1/``): resolutions, their paragraphs, the citations both ways, the Member States with
their votes and sponsorships, and the search;
and the first search endpoint (``/api/search``), which answers as it always has.

Views are thin: they find the record a URL names (by symbol and key, never a database id), call the
selectors and serializers, and refuse what they cannot answer with ``{"errors": [...]}`` and the right
status. Lists are cursor-paginated; every answer gets an ETag from Django's ``ConditionalGetMiddleware``
(and a 304 when ``If-None-Match`` matches), and anonymous clients are throttled (``API_ANON_RATE``).
"""

from __future__ import annotations

import functools

from django.http import JsonResponse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from resolutions.api import selectors
from resolutions.api.documents import LanguageNotHeld, paragraph_json, resolution_json
from resolutions.api.filters import ResolutionApiFilter, StateVoteApiFilter
from resolutions.api.pagination import ByCitingResolution, ByResolutionSymbol, ByStateCode, BySymbol, InDocumentOrder
from resolutions.api.search import search_json
from resolutions.api.search_schema import ErrorsSerializer, SearchAnswerSerializer, search_parameters
from resolutions.api.serializers import (
    CitationSerializer,
    MemberStateRowSerializer,
    MemberStateSerializer,
    ParagraphRowSerializer,
    ParagraphSerializer,
    ResolutionRowSerializer,
    ResolutionSerializer,
    StateSponsorshipSerializer,
    StateVoteSerializer,
)
from resolutions.models import MemberState, Resolution, Sponsor, Vote
from resolutions.reference.languages.official import ENGLISH, OFFICIAL_LANGUAGES
from resolutions.web.client_limits import per_client_limit
from resolutions.web.page_cache import cached_page
from resolutions.web.search_request import perform, search_seconds, with_retry_after

NOT_FOUND = OpenApiResponse(
    ErrorsSerializer, description="no such resolution, paragraph or Member State in the archive, or a bad cursor"
)
BAD_REQUEST = OpenApiResponse(
    ErrorsSerializer,
    description="bad parameters: a value outside its description, year_from after year_to, or (search) filters "
    "without words to search for",
)
BAD_CURSOR = OpenApiResponse(ErrorsSerializer, description="a cursor this list did not give")
THROTTLED = OpenApiResponse(ErrorsSerializer, description="too many requests: try again after Retry-After seconds")


def resolution_named(symbol: str) -> Resolution:
    """The resolution of the URL's symbol ('A/RES/75/101_A'), or a 404 that names it."""
    resolution = selectors.resolution_by_segment(symbol)
    if resolution is None:
        raise NotFound(f"The archive holds no resolution {symbol.replace('_', ' ')}.")
    return resolution


@extend_schema(
    tags=["resolutions"],
    responses={200: ResolutionRowSerializer(many=True), 400: BAD_REQUEST, 404: BAD_CURSOR, 429: THROTTLED},
)
class ResolutionList(ListAPIView):
    """Every resolution, by symbol; filtered as the browse pages filter (body, session, years, committee, title)."""

    serializer_class = ResolutionRowSerializer
    pagination_class = BySymbol
    filter_backends = [DjangoFilterBackend]
    filterset_class = ResolutionApiFilter

    def get_queryset(self):
        return selectors.resolution_rows()


LANGUAGE_PARAMETER = OpenApiParameter(
    "language",
    str,
    OpenApiParameter.QUERY,
    required=False,
    enum=list(OFFICIAL_LANGUAGES),
    description="the text in this official language (ISO 639-1; English when not given); the answer's "
    "`languages` lists those the archive holds, a language not held is a 404",
)


def language_asked(request) -> str:
    """The ``language`` parameter, one of the six official languages' codes; English when not given."""
    if "language" not in request.query_params:
        return ENGLISH
    value = request.query_params["language"]
    if value not in OFFICIAL_LANGUAGES:
        raise ValidationError({"language": [f"one of {', '.join(OFFICIAL_LANGUAGES)} (ISO 639-1), not “{value[:20]}”"]})
    return value


def _not_held(resolution: Resolution, language: str, key: str = "") -> NotFound:
    what = f"{resolution.symbol}, {key}," if key else resolution.symbol
    return NotFound(
        f"The archive does not hold {what} in {OFFICIAL_LANGUAGES[language]}: see its `languages` in English."
    )


@extend_schema(
    tags=["resolutions"],
    parameters=[LANGUAGE_PARAMETER],
    responses={200: ResolutionSerializer, 400: BAD_REQUEST, 404: NOT_FOUND, 429: THROTTLED},
)
class ResolutionDetail(APIView):
    """A whole resolution in one language (`?language=fr`; English by default): its record, paragraphs,
    footnotes, citations and recorded votes, and every language the archive holds it in (`languages`)."""

    def get(self, request, symbol: str):
        language = language_asked(request)
        resolution = resolution_named(symbol)
        try:
            return Response(resolution_json(request, resolution, language))
        except LanguageNotHeld:
            raise _not_held(resolution, language) from None


@extend_schema(
    tags=["paragraphs"],
    responses={200: ParagraphRowSerializer(many=True), 400: BAD_REQUEST, 404: NOT_FOUND, 429: THROTTLED},
)
class ParagraphList(ListAPIView):
    """A resolution's paragraphs in document order."""

    serializer_class = ParagraphRowSerializer
    pagination_class = InDocumentOrder

    def get_queryset(self):
        return selectors.paragraph_list(resolution_named(self.kwargs["symbol"]))

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "symbol": resolution_named(self.kwargs["symbol"]).symbol}


@extend_schema(
    tags=["paragraphs"],
    parameters=[LANGUAGE_PARAMETER],
    responses={200: ParagraphSerializer, 400: BAD_REQUEST, 404: NOT_FOUND, 429: THROTTLED},
)
class ParagraphDetail(APIView):
    """One paragraph by its key ('op5', 'pp3', 'annex-op1') in one language (`?language=fr`; English by
    default), with its notes, what it cites, what cites it, and every language held (`languages`)."""

    def get(self, request, symbol: str, key: str):
        language = language_asked(request)
        resolution = resolution_named(symbol)
        paragraph = selectors.paragraph_get(resolution, key) or selectors.paragraph_get(resolution, key, language)
        if paragraph is None:
            raise NotFound(f"{resolution.symbol} has no paragraph {key}.")
        try:
            return Response(paragraph_json(request, paragraph, language))
        except LanguageNotHeld:
            raise _not_held(resolution, language, key) from None


@extend_schema(
    tags=["citations"], responses={200: CitationSerializer(many=True), 400: BAD_REQUEST, 404: NOT_FOUND, 429: THROTTLED}
)
class Cites(ListAPIView):
    """What a resolution cites, in its paragraphs and footnotes."""

    serializer_class = CitationSerializer
    pagination_class = ByCitingResolution

    def get_queryset(self):
        return selectors.citations_made(resolution_named(self.kwargs["symbol"]))


@extend_schema(
    tags=["citations"], responses={200: CitationSerializer(many=True), 400: BAD_REQUEST, 404: NOT_FOUND, 429: THROTTLED}
)
class CitedBy(ListAPIView):
    """The citations of a resolution in the others the archive holds."""

    serializer_class = CitationSerializer
    pagination_class = ByCitingResolution

    def get_queryset(self):
        return selectors.citations_received(resolution_named(self.kwargs["symbol"]))


@extend_schema(
    tags=["search"],
    parameters=search_parameters(),
    responses={
        200: SearchAnswerSerializer,
        400: BAD_REQUEST,
        429: THROTTLED,
        503: OpenApiResponse(ErrorsSerializer, description="the search index is being rebuilt: Retry-After"),
    },
)
class Search(APIView):
    """Search paragraphs and footnotes (web-search syntax: "phrases", OR, -word), ranked, counted exactly, paged
    by ``page``; the same parameters and answer as the search page's."""

    def get(self, request):
        outcome = perform(request.query_params)
        if outcome.errors:
            response = Response({"errors": outcome.errors}, status=outcome.status)
            return with_retry_after(response) if outcome.unavailable else response
        return Response(search_json(request, outcome))


def state_named(code: str) -> MemberState:
    """The Member State of the URL's ISO code ('FRA', 'fra'), or a 404 that names it."""
    state = selectors.member_state_by_code(code)
    if state is None:
        raise NotFound(f"The archive holds no Member State with the ISO code {code[:12]!r}; see /api/v1/states/.")
    return state


@extend_schema(
    tags=["member states"],
    responses={200: MemberStateRowSerializer(many=True), 400: BAD_REQUEST, 404: BAD_CURSOR, 429: THROTTLED},
)
class MemberStateList(ListAPIView):
    """Every Member State the archive knows (by ISO code), with its recorded votes and sponsorships counted."""

    serializer_class = MemberStateRowSerializer
    pagination_class = ByStateCode

    def get_queryset(self):
        return selectors.member_state_rows()


@extend_schema(
    tags=["member states"],
    responses={200: MemberStateSerializer, 400: BAD_REQUEST, 404: NOT_FOUND, 429: THROTTLED},
)
class MemberStateDetail(APIView):
    """A Member State: its name as the UN prints it, its ISO 3166-1 alpha-3 code, and its votes' and
    sponsorships' addresses."""

    def get(self, request, code: str):
        return Response(MemberStateSerializer(state_named(code), context={"request": request}).data)


@extend_schema(
    tags=["member states"],
    responses={200: StateVoteSerializer(many=True), 400: BAD_REQUEST, 404: NOT_FOUND, 429: THROTTLED},
)
class MemberStateVotes(ListAPIView):
    """A Member State's recorded votes, by the resolution's symbol; filtered by session, committee, years and the
    vote it cast."""

    serializer_class = StateVoteSerializer
    pagination_class = ByResolutionSymbol
    filter_backends = [DjangoFilterBackend]
    filterset_class = StateVoteApiFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI generator: the model, for the filters
            return Vote.objects.none()
        return selectors.state_vote_rows(state_named(self.kwargs["code"]))


@extend_schema(
    tags=["member states"],
    responses={200: StateSponsorshipSerializer(many=True), 400: BAD_REQUEST, 404: NOT_FOUND, 429: THROTTLED},
)
class MemberStateSponsorships(ListAPIView):
    """The resolutions a Member State sponsored or joined as an additional sponsor, by the resolution's symbol."""

    serializer_class = StateSponsorshipSerializer
    pagination_class = ByResolutionSymbol

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Sponsor.objects.none()
        return selectors.state_sponsorship_rows(state_named(self.kwargs["code"]))


def no_such_address(request):
    """Any other address under /api/: a 404 a client can read, naming where the API's addresses are listed."""
    message = f"No API address {request.path}: the addresses are described at /api/v1/schema."
    return JsonResponse({"errors": [message]}, status=404)


@functools.partial(cached_page, seconds=search_seconds)
@per_client_limit("SEARCH_RATE")
def search_api(request):
    """The first search endpoint (``/api/search``), unthrottled and cached as before: the same answer as
    ``/api/v1/search``; errors as {"errors": [...]} with status 400 (503: index)."""
    outcome = perform(request.GET)
    if outcome.errors:
        response = JsonResponse({"errors": outcome.errors}, status=outcome.status)
        return with_retry_after(response) if outcome.unavailable else response
    return JsonResponse(search_json(request, outcome))
