"""jionlp's administrative divisions (dictionary/china_location.txt) and their former names
(dictionary/china_location_change.txt), read once per process.

The file is a tab-indented tree: province, prefecture, county lines carry `name<TAB>code<TAB>aliases`
(aliases `/`-separated), below them townships (乡镇/街道) and villages, one name a line. The
extractor, the graph stage and the generator all read it here, into the same plain records, so
names, codes and aliases cannot drift between them.

The file is opened directly rather than through `jionlp.china_location_loader()`: importing jionlp
prints a banner on stdout (which may carry JSON) and costs half a second. The records keep what
that loader gives (full name, code, aliases, file order) and the tree as the file has it: a
municipality repeats its own name as its only prefecture, and `省直辖行政区划` groups a province's
directly administered counties; what such a line means is for each user to decide.
"""

from __future__ import annotations

import importlib.util
import os
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache

from graph_loader.lang.levels import LOCAL_LEVELS


@dataclass(eq=False, slots=True)
class Division:
    """One province, prefecture or county line. Shared by every user: treat as read-only."""

    name: str  # full name as the file spells it
    level: str  # LOCAL_LEVELS[depth]: the file's depth, 0, 1 or 2 tabs (a municipality's own line is a "prefecture")
    code: str  # admin code; not unique (special regions' districts share one, so do a few zones)
    aliases: tuple[str, ...]  # the alias field split on "/", file order; may repeat the name
    parent: Division | None = field(default=None, repr=False)
    children: tuple[Division, ...] = field(default=(), repr=False)
    townships: tuple[str, ...] = field(default=(), repr=False)  # a county's lines below it, file order


def package_file(package: str, *parts: str) -> str:
    """A data file shipped inside an installed package, found without importing the package.

    A fresh jionlp ships `x.zip` and unzips it on its own first use; that is done here instead,
    into ~/.cache/safetykg, so the package directory need not be writable. An archive newer than
    the cached copy (an upgrade) is unzipped again.
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{package} is not installed; its data file {'/'.join(parts)} is needed")
    path = os.path.join(next(iter(spec.submodule_search_locations)), *parts)
    if os.path.exists(path):
        return path
    archive = os.path.splitext(path)[0] + ".zip"
    if not os.path.exists(archive):
        raise FileNotFoundError(f"{package}'s data file {'/'.join(parts)} is missing")
    cached = os.path.join(os.path.expanduser("~/.cache/safetykg"), package, *parts)
    if not os.path.exists(cached) or os.path.getmtime(cached) < os.path.getmtime(archive):
        os.makedirs(os.path.dirname(cached), exist_ok=True)
        with zipfile.ZipFile(archive) as z:
            member = next(n for n in z.namelist() if n.endswith(parts[-1]))
            tmp = f"{cached}.{os.getpid()}.tmp"  # concurrent workers: each writes its own, rename wins
            with z.open(member) as src, open(tmp, "wb") as dst:
                dst.write(src.read())
            os.replace(tmp, cached)
    return cached


def parse(path: str) -> tuple[Division, ...]:
    """Every division of a china_location file in file order, each parent before its children.

    As jionlp's loader: a province, prefecture or county line without exactly three fields is
    skipped (some districts have no code). Townships after such a line belong to no county.
    """
    out: list[Division] = []
    kids: dict[int, list[Division]] = {}  # id(division) -> its children, frozen into tuples at the end
    towns: dict[int, list[str]] = {}
    prov = pref = county = None
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("\t\t\t\t")]  # villages: 9/10 of the file
    for line in lines:
        depth = len(line) - len(line.lstrip("\t"))
        if depth == 3:
            name = line.strip()
            if county is not None and name:
                towns[id(county)].append(name)
            continue
        county = None
        parts = line.strip().split("\t")
        if len(parts) != 3:
            continue
        name, code, alias_field = parts
        aliases = tuple(a for a in alias_field.split("/") if a)
        if depth == 0:
            parent = None
        elif prov is None:
            continue
        else:
            parent = pref if depth == 2 and pref is not None else prov
        d = Division(name, LOCAL_LEVELS[depth], code, aliases, parent)
        out.append(d)
        kids[id(d)] = []
        if parent is not None:
            kids[id(parent)].append(d)
        if depth == 0:
            prov, pref = d, None
        elif depth == 1:
            pref = d
        else:
            county = d
            towns[id(d)] = []
    for d in out:
        d.children = tuple(kids[id(d)])
        d.townships = tuple(towns.get(id(d), ()))
    return tuple(out)


@lru_cache(maxsize=1)
def divisions() -> tuple[Division, ...]:
    """jionlp's divisions, parsed on first use (about 0.15 s) and kept for the process."""
    return parse(package_file("jionlp", "dictionary", "china_location.txt"))


@lru_cache(maxsize=1)
def provinces() -> tuple[Division, ...]:
    """The top of the tree, in file order."""
    return tuple(d for d in divisions() if d.parent is None)


@lru_cache(maxsize=1)
def former_names() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """jionlp's changes of divisions (dictionary/china_location_change.txt): (former full name, former short
    name, the current division's path parts) per change, file order (`彬县` → 陕西省 咸阳市 彬州市). Older
    reports name a division by the name it had then."""
    out = []
    with open(package_file("jionlp", "dictionary", "china_location_change.txt"), encoding="utf-8") as f:
        for line in f:
            if "=>" not in line:
                continue
            old, new = line.rstrip("\n").split("=>", 1)
            parts = old.split("\t")
            if len(parts) < 6:
                continue
            out.append((parts[-2], parts[-1], tuple(p for p in new.split("\t") if p)))
    return tuple(out)

