"""The search page's parameters: the query form and the filters (django-filter).

The filter set validates the parameters; the search compiles the cleaned
values into index queries (``resolutions.search.compile.filter_query``).
The same filter set narrows PostgreSQL querysets, which is how the index's
counts are checked against the database (``resolutions.search.verify``):
``ParagraphSearchFilter`` and ``FootnoteSearchFilter`` differ only in the
path from the row to its resolution's paragraph (a footnote takes its kind
and opening phrase from the paragraph that carries its marker).
"""

from __future__ import annotations

import re

import django_filters
from django import forms
from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, Lower, NullIf, StrIndex, Upper
from django.db.models.lookups import GreaterThan
from django.utils.text import slugify
from drf_spectacular.utils import extend_schema_field

from resolutions.citations.symbols import normalize_symbol
from resolutions.models import (
    Citation,
    Footnote,
    MemberState,
    Paragraph,
    Resolution,
    ResolutionGoal,
    ResolutionSubject,
    Sponsor,
    Subject,
    Vote,
)
from resolutions.reference.bodies import BODIES
from resolutions.search.execute import max_page
from resolutions.search.query import MAX_QUERY_LENGTH
from resolutions.search.record import ADOPTIONS, VOTE_LABELS, VOTE_VALUES

EARLIEST_YEAR, LATEST_YEAR = 1945, 2100
SORT_CHOICES = [("relevance", "Relevance"), ("date", "Newest first")]
VIEW_CHOICES = [("paragraphs", "Paragraphs"), ("resolutions", "Grouped by resolution")]
# The languages of the texts (the UN's order), and "any": every language, each searched with its own rules.
EVERY_LANGUAGE = "any"
TEXT_LANGUAGE_CHOICES = [
    ("ar", "العربية"),
    ("zh", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LANGUAGE_CHOICES = [(EVERY_LANGUAGE, "Every language"), *TEXT_LANGUAGE_CHOICES]


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(min_value=EARLIEST_YEAR, max_value=LATEST_YEAR, **kwargs)


@extend_schema_field({"type": "integer", "minimum": EARLIEST_YEAR, "maximum": LATEST_YEAR})
class YearFilter(django_filters.NumberFilter):
    """A year, as the API's description says it (a year outside them is answered 400)."""

    field_class = YearField


class YearRangeForm(forms.Form):
    """A FilterSet form whose year_from/year_to must not make an empty range."""

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("year_from"), cleaned.get("year_to")
        if first and last and first > last:
            raise forms.ValidationError(f"The year range is empty: {first} is after {last}.")
        return cleaned


class SearchFilterForm(YearRangeForm):
    """The search filters' form: a vote is a vote of a chosen Member State."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("vote") and not cleaned.get("voter"):
            raise forms.ValidationError("Choose the Member State whose vote to filter by (voter=FRA with vote=no).")
        return cleaned


class MemberStateField(forms.CharField):
    """A Member State's ISO 3166-1 alpha-3 code in any case, cleaned to upper case; it must be one the archive
    knows."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        code = value.strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code) or not MemberState.objects.filter(code=code).exists():
            raise forms.ValidationError(
                f"“{value[:40]}” is not the ISO code of a Member State in the archive (e.g. FRA); see /states/."
            )
        return code


class MemberStateFilter(django_filters.CharFilter):
    field_class = MemberStateField


class SubjectField(forms.CharField):
    """A subject by its address (``social-development``) or its name, cleaned to its address."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        slug = slugify(value)
        if not slug or not Subject.objects.filter(slug=slug).exists():
            raise forms.ValidationError(f"No subject “{value[:80]}” is in the archive; see a resolution's subjects.")
        return slug


class SubjectFilter(django_filters.CharFilter):
    field_class = SubjectField


class GoalNumberFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


def adoption_of_resolution() -> Case:
    """How a resolution was adopted, as ``record_metadata.adoption_of`` reads it, in SQL: "recorded" when it has
    recorded votes or its metadata says so, "without" when the metadata says "without a vote", else ""."""
    said = Lower(Coalesce(NullIf(KT("metadata__adoption_type"), Value("")), KT("metadata__voting_type"), Value("")))
    voted = Exists(Vote.objects.filter(resolution=OuterRef("pk")))
    return Case(
        When(Q(voted) | Q(GreaterThan(StrIndex(said, Value("recorded")), 0)), then=Value("recorded")),
        When(GreaterThan(StrIndex(said, Value("without")), 0), then=Value("without")),
        default=Value(""),
        output_field=CharField(),
    )


class SearchForm(forms.Form):
    """The query and how to show its results (the filters are in ``SearchFilter``)."""

    q = forms.CharField(required=False, max_length=MAX_QUERY_LENGTH, strip=True, label="Search")
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False)
    view = forms.ChoiceField(choices=VIEW_CHOICES, required=False)
    page = forms.IntegerField(required=False, min_value=1)
    # Beside each hit, the same paragraph (by key) in this language.
    show = forms.ChoiceField(choices=TEXT_LANGUAGE_CHOICES, required=False, label="Show beside each hit")

    def clean_sort(self):
        return self.cleaned_data["sort"] or "relevance"

    def clean_view(self):
        return self.cleaned_data["view"] or "paragraphs"

    def clean_page(self):
        page = self.cleaned_data["page"] or 1
        last = max_page(grouped=self.cleaned_data.get("view") == "resolutions")
        if page > last:
            raise forms.ValidationError(
                f"Results are shown up to page {last}; add words or filters to narrow the search and see the rest."
            )
        return page


class SymbolField(forms.CharField):
    """A UN document symbol in any spelling, cleaned to its canonical form."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        symbol = normalize_symbol(value)
        if symbol is None:
            raise forms.ValidationError(f"“{value[:80]}” is not a UN document symbol (e.g. A/RES/70/126).")
        return symbol


class SymbolFilter(django_filters.CharFilter):
    field_class = SymbolField


class SearchFilter(django_filters.FilterSet):
    """Filters shared by paragraphs and footnotes; ``paragraph_path`` says how to reach the paragraph."""

    paragraph_path = ""
    citing_field = "paragraph"

    # Absent: the language of the page (resolutions.web.search_request); "any": every language.
    language = django_filters.ChoiceFilter(choices=LANGUAGE_CHOICES, method="filter_language", label="Language")
    body = django_filters.ChoiceFilter(
        choices=[(code, info.name) for code, info in BODIES.items()], method="filter_body", label="Body"
    )
    session = django_filters.CharFilter(field_name="resolution__session", label="Session", max_length=16)
    year_from = YearFilter(field_name="resolution__adopted_on", lookup_expr="year__gte", label="From (year)")
    year_to = YearFilter(field_name="resolution__adopted_on", lookup_expr="year__lte", label="To (year)")
    committee = django_filters.CharFilter(
        field_name="resolution__committee", lookup_expr="iexact", label="Committee", max_length=120
    )
    kind = django_filters.ChoiceFilter(choices=Paragraph.KIND_CHOICES, method="filter_kind", label="Paragraph")
    opening = django_filters.CharFilter(method="filter_opening", label="Opening phrase", max_length=200)
    cites = SymbolFilter(method="filter_cites", label="Cites", max_length=80)
    adoption = django_filters.ChoiceFilter(choices=ADOPTIONS, method="filter_adoption", label="Adopted")
    voter = MemberStateFilter(method="filter_voter", label="Voting state", max_length=80)
    vote = django_filters.ChoiceFilter(
        choices=list(VOTE_LABELS.items()), method="filter_vote", label="Its vote", empty_label="Any vote"
    )
    sponsor = MemberStateFilter(method="filter_sponsor", label="Sponsor", max_length=80)
    sdg = GoalNumberFilter(method="filter_sdg", label="SDG", min_value=1, max_value=17)
    subject = SubjectFilter(method="filter_subject", label="Subject", max_length=220)

    class Meta:
        form = SearchFilterForm
        fields = [
            "language",
            "body",
            "session",
            "year_from",
            "year_to",
            "committee",
            "kind",
            "opening",
            "cites",
            "adoption",
            "voter",
            "vote",
            "sponsor",
            "sdg",
            "subject",
        ]

    def filter_language(self, queryset, name, value):
        return queryset if value == EVERY_LANGUAGE else queryset.filter(language=value)

    def filter_body(self, queryset, name, value):
        return queryset.filter(resolution__body__code=value)

    def filter_kind(self, queryset, name, value):
        return queryset.filter(**{f"{self.paragraph_path}kind": value})

    def filter_opening(self, queryset, name, value):
        return queryset.filter(**{f"{self.paragraph_path}opening_phrase__iexact": value})

    def filter_cites(self, queryset, name, value):
        citing = Citation.objects.annotate(upper_symbol=Upper("target_symbol")).filter(
            upper_symbol=value.upper(), **{f"{self.citing_field}__isnull": False}
        )
        return queryset.filter(Q(pk__in=citing.values(f"{self.citing_field}_id")))

    # The resolution's record: a paragraph or footnote matches when its resolution does.

    def filter_adoption(self, queryset, name, value):
        adopted = Resolution.objects.annotate(adoption=adoption_of_resolution()).filter(adoption=value)
        return queryset.filter(resolution__in=adopted.values("pk"))

    def filter_voter(self, queryset, name, value):
        vote = self.form.cleaned_data.get("vote")
        codes = [VOTE_VALUES[vote]] if vote else list(VOTE_VALUES.values())
        voted = Vote.objects.filter(member_state__code=value, vote__in=codes)
        return queryset.filter(resolution__in=voted.values("resolution_id"))

    def filter_vote(self, queryset, name, value):
        """Applied by ``filter_voter``, with the state it belongs to (the form refuses a vote without one)."""
        return queryset

    def filter_sponsor(self, queryset, name, value):
        return queryset.filter(resolution__in=Sponsor.objects.filter(member_state__code=value).values("resolution_id"))

    def filter_sdg(self, queryset, name, value):
        linked = ResolutionGoal.objects.filter(goal__number=int(value))
        return queryset.filter(resolution__in=linked.values("resolution_id"))

    def filter_subject(self, queryset, name, value):
        linked = ResolutionSubject.objects.filter(subject__slug=value)
        return queryset.filter(resolution__in=linked.values("resolution_id"))


class ParagraphSearchFilter(SearchFilter):
    class Meta(SearchFilter.Meta):
        model = Paragraph


class FootnoteSearchFilter(SearchFilter):
    paragraph_path = "paragraph__"
    citing_field = "footnote"

    class Meta(SearchFilter.Meta):
        model = Footnote
