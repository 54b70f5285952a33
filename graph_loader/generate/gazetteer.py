"""Real divisions from jionlp's gazetteer that a generated article can name without ambiguity.

Only divisions whose name and short name are unique nationwide are used, so that
a single mention (`海宁市`, `海宁`) determines its full path and the gold region is
right by construction. Municipalities, special regions, autonomous regions,
`地区`/`盟` prefectures and development zones are left out: their posts and paths
follow other conventions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from graph_loader.gazetteer import Division
from graph_loader.gazetteer import provinces as all_provinces

_PROVINCE_OK = re.compile(r".+省$")
_PREFECTURE_OK = re.compile(r".+(市|自治州)$")
_COUNTY_OK = re.compile(r".+(县|区|市|自治县)$")
_COUNTY_BAD = re.compile(r"(开发区|园区|新区|管理区|示范区|林区|特区|矿区|城区|郊区)$")


@dataclass(frozen=True)
class Region:
    name: str  # official name: 海宁市
    alias: str  # short name: 海宁
    path: str  # full path: 浙江省嘉兴市海宁市
    level: str  # province | prefecture | county
    unit: str  # the character of its posts: 省 / 市 / 州 / 县 / 区
    code: str
    parent: Region | None = field(default=None, compare=False, repr=False)

    @property
    def province(self) -> Region:
        r = self
        while r.parent is not None:
            r = r.parent
        return r


@dataclass
class Gazetteer:
    provinces: list[Region]
    prefectures: dict[str, list[Region]]  # province name -> its usable prefectures
    counties: dict[str, list[Region]]  # prefecture path -> its usable counties
    all_names: frozenset[str]  # every full name and alias of every division (for name filtering)


def _unit(name: str, level: str) -> str:
    if level == "province":
        return "省"
    if name.endswith("自治州"):
        return "州"
    if name.endswith("自治县"):
        return "县"
    return name[-1]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Keep the unambiguous divisions of jionlp's location tree."""
    counts: Counter[str] = Counter()
    for pnode in all_provinces():
        counts.update({pnode.name, *pnode.aliases})
        for cnode in pnode.children:
            counts.update({cnode.name, *cnode.aliases})
            for xnode in cnode.children:
                counts.update({xnode.name, *xnode.aliases})

    def unique(name: str, alias: str) -> bool:
        return len(alias) >= 2 and alias != name and counts[name] == 1 and counts[alias] == 1

    def by_name(nodes: tuple[Division, ...]) -> list[Division]:
        return sorted(nodes, key=lambda d: d.name)

    def shortest(aliases: tuple[str, ...]) -> str:
        return min(aliases, key=len) if aliases else ""

    provinces, prefectures, counties = [], {}, {}
    for pnode in by_name(all_provinces()):
        pname = pnode.name
        if not _PROVINCE_OK.match(pname) or pname == "台湾省":
            continue
        prov = Region(pname, min(pnode.aliases, key=len), pname, "province", "省", pnode.code)
        provinces.append(prov)
        prefectures[pname] = []
        for cnode in by_name(pnode.children):
            cname = cnode.name
            if not _PREFECTURE_OK.match(cname):
                continue
            calias = shortest(cnode.aliases)
            if not unique(cname, calias):
                continue
            pref = Region(cname, calias, pname + cname, "prefecture", _unit(cname, "prefecture"),
                          cnode.code, prov)
            kids = []
            for xnode in by_name(cnode.children):
                xname = xnode.name
                if not _COUNTY_OK.match(xname) or _COUNTY_BAD.search(xname):
                    continue
                xalias = shortest(xnode.aliases)
                if not unique(xname, xalias):
                    continue
                kids.append(Region(xname, xalias, pref.path + xname, "county", _unit(xname, "county"),
                                   xnode.code, pref))
            if kids:
                prefectures[pname].append(pref)
                counties[pref.path] = kids
        if not prefectures[pname]:
            provinces.pop()
            del prefectures[pname]
    return Gazetteer(provinces, prefectures, counties, frozenset(n for n in counts if len(n) >= 2))
