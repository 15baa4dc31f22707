"""Curators' admin: resolutions with their paragraphs, footnotes, citations, recorded votes and sponsors.

Curators edit what is theirs: a resolution's title, date, metadata (meeting,
report, agenda item, committee, the JSON of sponsors and subjects) and the
source they pinned (sponsors, SDGs and subjects are rebuilt as rows from the edited JSON). A changed pin
takes effect at once, from the pinned source's kept content; "Correct a paragraph" makes a curator's
correction, a source of its own, pinned (``resolutions.store.curation``).
Member States, SDGs and subjects are shown read-only. Everything else comes from sources through the importer or
is the archive's own bookkeeping (session order, hashes), so it is shown
read-only. "Import a source" takes an uploaded file through the same parse →
load path as ``manage.py ingest``.
"""

from __future__ import annotations

import functools

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import F
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.text import Truncator

from resolutions.ingest.pipeline import MAX_SOURCE_BYTES, format_modules
from resolutions.models import (
    Body,
    Citation,
    Footnote,
    Goal,
    MemberState,
    Paragraph,
    ParagraphVersion,
    Resolution,
    ResolutionSource,
    Sponsor,
    Subject,
    Vote,
)
from resolutions.search import index as search_index
from resolutions.store.children import record_rows_replace
from resolutions.store.curation import paragraph_correct, resolution_text_select
from resolutions.store.imports import source_import
from resolutions.store.validation import LoadError


def _after_commit(resolution_ids: list[int]) -> None:
    """Once a curator's edit has committed: a newer data version (so no page read before the commit stays
    cached under it) and the search index in step (the backlog, written with the edit, says so should this
    process die before)."""
    search_index.backlog_record(resolution_ids)
    transaction.on_commit(search_index.data_version_advance)
    transaction.on_commit(functools.partial(search_index.resolutions_changed, resolution_ids))


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ParagraphInline(ReadOnlyInline):
    model = Paragraph
    fields = ["key", "kind", "number", "opening_phrase", "text"]
    readonly_fields = fields


class FootnoteInline(ReadOnlyInline):
    model = Footnote
    fields = ["marker", "text", "paragraph", "offset"]
    readonly_fields = fields


class VoteInline(ReadOnlyInline):
    model = Vote
    fields = ["member_state", "vote"]
    readonly_fields = fields
    classes = ["collapse"]


class SponsorInline(ReadOnlyInline):
    model = Sponsor
    fields = ["order", "role", "name", "member_state"]
    readonly_fields = fields
    classes = ["collapse"]


class CitationInline(ReadOnlyInline):
    model = Citation
    fk_name = "resolution"
    fields = ["target_symbol", "target_paragraph", "kind", "matched_text", "paragraph", "footnote", "target"]
    readonly_fields = fields


class SourceInline(ReadOnlyInline):
    """Every source the resolution was imported from; the one giving the text is named by its source fields."""

    model = ResolutionSource
    fields = ["name", "format", "sha256", "imported_at", "origin"]
    readonly_fields = fields


class ParagraphVersionInline(ReadOnlyInline):
    """Paragraph texts an import replaced: their addresses still answer (a redirect, or the text dated)."""

    model = ParagraphVersion
    fields = ["key", "successor", "replaced_at", "replaced_by", "text"]
    readonly_fields = fields
    classes = ["collapse"]


class SourceUploadForm(forms.Form):
    source = forms.FileField(help_text="A resolution source: ODS text, Markdown, PDF text, PDF, Akoma Ntoso XML.")
    format = forms.ChoiceField(required=False, choices=[], help_text="Leave empty to detect.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [("", "Detect")] + [(name, name) for name in sorted(format_modules())]

    def clean_source(self):
        upload = self.cleaned_data["source"]
        if upload.size > MAX_SOURCE_BYTES:
            raise forms.ValidationError(f"The file is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MB.")
        return upload


# What curators edit; every other field of a resolution is shown read-only.
CURATED_FIELDS = ["title", "adopted_on", "meeting", "report", "agenda_item", "committee", "metadata", "source_pin"]


class ResolutionForm(forms.ModelForm):
    """The pin is chosen among the resolution's own sources, named, not typed as a hash."""

    class Meta:
        model = Resolution
        fields = CURATED_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "source_pin" in self.fields and self.instance.pk:
            sources = self.instance.sources.filter(language=self.instance.language).order_by("imported_at")
            choices = [("", "No pin: the rule of precedence chooses")] + [
                (source.sha256, f"{source.name} ({source.format}, imported {source.imported_at:%Y-%m-%d})")
                for source in sources
            ]
            self.fields["source_pin"].widget = forms.Select(choices=choices)


class CorrectionForm(forms.Form):
    """A curator's correction of one paragraph's text, with what it was checked against."""

    paragraph = forms.ChoiceField(help_text="The paragraph to correct.")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 8, "cols": 100}), help_text="Its corrected text.")
    reason = forms.CharField(
        max_length=300,
        help_text="Why, and what it was checked against (e.g. 'typo; checked against the official PDF').",
    )

    def __init__(self, *args, resolution: Resolution, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].choices = [
            (key, f"{key}: {Truncator(text).chars(70)}")
            for key, text in resolution.paragraphs.values_list("key", "text")
        ]


