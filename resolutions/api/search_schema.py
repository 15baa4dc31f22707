"""The search's parameters and answer, described for the OpenAPI document.

The parameters are read from the forms that validate them (``SearchForm`` and ``ParagraphSearchFilter``),
so a new filter appears in the description without being written twice. The serializers here only
describe ``resolutions.api.search.search_json``; nothing is serialized through them.
"""

from __future__ import annotations

from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from resolutions.search.execute import max_page
from resolutions.search.filters import ParagraphSearchFilter, SearchForm


def _parameter(name: str, field: forms.Field) -> OpenApiParameter:
    """The parameter as the field validates it: integer bounds, and the choices (never an empty value: the API
    refuses one, ``resolutions.api.description``)."""
    if isinstance(field, forms.IntegerField):
        kind = {"type": "integer"}
        if field.min_value is not None:
            kind["minimum"] = field.min_value
        if field.max_value is not None:
            kind["maximum"] = field.max_value
    else:
        kind = OpenApiTypes.STR
    choices = getattr(field, "choices", None)
    enum = [value for value, _ in choices if value] if choices else None
    return OpenApiParameter(
        name, kind, OpenApiParameter.QUERY, required=False, enum=enum, description=field.label or ""
    )


def search_parameters() -> list[OpenApiParameter]:
    """The query, sort, view and page of ``SearchForm``, then every filter of ``ParagraphSearchFilter``."""
    fields = dict(SearchForm.base_fields)
    fields.update({name: item.field for name, item in ParagraphSearchFilter.base_filters.items()})
    return [_page_parameter() if name == "page" else _parameter(name, field) for name, field in fields.items()]


def _page_parameter() -> OpenApiParameter:
    """The page, bounded as ``SearchForm.clean_page`` bounds it: the last page of resolutions is the maximum (the
    view of paragraphs, with more hits a page, ends sooner, which the description says in words)."""
    paragraphs, resolutions = max_page(grouped=False), max_page(grouped=True)
    return OpenApiParameter(
        "page",
        {"type": "integer", "minimum": 1, "maximum": max(paragraphs, resolutions)},
        OpenApiParameter.QUERY,
        required=False,
        description=f"Results are shown up to page {paragraphs} of paragraphs, {resolutions} of resolutions "
        "(view=resolutions); a page past the last is a 400.",
    )


class AlignedParagraphSerializer(serializers.Serializer):
    """A hit's paragraph in the language asked for with ``show`` (aligned by key)."""

    language = serializers.ChoiceField(choices=["ar", "zh", "en", "fr", "ru", "es"])
    text = serializers.CharField()
    url = serializers.URLField()


class HitSerializer(serializers.Serializer):
    """One hit (``Hit.as_json``): a paragraph or a footnote."""

    type = serializers.ChoiceField(choices=["paragraph", "footnote"])
    symbol = serializers.CharField()
    title = serializers.CharField()
    body = serializers.CharField()
    session = serializers.CharField()
    adopted_on = serializers.DateField(allow_null=True)
    paragraph = serializers.CharField(allow_null=True)
    number = serializers.CharField(allow_null=True, allow_blank=True)
    label = serializers.CharField()
    kind = serializers.CharField(allow_null=True)
    footnote = serializers.CharField(allow_null=True)
    highlight = serializers.CharField(help_text="HTML: the text escaped, matches in <mark>")
    rank = serializers.FloatField()
    url = serializers.URLField()
    language = serializers.ChoiceField(
        choices=["ar", "zh", "en", "fr", "ru", "es"], help_text="the language of the paragraph's or footnote's text"
    )
    aligned = AlignedParagraphSerializer(
        required=False, help_text="with `show`: the same paragraph in that language, where the archive holds it"
    )


class GroupSerializer(serializers.Serializer):
    """The hits in one resolution (``view=resolutions``)."""

    symbol = serializers.CharField()
    title = serializers.CharField()
    hits_in_resolution = serializers.IntegerField(min_value=0)
    url = serializers.URLField()
    hits = HitSerializer(many=True)


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    count = serializers.IntegerField(min_value=0)


class SearchAnswerSerializer(serializers.Serializer):
    """A search's answer; ``reference`` alone (with ``query``) when the query names a document to go to."""

    query = serializers.CharField(allow_blank=True)
    reference = serializers.URLField(required=False, help_text="set when the query is a citation")
    understood_as = serializers.CharField(required=False, allow_blank=True)
    ignored_words = serializers.ListField(child=serializers.CharField(), required=False)
    filters = serializers.DictField(child=serializers.CharField(), required=False)
    sort = serializers.CharField(required=False)
    view = serializers.CharField(required=False)
    total = serializers.IntegerField(min_value=0, required=False, help_text="every match, counted exactly")
    resolutions = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    resolutions_exact = serializers.BooleanField(required=False)
    page = serializers.IntegerField(required=False)
    pages = serializers.IntegerField(required=False)
    deepest_hit = serializers.IntegerField(required=False)
    facets = serializers.DictField(child=FacetValueSerializer(many=True), required=False)
    suggestion = serializers.CharField(allow_null=True, required=False)
    removed_by_filters = serializers.ListField(child=serializers.CharField(), required=False)
    results = HitSerializer(many=True, required=False)
    groups = GroupSerializer(many=True, required=False)


class ErrorsSerializer(serializers.Serializer):
    """Every refusal: the messages to show, with the status that says why."""

    errors = serializers.ListField(child=serializers.CharField())
