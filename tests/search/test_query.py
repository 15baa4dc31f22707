"""Analyse: what a person types, as a tree (pure)."""

import pytest

from resolutions.search.query import And, Not, Or, Phrase, Prefix, QueryError, Symbol, Word, parse


@pytest.mark.parametrize(
    "text, tree",
    [
        ("social protection", And((Word("social"), Word("protection")))),
        ("social AND protection", And((Word("social"), Word("protection")))),
        ('"social protection floors"', Phrase("social protection floors")),
        ("“older persons”", Phrase("older persons")),
        ("poverty OR hunger", Or((Word("poverty"), Word("hunger")))),
        ("poverty | hunger", Or((Word("poverty"), Word("hunger")))),
        ("youth employment OR work", And((Word("youth"), Or((Word("employment"), Word("work")))))),
        ("youth -employment", And((Word("youth"), Not(Word("employment"))))),
        ("NOT violence women", And((Not(Word("violence")), Word("women")))),
        ('poverty -"extreme poverty"', And((Word("poverty"), Not(Phrase("extreme poverty"))))),
        ("soc*", Prefix("soc")),
        ("(ageing OR elderly) -health", And((Or((Word("ageing"), Word("elderly"))), Not(Word("health"))))),
        ("(a b) OR c", Or((And((Word("a"), Word("b"))), Word("c")))),
        ("title:ageing", Word("ageing", "title")),
        ('title:"older persons"', Phrase("older persons", "title")),
        ("TITLE:(ageing OR elderly)", Or((Word("ageing", "title"), Word("elderly", "title")))),
        ('opening:"calls upon"', Phrase("calls upon", "opening")),
        ("symbol:A/RES/70/126", Symbol("A/RES/70/126")),
        ("symbol:a/res/70/*", Symbol("A/RES/70/*")),
        ("e-government", Word("e-government")),
        ("10:30 foo:bar", And((Word("10:30"), Word("foo:bar")))),
        ('A:"older persons" B:(x)', And((Phrase("older persons"), Word("x")))),  # not fields: the text is searched
        ("((ageing", Word("ageing")),  # unbalanced parentheses are forgiven
        ("ageing))", Word("ageing")),
        ("ageing OR", Word("ageing")),  # a dangling operator means nothing
        ("<b>poverty</b>", Word("poverty")),  # markup is not searched
    ],
)
def test_parse(text, tree):
    assert parse(text) == tree


@pytest.mark.parametrize(
    "text, shown",
    [
        ("(a b) OR c", "(a b) OR c"),
        ("youth -employment", "youth -employment"),
        ('title:"older persons" -symbol:A/RES/70/*', 'title:"older persons" -symbol:A/RES/70/*'),
        ("a OR (b -c)", "a OR (b -c)"),
    ],
)
def test_a_tree_reads_back_as_a_query_with_the_same_meaning(text, shown):
    assert str(parse(text)) == shown
    assert parse(str(parse(text))) == parse(text)


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Type some words"),
        ("AND OR NOT", "Type some words"),
        (")))", "Type some words"),
        ("<script>alert(1)</script>", "only HTML markup"),
        ("<img src=x onerror=alert(1)>", "only HTML markup"),
        ("x" * 501, "too long"),
        (" ".join(f"w{i}" for i in range(21)), "at most 20"),
        ("(" * 9 + "deep", "nests parentheses"),
    ],
)
def test_refused_queries_say_why(text, message):
    with pytest.raises(QueryError, match=message):
        parse(text)
