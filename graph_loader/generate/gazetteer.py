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


def _aliases(node: dict) -> list[str]:
    a = node.get("_alias") or []
    return [a] if isinstance(a, str) else list(a)


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
    """Read jionlp's location tree once and keep the unambiguous divisions."""
    import jionlp  # imported here: ~0.5 s, only when generating

    tree = jionlp.china_location_loader()
    counts: Counter[str] = Counter()
    for pname, pnode in tree.items():
        counts.update({pname, *_aliases(pnode)})
        for cname, cnode in pnode.items():
            if cname.startswith("_"):
                continue
            counts.update({cname, *_aliases(cnode)})
            for xname, xnode in cnode.items():
                if not xname.startswith("_"):
                    counts.update({xname, *_aliases(xnode)})

    def unique(name: str, alias: str) -> bool:
        return len(alias) >= 2 and alias != name and counts[name] == 1 and counts[alias] == 1

    provinces, prefectures, counties = [], {}, {}
    for pname, pnode in sorted(tree.items()):
        if not _PROVINCE_OK.match(pname) or pname == "台湾省":
            continue
        palias = min(_aliases(pnode), key=len)
        prov = Region(pname, palias, pname, "province", "省", pnode["_admin_code"])
        provinces.append(prov)
        prefectures[pname] = []
        for cname, cnode in sorted(pnode.items()):
            if cname.startswith("_") or not _PREFECTURE_OK.match(cname):
                continue
            calias = min(_aliases(cnode), key=len) if _aliases(cnode) else ""
            if not unique(cname, calias):
                continue
            pref = Region(cname, calias, pname + cname, "prefecture", _unit(cname, "prefecture"),
                          cnode["_admin_code"], prov)
            kids = []
            for xname, xnode in sorted(cnode.items()):
                if xname.startswith("_") or not _COUNTY_OK.match(xname) or _COUNTY_BAD.search(xname):
                    continue
                xalias = min(_aliases(xnode), key=len) if _aliases(xnode) else ""
                if not unique(xname, xalias):
                    continue
                kids.append(Region(xname, xalias, pref.path + xname, "county", _unit(xname, "county"),
                                   xnode["_admin_code"], pref))
            if kids:
                prefectures[pname].append(pref)
                counties[pref.path] = kids
        if not prefectures[pname]:
            provinces.pop()
            del prefectures[pname]
    return Gazetteer(provinces, prefectures, counties, frozenset(n for n in counts if len(n) >= 2))
