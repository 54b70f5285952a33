"""Generated articles in the genre, with gold records correct by construction (issue 8)."""

from .corpus import Generator, generate

__all__ = ["Generator", "generate"]
