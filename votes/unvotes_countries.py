"""unvotes' country names and codes, for every member of the United Nations past and present.

unvotes (David Robinson, github.com/dgrtwo/unvotes; the `un_votes` table of its data/un_votes.rda,
as rebuilt by data-raw/un-data.R, commit 7eb7034) writes each General Assembly vote with
`country`, the countrycode package's English short name of the voting state ("Russia", "Côte
d’Ivoire", "St. Kitts & Nevis"), and `country_code`, its ISO 3166-1 alpha-2 code, except where
unvotes keeps its own: CS Czechoslovakia, YU Yugoslavia, DD the German Democratic Republic, YD
the Yemen People's Republic, and none (NA, written empty) for the Federal Republic of Germany
and the Yemen Arab Republic. `votes export --format unvotes` writes the same two values, so that
its rows join unvotes' tables by name and by code; tests/test_interop.py checks every member of
council.yaml against the pairs unvotes holds (tests/fixtures/unvotes/countries.csv).

`COUNTRIES` below is keyed by the codes of council.yaml: ISO 3166-1 alpha-3, and the codes of
states that are gone (ISO 3166-3): SUN the USSR, YUG Yugoslavia, CSK Czechoslovakia, DDR the
German Democratic Republic, ZAR Zaire, YMD South Yemen, SCG Serbia and Montenegro, and BUR, DHY,
HVO, ROM and TMP, the old codes of Burma, Dahomey, Upper Volta, Romania and East Timor. Each of
its lines gives a code, the first day from which the line holds ("-": from the start), the
alpha-2 code ("-": none) and the name, as unvotes writes them. Where unvotes changes its label
over time, so does the export:

- CHN: the votes cast in China's seat until the General Assembly gave it to the People's
  Republic (resolution 2758, 25 October 1971) are unvotes' "Taiwan" (TW); "China" (CN) after.
- DEU, YEM: unvotes labels the votes of 1990 with the states before unification, "Federal
  Republic of Germany" and "Yemen Arab Republic" (no code), and "Germany" (DE) and "Yemen" (YE)
  from the session of 1991 on.
- SUN and RUS are both "Russia" (RU), as unvotes labels the Soviet Union's votes; SRB, SCG and
  YUG are all "Yugoslavia" (YU), as unvotes labels Serbia's; ZAR is "Congo - Kinshasa" (CD).

Zanzibar, a member for four months of 1963-64, has no code to key it by.
"""

from __future__ import annotations

import datetime as dt
import functools