class PinnedSourceFilter(admin.SimpleListFilter):
    """Resolutions whose text still comes from the source a curator pinned, or no longer does."""

    title = "pinned source"
    parameter_name = "pinned"

    def lookups(self, request, model_admin):
        return [("kept", "Text from the pinned source"), ("changed", "Text from another source"), ("none", "No pin")]

    def queryset(self, request, queryset):
        if self.value() == "kept":
            return queryset.exclude(source_pin="").filter(source_sha256=F("source_pin"))
        if self.value() == "changed":
            return queryset.exclude(source_pin="").exclude(source_sha256=F("source_pin"))
        if self.value() == "none":
            return queryset.filter(source_pin="")
        return queryset


@admin.register(Resolution)
class ResolutionAdmin(admin.ModelAdmin):
    form = ResolutionForm
    list_display = ["symbol", "short_title", "body", "adopted_on", "source_format", "pinned"]
    list_display_links = ["symbol"]
    list_filter = ["body", PinnedSourceFilter, "source_format", "committee"]
    list_select_related = ["body"]
    search_fields = ["symbol", "title"]
    date_hierarchy = "adopted_on"
    fieldsets = [
        ("What curators edit", {"fields": CURATED_FIELDS}),
        (
            "From the source",
            {
                "fields": [
                    "symbol",
                    "body",
                    "number",
                    "session",
                    "session_label",
                    "language",
                    "source_name",
                    "source_format",
                    "source_sha256",
                ]
            },
        ),
        (
            "Kept by the archive",
            {"fields": ["session_sort", "content_hash", "created_at", "updated_at"], "classes": ["collapse"]},
        ),
    ]
    readonly_fields = [
        "symbol",
        "body",
        "number",
        "session",
        "session_label",
        "language",
        "source_name",
        "source_format",
        "source_sha256",
        "session_sort",
        "content_hash",
        "created_at",
        "updated_at",
    ]
    inlines = [
        SourceInline,
        ParagraphInline,
        FootnoteInline,
        CitationInline,
        VoteInline,
        SponsorInline,
        ParagraphVersionInline,
    ]
    change_list_template = "admin/resolutions/resolution/change_list.html"

    def save_model(self, request, obj, form, change):
        """A curator's edit (a title, a date, a committee) is searched as soon as it is saved; edited
        metadata gives the sponsor, SDG and subject rows anew."""
        super().save_model(request, obj, form, change)
        if "metadata" in form.changed_data:
            record_rows_replace(resolution=obj)
        if "source_pin" in form.changed_data:
            messages.info(request, f"{obj.symbol}: {resolution_text_select(resolution=obj).describe()}")
        _after_commit([obj.pk])

    def delete_model(self, request, obj):
        resolution_id = obj.pk
        super().delete_model(request, obj)
        _after_commit([resolution_id])

    def delete_queryset(self, request, queryset):
        resolution_ids = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        _after_commit(resolution_ids)

    @admin.display(description="title", ordering="title")
    def short_title(self, resolution: Resolution) -> str:
        return Truncator(resolution.title).chars(80)

    @admin.display(description="text from the pinned source", boolean=True)
    def pinned(self, resolution: Resolution) -> bool | None:
        return resolution.source_as_pinned

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_source), name="resolutions_import"),
            path(
                "<path:object_id>/correct/",
                self.admin_site.admin_view(self.correct_paragraph),
                name="resolutions_resolution_correct",
            ),
            *super().get_urls(),
        ]

    def import_source(self, request):
        """Import an uploaded source (``resolutions.store.imports``), one transaction per resolution."""
        if not self.has_add_permission(request):
            messages.error(request, "You may not import resolutions.")
            return redirect("admin:resolutions_resolution_changelist")
        form = SourceUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["source"]
            imported = source_import(
                data=upload.read(),
                name=upload.name,
                format=form.cleaned_data["format"] or None,
                origin=f"admin upload by {request.user.get_username()}",
            )
            for result in imported.results:
                messages.success(request, f"{result.symbol}: {result.describe()}")
            for problem in imported.problems:
                messages.error(request, problem)
            if not imported.problems:
                for warning in imported.warnings:
                    messages.warning(request, warning)
                return redirect("admin:resolutions_resolution_changelist")
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "title": "Import a source",
            "opts": self.model._meta,
        }
        return render(request, "admin/resolutions/import.html", context)

    def correct_paragraph(self, request, object_id):
        """Correct one paragraph's text (``resolutions.store.curation``): a correction source, pinned, applied."""
        resolution = self.get_object(request, object_id)
        if resolution is None or not self.has_change_permission(request, resolution):
            messages.error(request, "No such resolution, or you may not change it.")
            return redirect("admin:resolutions_resolution_changelist")
        chosen = request.GET.get("paragraph", "")
        initial = {
            "paragraph": chosen,
            "text": resolution.paragraphs.filter(key=chosen).values_list("text", flat=True).first(),
        }
        form = CorrectionForm(request.POST or None, resolution=resolution, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                selection = paragraph_correct(
                    resolution=resolution,
                    key=form.cleaned_data["paragraph"],
                    text=form.cleaned_data["text"],
                    curator=request.user.get_username(),
                    reason=form.cleaned_data["reason"],
                )
            except LoadError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"{resolution.symbol}: {selection.describe()}")
                return redirect("admin:resolutions_resolution_change", resolution.pk)
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "title": f"Correct a paragraph of {resolution.symbol}",
            "opts": self.model._meta,
            "original": resolution,
        }
        return render(request, "admin/resolutions/correct.html", context)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records made by the importer from the sources: shown, never edited here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Body)
