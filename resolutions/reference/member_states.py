"""Member States: the names the UN prints, read as ISO 3166-1 alpha-3 codes, and the name the archive shows.

``pycountry`` knows the ISO names (name, official name, common name); the UN prints
some states its own way ("BOLIVIA (PLURINATIONAL STATE OF)", "NETHERLANDS (KINGDOM
OF THE)", "TURKEY" before 2022): those spellings are in ``UN_SPELLINGS``. A name is
compared in capitals, accents folded, spaces collapsed and a leading "THE" dropped, so
"CÔTE D'IVOIRE", "COTE D'IVOIRE" and "Côte d’Ivoire" are one state. Nothing is guessed:
a name that matches neither is not a state (``state_code`` returns ``""``), and a
sponsor such as "submitted by the President of the General Assembly" stays what it is.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pycountry

# Spellings the UN prints that ISO 3166 does not carry, folded as ``fold`` does.
UN_SPELLINGS = {
    "BOLIVIA (PLURINATIONAL STATE OF)": "BOL",
    "BOLIVARIAN REPUBLIC OF VENEZUELA": "VEN",
    "VENEZUELA (BOLIVARIAN REPUBLIC OF)": "VEN",
    "VENEZUELA (BOLIVARIAN REPUBLIC)": "VEN",
    "DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA": "PRK",
    "REPUBLIC OF KOREA": "KOR",
    "DEMOCRATIC REPUBLIC OF THE CONGO": "COD",
    "IRAN (ISLAMIC REPUBLIC OF)": "IRN",
    "ISLAMIC REPUBLIC OF IRAN": "IRN",
    "MICRONESIA (FEDERATED STATES OF)": "FSM",
    "NETHERLANDS (KINGDOM OF THE)": "NLD",
    "KINGDOM OF THE NETHERLANDS": "NLD",
    "TURKEY": "TUR",
    "TURKIYE": "TUR",
    "TÜRKÝYE": "TUR",  # printed so in some vote lists
    "UNITED KINGDOM": "GBR",
    "UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND": "GBR",
    "UNITED STATES": "USA",
    "UNITED STATES OF AMERICA": "USA",
    "UNITED REPUBLIC OF TANZANIA": "TZA",
    "REPUBLIC OF MOLDOVA": "MDA",
    "LAO PEOPLE'S DEMOCRATIC REPUBLIC": "LAO",
    "SYRIAN ARAB REPUBLIC": "SYR",
    "STATE OF PALESTINE": "PSE",
    "HOLY SEE": "VAT",
    "CZECH REPUBLIC": "CZE",
    "SWAZILAND": "SWZ",
    "THE FORMER YUGOSLAV REPUBLIC OF MACEDONIA": "MKD",
    "TIMOR LESTE": "TLS",
    "GUINEA BISSAU": "GNB",
}

# The name the UN gives a state where it is not ISO's short name.
UN_NAMES = {
    "BOL": "Bolivia (Plurinational State of)",
    "VEN": "Venezuela (Bolivarian Republic of)",
    "PRK": "Democratic People's Republic of Korea",
    "KOR": "Republic of Korea",
    "COD": "Democratic Republic of the Congo",
    "IRN": "Iran (Islamic Republic of)",
    "FSM": "Micronesia (Federated States of)",
    "NLD": "Netherlands (Kingdom of the)",
    "GBR": "United Kingdom of Great Britain and Northern Ireland",
    "USA": "United States of America",
    "TZA": "United Republic of Tanzania",
    "MDA": "Republic of Moldova",
    "LAO": "Lao People's Democratic Republic",
    "SYR": "Syrian Arab Republic",
    "PSE": "State of Palestine",
    "VAT": "Holy See",
    "BHS": "Bahamas",
    "GMB": "Gambia",
    "TWN": "Taiwan",
}


def fold(name: str) -> str:
    """A name compared: capitals, accents and curly quotes folded, spaces collapsed, no leading "THE"."""
    name = unicodedata.normalize("NFKD", name.replace("’", "'").replace("İ", "I"))
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).upper()
    name = re.sub(r"\s+", " ", name).strip(" ,.;")
    return re.sub(r"^THE ?(?=\S)", "", name) if name not in {"THE"} else name


@cache
def _codes_by_name() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names.setdefault(fold(value), country.alpha_3)
    names.update({fold(spelling): code for spelling, code in UN_SPELLINGS.items()})
    return names


def state_code(name: str) -> str:
    """The ISO 3166-1 alpha-3 code of a state named as the UN prints it, or ``""`` when it names no state."""
    return _codes_by_name().get(fold(name), "")


def state_name(code: str) -> str:
    """The name the archive shows for a state: the UN's, else ISO 3166's short name."""
    if code in UN_NAMES:
        return UN_NAMES[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        raise KeyError(f"{code!r} is not an ISO 3166-1 alpha-3 code")
    return country.name


def is_state_code(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-3 code (in capitals)."""
    return bool(re.fullmatch(r"[A-Z]{3}", code)) and pycountry.countries.get(alpha_3=code) is not None


# The 193 Member States of the United Nations (since South Sudan's admission on 14 July 2011).
UN_MEMBERS = frozenset(
    """
    AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA BRB BRN BTN
    BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESP
    EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY HND HRV HTI HUN IDN IND IRL IRN IRQ
    ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR MCO
    MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ MRT MUS MWI MYS NAM NER NGA NIC NLD NOR NPL NRU NZL OMN PAK
    PAN PER PHL PLW PNG POL PRK PRT PRY QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK
    SVN SWE SWZ SYC SYR TCD TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA UKR URY USA UZB VCT VEN VNM VUT WSM
    YEM ZAF ZMB ZWE
    """.split()  # noqa: SIM905 - a block of codes reads better than 193 quoted strings
)
MEMBERSHIP_OF_193_FROM = "2011-07-14"
