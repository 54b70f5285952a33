"""Region paths against jionlp's gazetteer: level, admin code and the parent chain.

The graph needs, for every region path the extractor gives (`浙江省嘉兴市海宁市`), its
level, its code (the resolution key) and the chain of regions containing it (PART_OF rows).
jionlp's china_location dictionary (`graph_loader.gazetteer`) holds provinces, prefectures and
counties with codes; a remainder after a known county is taken as a township. Paths the gazetteer does not know
fall back to the extractor's `graph_loader.extract.regions` helpers when they exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from graph_loader.gazetteer import Division, provinces


@dataclass(frozen=True)
class RegionInfo:
    path: str  # full path as given (canonical when the gazetteer knows it)
    name: str  # last component
    level: str | None
    code: str | None
    parent: str | None  # full path of the containing region


def _walk(path: str) -> list[tuple[str, str, str | None]]:
    """Components [(name, level, code)] of the longest known prefix of path."""
    out: list[tuple[str, str, str | None]] = []
    rest = path
    for prov in provinces():
        if rest.startswith(prov.name):
            out.append((prov.name, "province", prov.code))
            rest = rest[len(prov.name):]
            cities = prov.children
            # municipalities: the city level repeats the province name (a special region's, its short name
            # 香港); skip it
            same = [c for c in cities if c.name == prov.name or c.name in prov.aliases]
            if same and not rest.startswith(prov.name):
                cities = same[0].children
                levels = ("county",)
            else:
                levels = ("prefecture", "county")
            node_children = cities
            for level in levels:
                match = next((c for c in sorted(node_children, key=lambda x: -len(x.name))
                              if rest.startswith(c.name)), None)
                if match is None:
                    break
                # a division the gazetteer files under its parent's code (the districts of a special administrative
                # region share 810000 with it) has no code of its own: it is resolved by its path, not merged
                # into its parent
                out.append((match.name, level, None if match.code == out[-1][2] else match.code))
                rest = rest[len(match.name):]
                node_children = match.children
            break
    return out


@cache
def region_info(path: str) -> RegionInfo:
    comps = _walk(path)
    consumed = "".join(c[0] for c in comps)
    rest = path[len(consumed):]
    if comps and not rest:
        name, level, code = comps[-1]
        parent = "".join(c[0] for c in comps[:-1]) or None
        return RegionInfo(path, name, level, code, parent)
    if comps and comps[-1][1] == "county" and rest:
        return RegionInfo(path, rest, "township", None, consumed)
    return _fallback(path, consumed if comps else None)


def _fallback(path: str, known_prefix: str | None) -> RegionInfo:
    level = parent = None
    try:  # the extractor's region helpers, once they exist
        from graph_loader.extract import regions as xr  # type: ignore[attr-defined]

        level = xr.level_of(path)
        parent = xr.parent_path(path)
    except (ImportError, AttributeError):
        parent = known_prefix
    name = path[len(parent):] if parent and path.startswith(parent) else path
    return RegionInfo(path, name or path, level, None, parent or None)


def chain(path: str) -> list[RegionInfo]:
    """The region and every region containing it, innermost first."""
    out: list[RegionInfo] = []
    seen: set[str] = set()
    p: str | None = path
    while p and p not in seen:
        seen.add(p)
        info = region_info(p)
        out.append(info)
        p = info.parent
    return out


def region_prefix(text: str) -> str | None:
    """The region path a name starts with (`江苏省安全生产第四巡查组` -> `江苏省`), if any."""
    comps = _walk(text)
    return "".join(c[0] for c in comps) or None


def is_region(text: str) -> bool:
    """True when text is exactly a region path the gazetteer knows (townships are not in it)."""
    return region_info(text).code is not None


def aliases(path: str) -> list[str]:
    """Short names of the components of a known path (`海宁`, `嘉兴`) for stripping prefixes."""
    out: list[str] = []
    children: tuple[Division, ...] = provinces()
    rest = path
    while True:
        child = next((c for c in children if rest.startswith(c.name)), None)
        if child is None:
            break
        out.append(child.name)
        out.extend(child.aliases)
        rest = rest[len(child.name):]
        children = child.children
    return out
