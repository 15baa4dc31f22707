"""Curators' admin: resolutions with their paragraphs, footnotes and citations.

Read-mostly: texts come from sources through the importer, so paragraphs,
footnotes and citations are shown, not edited. "Import a source" takes an
uploaded file through the same parse → load path as ``manage.py ingest``.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect, render
from django.urls import path

from resolutions.ingest.document import ParseError, SkippedSource
from resolutions.ingest.pipeline import MAX_SOURCE_BYTES, format_modules, parse_bytes
from resolutions.loading import LoadError, load_resolution
from resolutions.models import Body, Citation, Footnote, Paragraph, Resolution, Vote
from resolutions.search import refresh_vocabulary


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


class CitationInline(ReadOnlyInline):
    model = Citation
    fk_name = "resolution"
    fields = ["target_symbol", "target_paragraph", "kind", "matched_text", "paragraph", "footnote", "target"]
    readonly_fields = fields


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


@admin.register(Resolution)
class ResolutionAdmin(admin.ModelAdmin):
    list_display = ["symbol", "title", "body", "session", "adopted_on", "source_format"]
    list_filter = ["body", "source_format", "committee"]
    search_fields = ["symbol", "title"]
    date_hierarchy = "adopted_on"
    readonly_fields = ["symbol", "source_name", "source_format", "source_sha256", "content_hash", "created_at", "updated_at"]
    exclude = ["title_vector"]
    inlines = [ParagraphInline, FootnoteInline, CitationInline]
    change_list_template = "admin/resolutions/resolution/change_list.html"

    def get_urls(self):
        return [path("import/", self.admin_site.admin_view(self.import_source), name="resolutions_import")] + super().get_urls()

    def import_source(self, request):
        """Parse and load an uploaded source, one transaction per resolution."""
        if not self.has_add_permission(request):
            messages.error(request, "You may not import resolutions.")
            return redirect("admin:resolutions_resolution_changelist")
        form = SourceUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["source"]
            try:
                document = parse_bytes(upload.read(), upload.name, form.cleaned_data["format"] or None)
                results = [load_resolution(parsed) for parsed in document.resolutions]
                refresh_vocabulary()
            except (ParseError, SkippedSource, LoadError) as error:
                messages.error(request, str(error))
            else:
                for result in results:
                    messages.success(request, f"{result.symbol}: {result.outcome} ({result.paragraphs} paragraphs)")
                for warning in document.warnings + [w for r in document.resolutions for w in r.warnings]:
                    messages.warning(request, warning)
                return redirect("admin:resolutions_resolution_changelist")
        context = {**self.admin_site.each_context(request), "form": form, "title": "Import a source", "opts": self.model._meta}
        return render(request, "admin/resolutions/import.html", context)


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "symbol_prefix", "sessions_are_years", "order"]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["resolution", "target_symbol", "kind", "target"]
    list_filter = ["kind"]
    search_fields = ["target_symbol", "resolution__symbol", "matched_text"]
    list_select_related = ["resolution", "target"]
    raw_id_fields = ["resolution", "paragraph", "footnote", "target"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ["resolution", "member_state", "vote"]
    list_filter = ["vote"]
    search_fields = ["member_state", "resolution__symbol"]
    raw_id_fields = ["resolution"]
