"""The archive's rows as the index needs them: one SQL statement, streamed (the only reader of PostgreSQL here).

Every language's paragraphs and footnotes, each with its language and the resolution's title in that
language: the record's own (which curators may correct) in the record's language, else that of the text in
that language (``resolutions_expression``).
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db import connection

from resolutions.search.record import RECORD_PREFIXES, VOTE_VALUES
from resolutions.search.schema import IndexedRow

BATCH = 2_000

# Each paragraph and footnote with its resolution's values and the symbols it cites (upper case, as the
# "cites" filter compares them), and its resolution's record (``resolutions.search.record``). A footnote takes
# key, kind and opening phrase from the paragraph that carries its marker. Every language: each row's
# citations are those of its own text.
ADOPTION_SAID = "lower(coalesce(nullif(r.metadata->>'adoption_type', ''), r.metadata->>'voting_type', ''))"
VOTE_VALUE_SQL = (
    "CASE v.vote " + " ".join(f"WHEN '{code}' THEN '{value}'" for value, code in VOTE_VALUES.items()) + " END"
)
RECORD_SQL = f"""
record AS (
    SELECT r.id,
           CASE WHEN EXISTS (SELECT 1 FROM resolutions_vote AS v WHERE v.resolution_id = r.id)
                     OR strpos({ADOPTION_SAID}, 'recorded') > 0 THEN 'recorded'
                WHEN strpos({ADOPTION_SAID}, 'without') > 0 THEN 'without'
                ELSE '' END AS adoption,
           coalesce((SELECT array_agg(s.code || ':' || {VOTE_VALUE_SQL} ORDER BY s.code)
                     FROM resolutions_vote AS v JOIN resolutions_memberstate AS s ON s.id = v.member_state_id
                     WHERE v.resolution_id = r.id), '{{{{}}}}') AS state_votes,
           coalesce((SELECT array_agg(DISTINCT term) FROM (
               SELECT '{RECORD_PREFIXES["sponsor"]}' || s.code AS term
               FROM resolutions_sponsor AS sp JOIN resolutions_memberstate AS s ON s.id = sp.member_state_id
               WHERE sp.resolution_id = r.id
               UNION ALL
               SELECT '{RECORD_PREFIXES["sdg"]}' || g.number
               FROM resolutions_resolutiongoal AS rg JOIN resolutions_goal AS g ON g.id = rg.goal_id
               WHERE rg.resolution_id = r.id
               UNION ALL
               SELECT '{RECORD_PREFIXES["subject"]}' || t.slug
               FROM resolutions_resolutionsubject AS rs JOIN resolutions_subject AS t ON t.id = rs.subject_id
               WHERE rs.resolution_id = r.id
           ) AS terms), '{{{{}}}}') AS record_values
    FROM resolutions_resolution AS r {{resolution_condition}}
)"""
ROWS_SQL = (
    """
WITH paragraph_cites AS (
    SELECT paragraph_id AS id, array_agg(DISTINCT upper(target_symbol)) AS symbols
    FROM resolutions_citation WHERE paragraph_id IS NOT NULL {citation_condition}
    GROUP BY paragraph_id
), footnote_cites AS (
    SELECT footnote_id AS id, array_agg(DISTINCT upper(target_symbol)) AS symbols
    FROM resolutions_citation WHERE footnote_id IS NOT NULL {citation_condition}
    GROUP BY footnote_id
),"""
    + RECORD_SQL
    + """
SELECT 'paragraph', p.id, r.id, r.symbol,
       CASE WHEN p.language = r.language THEN r.title ELSE coalesce(e.title, r.title) END,
       b.code, r.session, r.committee, p.language,
       r.adopted_on,
       p.key, p.number, p.kind, p.opening_phrase, '', p.text, p."order", coalesce(c.symbols, '{{}}'),
       rec.adoption, rec.state_votes, rec.record_values
FROM resolutions_paragraph AS p
JOIN resolutions_resolution AS r ON r.id = p.resolution_id
JOIN resolutions_body AS b ON b.id = r.body_id
JOIN record AS rec ON rec.id = r.id
LEFT JOIN resolutions_expression AS e ON e.resolution_id = r.id AND e.language = p.language
LEFT JOIN paragraph_cites AS c ON c.id = p.id
{paragraph_condition}
UNION ALL
SELECT 'footnote', f.id, r.id, r.symbol,
       CASE WHEN f.language = r.language THEN r.title ELSE coalesce(e.title, r.title) END,
       b.code, r.session, r.committee, f.language,
       r.adopted_on,
       coalesce(p.key, ''), coalesce(p.number, ''), coalesce(p.kind, ''), coalesce(p.opening_phrase, ''),
       f.marker, f.text, f."order", coalesce(c.symbols, '{{}}'), rec.adoption, rec.state_votes, rec.record_values
FROM resolutions_footnote AS f
JOIN resolutions_resolution AS r ON r.id = f.resolution_id
JOIN resolutions_body AS b ON b.id = r.body_id
JOIN record AS rec ON rec.id = r.id
LEFT JOIN resolutions_expression AS e ON e.resolution_id = r.id AND e.language = f.language
LEFT JOIN resolutions_paragraph AS p ON p.id = f.paragraph_id
LEFT JOIN footnote_cites AS c ON c.id = f.id
{footnote_condition}
"""
)


def rows(resolution_ids: list[int] | None = None) -> Iterator[IndexedRow]:
    """Every indexed row, or those of ``resolution_ids``; streamed through a server-side cursor.

    One statement, so one snapshot: the rows are what one moment of the
    database held, even while imports go on.
    """
    if resolution_ids is None:
        sql = ROWS_SQL.format(
            citation_condition="", resolution_condition="", paragraph_condition="", footnote_condition=""
        )
        params = []
    else:
        sql = ROWS_SQL.format(
            citation_condition="AND resolution_id = ANY(%s)",
            resolution_condition="WHERE r.id = ANY(%s)",
            paragraph_condition="WHERE p.resolution_id = ANY(%s)",
            footnote_condition="WHERE f.resolution_id = ANY(%s)",
        )
        params = [list(resolution_ids)] * 5
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(BATCH):
            for values in batch:
                *columns, cites, adoption, state_votes, record_values = values
                yield IndexedRow(
                    *columns,
                    cites=tuple(cites),
                    adoption=adoption,
                    state_votes=tuple(state_votes),
                    record_values=tuple(record_values),
                )
