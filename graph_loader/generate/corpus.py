"""`generate(count, seed, out)`: a corpus of generated articles with their gold, streamed to disk.

Article i depends only on (seed, count, i): it draws from its own `random.Random`
seeded with "seed:i", so the corpus is byte-identical on every run and nothing
is held in memory but the article being written. What articles share is drawn
from the seed alone: campaigns (a directive issued at the centre and relayed by
one province's regions over the following days and weeks) and the names of the
officials of each region and post (names.py), so the same people and directives
recur across articles for resolution and propagation queries to find.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from hashlib import blake2b
from pathlib import Path

from .gazetteer import Gazetteer, Region, load_gazetteer
from .lexicon import Lexicon, load_lexicon
from .names import NameMaker
from .story import (
    ArticleBuilder,
    Campaign,
    story_chain,
    story_entry,
    story_feedback,
    story_meeting,
)
from .surface import render

FIRST_YEAR, LAST_YEAR = 2017, 2025
# story kind -> weight
STORIES = {"study": 18, "plenary": 12, "deploy": 15, "feedback": 20, "entry": 12, "chain": 23}
# days after the directive's issue that each level relays it
RELAY_DELAY = {"province": (1, 10), "prefecture": (3, 20), "county": (5, 40)}


@dataclass
class Article:
    doc_id: str
    text: str
    gold: dict


class Generator:
    """The shared world of one corpus (seed, campaigns, names) and the article factory."""

    def __init__(self, count: int, seed: int, traditional_rate: float = 0.3):
        self.count, self.seed = count, seed
        self.traditional_rate = traditional_rate
        self.lex: Lexicon = load_lexicon()
        self.gaz: Gazetteer = load_gazetteer()
        self.names = NameMaker(seed, self.lex, self.gaz.all_names)
        self.n_campaigns = max(4, count // 25)
        self._campaigns: dict[int, Campaign] = {}
        self.width = max(3, len(str(max(count - 1, 0))))
        self._usable = {r.path: not self.lex.sectors_in(r.path) for r in self._all_regions()}

    def _all_regions(self) -> Iterator[Region]:
        for p in self.gaz.provinces:
            yield p
            for q in self.gaz.prefectures[p.name]:
                yield q
                yield from self.gaz.counties[q.path]

    def campaign(self, k: int) -> Campaign:
        c = self._campaigns.get(k)
        if c is None:
            rng = random.Random(f"{self.seed}:campaign:{k}")
            directive = rng.choice(self.lex.directives)
            year = rng.randint(max(FIRST_YEAR, directive.year or 0), LAST_YEAR)  # not before its title's year
            issued = date(year, 1, 5) + timedelta(days=rng.randint(0, 240))
            c = Campaign(directive, issued, rng.choice(self.gaz.provinces))
            self._campaigns[k] = c
        return c

    def _pick(self, rng: random.Random, items: list[Region]) -> Region:
        for _ in range(20):
            r = rng.choice(items)
            if self._usable[r.path]:
                return r
        return r

    def region(self, rng: random.Random, level: str, province: Region | None = None) -> Region:
        prov = province or rng.choice(self.gaz.provinces)
        if level == "province":
            return prov
        pref = self._pick(rng, self.gaz.prefectures[prov.name])
        if level == "prefecture":
            return pref
        return self._pick(rng, self.gaz.counties[pref.path])

    def doc_id(self, i: int) -> str:
        h = blake2b(f"{self.seed}:{i}".encode(), digest_size=8).hexdigest()
        return f"{i:0{self.width}d}_{h}"

    def article(self, i: int) -> Article:
        rng = random.Random(f"{self.seed}:{i}")
        doc_id = self.doc_id(i)
        kind = rng.choices(list(STORIES), weights=list(STORIES.values()))[0]
        campaign = self.campaign(rng.randrange(self.n_campaigns))
        dateline = rng.random() < 0.7 or campaign.directive.has_year
        b = ArticleBuilder(rng, self.lex, self.gaz, self.names, doc_id, dateline)
        if kind in ("study", "plenary", "deploy"):
            level = rng.choice(["province", "prefecture", "prefecture", "county", "county", "county"])
            region = self.region(rng, level, campaign.province)
            lo, hi = RELAY_DELAY[level]
            d = campaign.issued + timedelta(days=rng.randint(lo, hi))
            draft = story_meeting(b, region, d, kind, campaign)
        elif kind == "chain":
            level = "county" if rng.random() < 0.7 else "prefecture"
            region = self.region(rng, level, campaign.province)
            d0 = campaign.issued + timedelta(days=rng.randint(1, 7))
            draft = story_chain(b, region, d0, campaign)
        else:
            level = rng.choices(["province", "prefecture", "county"], weights=[2, 3, 5])[0]
            region = self.region(rng, level)
            year = rng.randint(FIRST_YEAR, LAST_YEAR)
            start = date(year, 1, 5) + timedelta(days=rng.randint(0, 200))
            draft = (story_feedback if kind == "feedback" else story_entry)(b, region, start)
        text, gold = render(b, draft, self.traditional_rate)
        return Article(doc_id, text, gold)

    def __iter__(self) -> Iterator[Article]:
        for i in range(self.count):
            yield self.article(i)


def _write(out: Path, art: Article) -> None:
    (out / "texts" / f"{art.doc_id}.txt").write_text(art.text, encoding="utf-8")
    (out / "gold" / f"{art.doc_id}.json").write_text(
        json.dumps(art.gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


_worker: tuple[Generator, Path] | None = None


def _init_worker(count: int, seed: int, out: Path, traditional_rate: float) -> None:
    global _worker
    _worker = (Generator(count, seed, traditional_rate), out)


def _write_range(span: tuple[int, int]) -> int:
    assert _worker is not None
    gen, out = _worker
    for i in range(*span):
        _write(out, gen.article(i))
    return span[1] - span[0]


def generate(count: int, seed: int, out: str | Path, traditional_rate: float = 0.3, workers: int = 1) -> None:
    """Write `out/texts/<doc_id>.txt` (UTF-8) and `out/gold/<doc_id>.json` for `count` articles.

    Articles are independent given the seed, so `workers` processes can write disjoint
    index ranges; the files are the same bytes whatever the number of workers.
    """
    out = Path(out)
    (out / "texts").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    if workers <= 1 or count < 200:
        for art in Generator(count, seed, traditional_rate):
            _write(out, art)
        return
    import multiprocessing

    step = 250
    spans = [(i, min(i + step, count)) for i in range(0, count, step)]
    with multiprocessing.Pool(workers, _init_worker, (count, seed, out, traditional_rate)) as pool:
        for _ in pool.imap_unordered(_write_range, spans):
            pass
