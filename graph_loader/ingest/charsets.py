"""The common-character table used to tell real Chinese from misdecoded bytes.

`common_chars.txt` holds the most frequent simplified characters (by summed word
frequency in jieba's dictionary) followed by their traditional forms; real text
is mostly made of them, bytes read in the wrong encoding mostly are not.
Regenerate with `python -m graph_loader.ingest.charsets`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from graph_loader.lang.chars import is_han

_TABLE = Path(__file__).with_name("common_chars.txt")
TOP_N = 1500


@lru_cache(maxsize=1)
def common_cjk() -> frozenset[str]:
    """Frequent CJK characters (simplified and traditional) plus CJK punctuation."""
    chars = set(_TABLE.read_text(encoding="utf-8").replace("\n", ""))
    chars.update("，。、；：？！“”‘’（）《》【】〔〕…—·「」『』　％＋－～０１２３４５６７８９")
    return frozenset(chars)


def build_table(top_n: int = TOP_N) -> str:
    """Rank characters by the frequency of the jieba words they occur in."""
    import importlib.resources
    from collections import Counter

    import opencc

    freq: Counter[str] = Counter()
    dict_path = importlib.resources.files("jieba") / "dict.txt"
    with dict_path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, count = parts[0], int(parts[1])
            for c in word:
                if is_han(c):
                    freq[c] += count
    simplified = [c for c, _ in freq.most_common(top_n)]
    s2t = opencc.OpenCC("s2t")
    traditional = [t for c in simplified if (t := s2t.convert(c)) != c and len(t) == 1]
    return "".join(simplified) + "\n" + "".join(dict.fromkeys(traditional)) + "\n"


if __name__ == "__main__":
    _TABLE.write_text(build_table(), encoding="utf-8")
    print(f"wrote {_TABLE}")
