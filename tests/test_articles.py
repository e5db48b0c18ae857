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
    # "UNITED NATIONS, Feb. 26, 2022 - ": a wire dateline without the outlet in brackets
    ("wire-dateline-no-outlet.txt", None, "Russia blocks Council text on Ukraine", D(2022, 2, 26)),
    # "UNITED NATIONS (AP) - " undated, with an "Updated Feb. 25, 2022, 7:12 PM ET" line above the story
    ("ap-updated-line.txt", "AP", "Russia vetoes UN resolution demanding it stop attacking Ukraine", D(2022, 2, 25)),
    # a UN press release's symbol with its date on one line, in capitals
    ("press-release-symbol-date.txt", "UN press release SC/14808",
     "Security Council Fails to Adopt Draft Resolution on Ending Ukraine Crisis, as Russian Federation Wields Veto",
     D(2022, 2, 25)),
    # "Published: 25 February 2022 21:04 GMT"
    ("published-label.txt", None, "Russia vetoes Security Council draft on Ukraine", D(2022, 2, 25)),
    # UN News: "Friday, 25 February 2022" over its section; deadlines later in the text do not count
    ("un-news-weekday.txt", None, "Peace and Security", D(2022, 2, 25)),
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


def test_an_archive_pictures_caption_does_not_date_the_article():
    """A wire story illustrated with an old picture: its caption's date, credited 'File Photo', is the
    picture's. The near miss: the same caption without that credit dates the article."""
    caption = ("A flag is seen at headquarters in New York, U.S., September 21, 2020. "
               "REUTERS/Staff{}\n\nThe council voted on Thursday.\n")
    assert read_article("Headline\n\n" + caption.format("/File Photo")).published is None
    assert read_article("Headline\n\nFILE PHOTO: " + caption.format("")).published is None
    # an agency's caption of an archive picture: "FILE - ..."
    assert read_article("Headline\n\nFILE - A U.N. Security Council meeting at United Nations headquarters, "
                        "Dec. 15, 2017.\n\nThe council voted on Monday.\n").published is None
    assert read_article("Headline\n\n" + caption.format("")).published == dt.date(2020, 9, 21)
    # nor does it give a dateline without a year its year
    story = "NEW YORK, July 29 (Reuters) - The council extended the embargo.\n\n"
    assert read_article(story + caption.format("/File Photo")).published is None
    assert read_article(story + caption.format("")).published == dt.date(2020, 9, 21)


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


@pytest.mark.parametrize("line", [
    "The authorisation now runs until 10 January 2023.",
    "The mission's mandate expires on 15 March 2023.",
    "Members must reply by March 15, 2023",
    "The talks were postponed to 12/03/2023.",
])
def test_a_deadline_or_event_ending_a_line_never_dates_the_article(line):
    text = f"Headline\n\n8 October 2016\n\n{line}\n"
    assert read_article(text).published == D(2016, 10, 8)


@pytest.mark.parametrize("line, day", [
    ("UNITED NATIONS, Feb. 26, 2022 - Russia vetoed the text.", D(2022, 2, 26)),
    ("UNITED NATIONS, 26 February 2022 — Russia vetoed the text.", D(2022, 2, 26)),
    ("NEW YORK, Friday, Feb 25 – The vote failed.", D(2022, 2, 25)),  # the year from the caption below
    ("Updated Feb. 25, 2022, 7:12 PM ET", D(2022, 2, 25)),
    ("Updated 7:12 PM EST, Feb. 25, 2022", D(2022, 2, 25)),
    ("Published: 25 February 2022 21:04 GMT", D(2022, 2, 25)),
    ("First published on Fri 25 Feb 2022 21.04 GMT", D(2022, 2, 25)),
    ("SC/14808 25 FEBRUARY 2022", D(2022, 2, 25)),
    ("Friday, 25 February 2022", D(2022, 2, 25)),
])
def test_publication_date_forms(line, day):
    assert read_article(f"{line}\nA view of the chamber [1/1/2022]\n").published == day


def test_a_capitalised_sentence_with_a_comma_is_no_dateline():
    text = "Headline\n\nRUSSIA, CHINA BLOCK TEXT - diplomats said on 8 October 2016 at noon\n"
    assert read_article(text).published is None


def test_a_drafts_own_date_under_its_heading_does_not_date_the_page():
    """A UN document page: "Jordan: draft resolution" and the draft's date, then the vote of the next day."""
    text = ("Security Council\nJordan: draft resolution\n1 April 1982\nThe Security Council,\n"
            "The Security Council on 2 April 1982 voted on the draft resolution as follows:\n")
    assert read_article(text).published is None
    assert read_article(text.replace("Jordan: draft resolution", "Jordan")).published == dt.date(1982, 4, 1)


@pytest.mark.parametrize("url, day", [
    # year, month and day, each a part of the path, as news sites write them
    ("https://www.example.org/world/2023/12/08/us-vetoes-gaza-draft/amp", D(2023, 12, 8)),
    ("http://www.example.com/news/ct-xpm-1999-02-26-9902260112-story.html", D(1999, 2, 26)),
    ("http://example.cn/cndy/2016-10/10/content_27006736.htm", D(2016, 10, 10)),
    ("https://example.org/blog/2020/aug/17/part-5-us-bid-fails", D(2020, 8, 17)),
    # eight digits of their own, and day, month name and year
    ("https://www.example.net/news/Russia-Vetoes-Renewal-20230831-0002.html", D(2023, 8, 31)),
    ("https://en.example.pk/01-Mar-2017/russia-china-block-sanctions?version=amp", D(2017, 3, 1)),
    # the same day twice is one day
    ("https://example.org/2022/02/28/vetoed-20220228.html", D(2022, 2, 28)),
    # the near misses: a month alone, six digits, digits inside a longer number or a word, no real day
    ("http://example.blogspot.com/2012/07/syria-un-around-and-around.html", None),
    ("https://www.example.com/140315/world-asia/article/russia-vetoes", None),
    ("https://www.example.com/article/us-un/russia-veto-idUSN0917887320080712", None),
    ("https://press.example.org/en/2024/sc15648.doc.htm", None),
    ("https://www.example.org/news/2025/06/107049/security-council-live", None),
    ("https://example.org/2023/02/30/a-day-that-never-was", None),
    # two different days, a date in the host or the query, no path, nothing at all
    ("https://example.org/2023/10/18/live-2023-10-19", None),
    ("https://2023.example.org/10/18/story", None),
    ("https://example.org/story?date=2023-10-18", None),
    ("https://example.org", None),
    ("", None),
])
def test_url_date_reads_the_one_day_a_web_address_bears_in_its_path(url, day):
    from votes.articles import url_date

    assert url_date(url) == day