class BodyAdmin(ReadOnlyAdmin):
    """Bodies come from resolutions/reference/bodies.py, created by the importer: shown, not edited."""

    list_display = ["code", "name", "symbol_prefix", "sessions_are_years", "order"]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["citing_symbol", "target_symbol", "target_paragraph", "kind", "held"]
    list_filter = ["kind"]
    search_fields = ["target_symbol", "resolution__symbol", "matched_text"]
    list_select_related = ["resolution", "target"]
    raw_id_fields = ["resolution", "paragraph", "footnote", "target"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    @admin.display(description="citing resolution", ordering="resolution__symbol")
    def citing_symbol(self, citation: Citation) -> str:
        return citation.resolution.symbol

    @admin.display(description="in the archive", boolean=True)
    def held(self, citation: Citation) -> bool:
        return citation.target_id is not None


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    """Recorded votes, one Member State a row; they come from the sources' metadata, so they are shown, not edited."""

    list_display = ["member_state", "vote", "resolution_symbol", "adopted_on"]
    list_display_links = None
    list_filter = ["vote", "resolution__body"]
    list_select_related = ["resolution", "member_state"]
    list_per_page = 200
    search_fields = ["member_state__name", "member_state__code", "resolution__symbol"]
    ordering = ["-resolution__adopted_on", "resolution__symbol", "member_state__name"]

    @admin.display(description="resolution", ordering="resolution__symbol")
    def resolution_symbol(self, vote: Vote) -> str:
        return vote.resolution.symbol

    @admin.display(description="adopted on", ordering="resolution__adopted_on")
    def adopted_on(self, vote: Vote):
        return vote.resolution.adopted_on


@admin.register(MemberState)
class MemberStateAdmin(ReadOnlyAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Goal)
class GoalAdmin(ReadOnlyAdmin):
    list_display = ["number", "title"]


@admin.register(Subject)
class SubjectAdmin(ReadOnlyAdmin):
    list_display = ["name", "thesaurus", "slug"]
    list_filter = ["thesaurus"]
    search_fields = ["name"]
