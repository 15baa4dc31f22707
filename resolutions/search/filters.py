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

import django_filters
from django import forms
from django.db.models import Q
from django.db.models.functions import Upper
from drf_spectacular.utils import extend_schema_field

from resolutions.citations.symbols import normalize_symbol
from resolutions.models import Citation, Footnote, Paragraph
from resolutions.reference.bodies import BODIES
from resolutions.search.execute import max_page
from resolutions.search.query import MAX_QUERY_LENGTH

EARLIEST_YEAR, LATEST_YEAR = 1945, 2100
SORT_CHOICES = [("relevance", "Relevance"), ("date", "Newest first")]
VIEW_CHOICES = [("paragraphs", "Paragraphs"), ("resolutions", "Grouped by resolution")]


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


class SearchForm(forms.Form):
    """The query and how to show its results (the filters are in ``SearchFilter``)."""

    q = forms.CharField(required=False, max_length=MAX_QUERY_LENGTH, strip=True, label="Search")
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False)
    view = forms.ChoiceField(choices=VIEW_CHOICES, required=False)
    page = forms.IntegerField(required=False, min_value=1)

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

    class Meta:
        form = YearRangeForm
        fields = ["body", "session", "year_from", "year_to", "committee", "kind", "opening", "cites"]

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


class ParagraphSearchFilter(SearchFilter):
    class Meta(SearchFilter.Meta):
        model = Paragraph


class FootnoteSearchFilter(SearchFilter):
    paragraph_path = "paragraph__"
    citing_field = "footnote"

    class Meta(SearchFilter.Meta):
        model = Footnote