#: code, first day ("-": from the start), alpha-2 ("-": none), name; as unvotes writes them.
COUNTRIES = """
AFG -          AF Afghanistan
AGO -          AO Angola
ALB -          AL Albania
AND -          AD Andorra
ARE -          AE United Arab Emirates
ARG -          AR Argentina
ARM -          AM Armenia
ATG -          AG Antigua & Barbuda
AUS -          AU Australia
AUT -          AT Austria
AZE -          AZ Azerbaijan
BDI -          BI Burundi
BEL -          BE Belgium
BEN -          BJ Benin
BFA -          BF Burkina Faso
BGD -          BD Bangladesh
BGR -          BG Bulgaria
BHR -          BH Bahrain
BHS -          BS Bahamas
BIH -          BA Bosnia & Herzegovina
BLR -          BY Belarus
BLZ -          BZ Belize
BOL -          BO Bolivia
BRA -          BR Brazil
BRB -          BB Barbados
BRN -          BN Brunei
BTN -          BT Bhutan
BUR -          MM Myanmar (Burma)
BWA -          BW Botswana
CAF -          CF Central African Republic
CAN -          CA Canada
CHE -          CH Switzerland
CHL -          CL Chile
CHN -          TW Taiwan
CHN 1971-10-25 CN China
CIV -          CI Côte d’Ivoire
CMR -          CM Cameroon
COD -          CD Congo - Kinshasa
COG -          CG Congo - Brazzaville
COL -          CO Colombia
COM -          KM Comoros
CPV -          CV Cape Verde
CRI -          CR Costa Rica
CSK -          CS Czechoslovakia
CUB -          CU Cuba
CYP -          CY Cyprus
CZE -          CZ Czechia
DDR -          DD German Democratic Republic
DEU -          -  Federal Republic of Germany
DEU 1991-01-01 DE Germany
DHY -          BJ Benin
DJI -          DJ Djibouti
DMA -          DM Dominica
DNK -          DK Denmark
DOM -          DO Dominican Republic
DZA -          DZ Algeria
ECU -          EC Ecuador
EGY -          EG Egypt
ERI -          ER Eritrea
ESP -          ES Spain
EST -          EE Estonia
ETH -          ET Ethiopia
FIN -          FI Finland
FJI -          FJ Fiji
FRA -          FR France
FSM -          FM Micronesia (Federated States of)
GAB -          GA Gabon
GBR -          GB United Kingdom
GEO -          GE Georgia
GHA -          GH Ghana
GIN -          GN Guinea
GMB -          GM Gambia
GNB -          GW Guinea-Bissau
GNQ -          GQ Equatorial Guinea
GRC -          GR Greece
GRD -          GD Grenada
GTM -          GT Guatemala
GUY -          GY Guyana
HND -          HN Honduras
HRV -          HR Croatia
HTI -          HT Haiti
HUN -          HU Hungary
HVO -          BF Burkina Faso
IDN -          ID Indonesia
IND -          IN India
IRL -          IE Ireland
IRN -          IR Iran
IRQ -          IQ Iraq
ISL -          IS Iceland
ISR -          IL Israel
ITA -          IT Italy
JAM -          JM Jamaica
JOR -          JO Jordan
JPN -          JP Japan
KAZ -          KZ Kazakhstan
KEN -          KE Kenya
KGZ -          KG Kyrgyzstan
KHM -          KH Cambodia
KIR -          KI Kiribati
KNA -          KN St. Kitts & Nevis
KOR -          KR South Korea
KWT -          KW Kuwait
LAO -          LA Laos
LBN -          LB Lebanon
LBR -          LR Liberia
LBY -          LY Libya
LCA -          LC St. Lucia
LIE -          LI Liechtenstein
LKA -          LK Sri Lanka
LSO -          LS Lesotho
LTU -          LT Lithuania
LUX -          LU Luxembourg
LVA -          LV Latvia
MAR -          MA Morocco
MCO -          MC Monaco
MDA -          MD Moldova
MDG -          MG Madagascar
MDV -          MV Maldives
MEX -          MX Mexico
MHL -          MH Marshall Islands
MKD -          MK North Macedonia
MLI -          ML Mali
MLT -          MT Malta
MMR -          MM Myanmar (Burma)
MNE -          ME Montenegro
MNG -          MN Mongolia
MOZ -          MZ Mozambique
MRT -          MR Mauritania
MUS -          MU Mauritius
MWI -          MW Malawi
MYS -          MY Malaysia
NAM -          NA Namibia
NER -          NE Niger
NGA -          NG Nigeria
NIC -          NI Nicaragua
NLD -          NL Netherlands
NOR -          NO Norway
NPL -          NP Nepal
NRU -          NR Nauru
NZL -          NZ New Zealand
OMN -          OM Oman
PAK -          PK Pakistan
PAN -          PA Panama
PER -          PE Peru
PHL -          PH Philippines
PLW -          PW Palau
PNG -          PG Papua New Guinea
POL -          PL Poland
PRK -          KP North Korea
PRT -          PT Portugal
PRY -          PY Paraguay
QAT -          QA Qatar
ROM -          RO Romania
ROU -          RO Romania
RUS -          RU Russia
RWA -          RW Rwanda
SAU -          SA Saudi Arabia
SCG -          YU Yugoslavia
SDN -          SD Sudan
SEN -          SN Senegal
SGP -          SG Singapore
SLB -          SB Solomon Islands
SLE -          SL Sierra Leone
SLV -          SV El Salvador
SMR -          SM San Marino
SOM -          SO Somalia
SRB -          YU Yugoslavia
SSD -          SS South Sudan
STP -          ST São Tomé & Príncipe
SUN -          RU Russia
SUR -          SR Suriname
SVK -          SK Slovakia
SVN -          SI Slovenia
SWE -          SE Sweden
SWZ -          SZ Eswatini
SYC -          SC Seychelles
SYR -          SY Syria
TCD -          TD Chad
TGO -          TG Togo
THA -          TH Thailand
TJK -          TJ Tajikistan
TKM -          TM Turkmenistan
TLS -          TL Timor-Leste
TMP -          TL Timor-Leste
TON -          TO Tonga
TTO -          TT Trinidad & Tobago
TUN -          TN Tunisia
TUR -          TR Turkey
TUV -          TV Tuvalu
TWN -          TW Taiwan
TZA -          TZ Tanzania
UGA -          UG Uganda
UKR -          UA Ukraine
URY -          UY Uruguay
USA -          US United States
UZB -          UZ Uzbekistan
VCT -          VC St. Vincent & Grenadines
VEN -          VE Venezuela
VNM -          VN Vietnam
VUT -          VU Vanuatu
WSM -          WS Samoa
YEM -          -  Yemen Arab Republic
YEM 1991-01-01 YE Yemen
YMD -          YD Yemen People's Republic
YUG -          YU Yugoslavia
ZAF -          ZA South Africa
ZAR -          CD Congo - Kinshasa
ZMB -          ZM Zambia
ZWE -          ZW Zimbabwe
"""


@functools.lru_cache(maxsize=1)
def country_periods() -> dict[str, list[tuple[dt.date | None, str, str]]]:
    """Code -> [(first day or None, country, country_code)], oldest first, read from `COUNTRIES`."""
    periods: dict[str, list[tuple[dt.date | None, str, str]]] = {}
    for line in COUNTRIES.strip().splitlines():
        code, since, alpha2, name = line.split(maxsplit=3)
        periods.setdefault(code, []).append((None if since == "-" else dt.date.fromisoformat(since), name,
                                             "" if alpha2 == "-" else alpha2))
    return periods


def unvotes_country(code: str, day: dt.date) -> tuple[str, str] | None:
    """(country, country_code) as unvotes writes the member of this code on this day; None for a code
    that is no member of the United Nations, past or present."""
    periods = country_periods().get(code)
    if not periods:
        return None
    chosen = periods[0]
    for period in periods[1:]:
        if period[0] <= day:
            chosen = period
    return chosen[1], chosen[2]
