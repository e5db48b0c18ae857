"""Which year the Security Council adopted a resolution in, from its number: resolutions are numbered
consecutively from resolution 1 (1946), so the first number of each year settles every year.

The numbers are facts taken from the UN's own lists: the Dag Hammarskjöld Library's yearly tables of
the Council's meetings ("Meetings conducted by the Security Council in YYYY", un.org/depts/dhl/resguide)
for 1946 to 2022, checked against the UN's pages "Resolutions adopted by the Security Council in YYYY"
for 1946 to 2014, and, for 2015 to 2025, against the UN press releases that report each year's first and
last resolution and the Council's yearly counts (docs/reference.md names them). A year after the last
one listed is not known here: a resolution numbered past it was adopted in a later year.
"""

from __future__ import annotations

import bisect

#: The first resolution of each year, 1946 to 2025.
FIRST_OF_YEAR = {
    1946: 1, 1947: 16, 1948: 38, 1949: 67, 1950: 79, 1951: 90, 1952: 97, 1953: 99, 1954: 104, 1955: 106,
    1956: 111, 1957: 122, 1958: 127, 1959: 132, 1960: 133, 1961: 161, 1962: 171, 1963: 178, 1964: 186,
    1965: 200, 1966: 220, 1967: 233, 1968: 245, 1969: 263, 1970: 276, 1971: 292, 1972: 308, 1973: 325,
    1974: 345, 1975: 367, 1976: 385, 1977: 403, 1978: 423, 1979: 444, 1980: 462, 1981: 485, 1982: 500,
    1983: 529, 1984: 546, 1985: 560, 1986: 581, 1987: 594, 1988: 607, 1989: 627, 1990: 647, 1991: 684,
    1992: 726, 1993: 800, 1994: 893, 1995: 970, 1996: 1036, 1997: 1093, 1998: 1147, 1999: 1220, 2000: 1285,
    2001: 1335, 2002: 1387, 2003: 1455, 2004: 1522, 2005: 1581, 2006: 1652, 2007: 1739, 2008: 1795, 2009: 1860,
    2010: 1908, 2011: 1967, 2012: 2033, 2013: 2086, 2014: 2133, 2015: 2196, 2016: 2260, 2017: 2337, 2018: 2398,
    2019: 2452, 2020: 2504, 2021: 2561, 2022: 2618, 2023: 2672, 2024: 2722, 2025: 2768,
}
#: The last resolution of the last year listed (2811, adopted on 29 December 2025).
LAST_LISTED = 2811

#: In a regex, after a resolution's number: no score runs on from it ("approved the resolution 11\u20130" names
#: no resolution 11). The reader's and `votes suggest`'s patterns of a resolution by number share it.
NOT_A_SCORE = r"(?! ?[-\u2013\u2014] ?\d)"

_YEARS = sorted(FIRST_OF_YEAR)
_FIRSTS = [FIRST_OF_YEAR[year] for year in _YEARS]


def adopted_in(number: int) -> int | None:
    """The year resolution `number` was adopted in, or None for a number past the last one listed
    (a later year's) or below 1."""
    if number < 1 or number > LAST_LISTED:
        return None
    return _YEARS[bisect.bisect_right(_FIRSTS, number) - 1]


def numbers_of(year: int) -> tuple[int, int] | None:
    """The first and last resolution adopted in `year`, or None for a year not listed."""
    if year not in FIRST_OF_YEAR:
        return None
    later = FIRST_OF_YEAR.get(year + 1)
    return FIRST_OF_YEAR[year], (later - 1 if later is not None else LAST_LISTED)
