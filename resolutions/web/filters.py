"""The filters of the resolution lists (django-filter): body, session, years, committee, title, sort."""

from __future__ import annotations

import django_filters
from django.db.models import F

from resolutions.models import Body, Resolution
from resolutions.search.filters import YearFilter, YearRangeForm

SORTS = {  # the first is the default, as the form shows it
    "-date": ("Newest first", [F("adopted_on").desc(nulls_last=True), "-session_sort", "-number_sort"]),
    "date": ("Oldest first", [F("adopted_on").asc(nulls_last=True), "session_sort", "number_sort"]),
    "number": ("By number", ["body__order", "session_sort", "number_sort", "symbol"]),
    "-number": ("By number, descending", ["body__order", "-session_sort", "-number_sort", "symbol"]),
}
DEFAULT_SORT = "-date"


def committee_choices():
    committees = (
        Resolution.objects.exclude(committee="").order_by("committee").values_list("committee", flat=True).distinct()
    )
    return [(name, name) for name in committees]


class ResolutionFilter(django_filters.FilterSet):
    body = django_filters.ModelChoiceFilter(
        queryset=Body.objects.all(), to_field_name="code", label="Body", empty_label="All bodies"
    )
    session = django_filters.CharFilter(label="Session", max_length=16)
    year_from = YearFilter(field_name="adopted_on", lookup_expr="year__gte", label="Adopted from (year)")
    year_to = YearFilter(field_name="adopted_on", lookup_expr="year__lte", label="to (year)")
    committee = django_filters.ChoiceFilter(choices=committee_choices, label="Committee", empty_label="Any committee")
    title = django_filters.CharFilter(lookup_expr="icontains", label="Title contains", max_length=200)
    sort = django_filters.ChoiceFilter(
        choices=[(value, label) for value, (label, _) in SORTS.items()],
        method="sort_by",
        label="Sort",
        empty_label=None,
    )

    class Meta:
        model = Resolution
        fields = ["body", "session", "year_from", "year_to", "committee", "title", "sort"]
        form = YearRangeForm

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*SORTS[value or DEFAULT_SORT][1])

    @property
    def qs(self):
        queryset = super().qs
        if not self.form.cleaned_data.get("sort"):
            queryset = queryset.order_by(*SORTS[DEFAULT_SORT][1])
        return queryset
