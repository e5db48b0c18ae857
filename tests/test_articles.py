"""What an article's text says of itself: outlet, headline, publication date. Fixture articles
written for these tests in the shapes of wire stories, a UN press release and a digest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from votes.articles import read_article

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
D = dt.date


@pytest.mark.parametrize("name, outlet, title, published", [
    # "UNITED NATIONS, Dec 5 (Reuters) - ": the dateline's year comes from the caption's full date
    ("aleppo-truce-veto.txt", "Reuters", "Russia and China block U.N. demand for Aleppo truce", D(2016, 12, 5)),
    # "UNITED NATIONS (AP) — ", undated; a date in the running text is an event, not the article's date
    ("ap-published-line.txt", "AP", "UN council splits over two rival Syria texts", D(2016, 10, 8)),
    # a press release: its date line and symbol come before the headline
    ("un-press-release.txt", "UN press release SC/12538",
     "Council rejects rival texts on Aleppo as veto blocks French-Spanish draft", D(2016, 10, 8)),
    # an agency's title-case dateline, under a heading that is a date
    ("afp-heading.txt", "AFP", "New Zealand puts Aleppo plan to UN council", D(2016, 10, 12)),
    # two outlets; the latest date is a bracketed caption date, read day first
    ("digest-two-outlets.txt", "Reuters, AP", "Syria digest: the week at the UN", D(2016, 10, 11)),
    # a dateline without a year in a text that gives none: no guess
    ("no-year.txt", "Reuters", None, None),
])
def test_fixture_articles(name, outlet, title, published):
    facts = read_article((ARTICLES / name).read_text(encoding="utf-8"))
    assert (facts.outlet, facts.title, facts.published) == (outlet, title, published)


def test_a_date_inside_a_sentence_does_not_date_the_article():
    facts = read_article((ARTICLES / "ap-published-line.txt").read_text(encoding="utf-8"))
    assert facts.dates == (D(2016, 10, 8),)  # not 12 October, when talks "could resume"


def test_the_latest_date_wins_and_an_old_caption_does_not():
    text = ("Headline\n\nAn archive picture, Syria January 10, 2016. REUTERS/Staff\n\n"
            "A new picture, Aleppo, Syria October 14, 2016. REUTERS/Staff\n")
    assert read_article(text).published == D(2016, 10, 14)


@pytest.mark.parametrize("dateline, day", [
    ("BEIRUT, Oct. 9, 2016 (Reuters) - Text.", D(2016, 10, 9)),
    ("BEIRUT, Sept 30 (Reuters) – Text.", D(2016, 9, 30)),
    ("BRUSSELS/ PARIS, 20 October (Reuters) - Text.", D(2016, 10, 20)),
    ("UNITED NATIONS, December 5, 2016 (AP) — Text.", D(2016, 12, 5)),
    ("BEIRUT, Feb 31 (Reuters) - Text.", D(2016, 1, 2)),  # no such day: only the caption dates it
])
def test_dateline_shapes(dateline, day):
    # the caption gives the year, and is older than every real dateline here
    assert read_article(dateline + "\nA view of the city [2/1/2016]\n").published == day


def test_a_sentence_is_no_headline_and_crlf_text_reads_the_same():
    assert read_article("Russia vetoed the draft on Saturday.\n").title is None
    text = (ARTICLES / "un-press-release.txt").read_text(encoding="utf-8")
    assert read_article(text.replace("\n", "\r\n")) == read_article(text)


def test_hostile_text_is_read_in_one_pass():
    # a megabyte line of near-dates and near-datelines: linear patterns finish at once
    facts = read_article("UNITED NATIONS, Oct 8 " * 50_000 + "\n" + "12 Oct " * 100_000)
    assert facts.published is None and facts.outlet is None
