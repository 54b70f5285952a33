"""The extraction stage's language data files (`lexicon/`), read through the core's one loader."""

from __future__ import annotations

from pathlib import Path

from graph_loader.lang.lexicon import Lexicon, alternation

LEXICON_DIR = Path(__file__).with_name("lexicon")
LEXICON = Lexicon(LEXICON_DIR)
rows = LEXICON.rows
words = LEXICON.words

__all__ = ["LEXICON", "LEXICON_DIR", "alternation", "rows", "words"]
