"""Interface labels in Chinese and English, read once from labels.yaml; data is never translated."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

LANGS = ("zh", "en")
LANG_NAMES = {"zh": "中文", "en": "English"}
LABELS_FILE = Path(__file__).with_name("labels.yaml")


@cache
def labels() -> dict[str, dict[str, str]]:
    return yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))


def current_lang() -> str:
    """The language chosen in the sidebar (session state key `lang`), Chinese by default."""
    import streamlit as st

    lang = st.session_state.get("lang", "zh")
    return lang if lang in LANGS else "zh"


def t(key: str, lang: str | None = None, **fmt: object) -> str:
    """The label `key` in the current language; an unknown key shows as itself, never raises."""
    entry = labels().get(key)
    if entry is None:
        return key
    text = entry.get(lang or current_lang()) or entry.get("en") or key
    return text.format(**fmt) if fmt else text


def level_label(level: str | None, lang: str | None = None) -> str:
    return t(f"level_{level or 'unknown'}", lang)


def role_label(role: str | None, lang: str | None = None) -> str:
    return t(f"role_{role}", lang) if role else ""
