"""What the upload page accepts, and where it puts files: limits, types, sanitised names.

A file name from the browser is data: it is reduced to one safe path component
(no directories, no leading dots, no control characters), so
`../../etc/passwd.txt` lands as `etc_passwd.txt` inside `<workspace>/uploads/`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ALLOWED_SUFFIXES = (".txt", ".html", ".htm")
MAX_FILES = 20
MAX_BYTES = 2 * 1024 * 1024  # per file


@dataclass
class UploadCheck:
    name: str  # as sent by the browser
    safe_name: str
    ok: bool
    reason: str = ""  # a labels.yaml key when not ok


def safe_filename(name: str) -> str:
    """One path component made of word characters (any script), dots, dashes and underscores."""
    name = unicodedata.normalize("NFKC", name).replace("\\", "/")
    parts = [p for p in name.split("/") if p not in ("", ".", "..")]
    stem = "_".join(parts) if parts else "upload"
    stem = re.sub(r"[^\w.\-]", "_", stem)  # \w is Unicode-aware: Chinese names survive
    stem = re.sub(r"_+", "_", stem).lstrip("._-") or "upload"
    if len(stem) > 120:
        suffix = Path(stem).suffix[:10]
        stem = stem[: 120 - len(suffix)] + suffix
    return stem


def check_uploads(files: list[tuple[str, int]]) -> list[UploadCheck]:
    """Check (name, size) pairs against type, size and count limits, in order."""
    out: list[UploadCheck] = []
    accepted = 0
    for name, size in files:
        safe = safe_filename(name)
        if Path(safe).suffix.lower() not in ALLOWED_SUFFIXES:
            out.append(UploadCheck(name, safe, False, "reason_type"))
        elif size <= 0:
            out.append(UploadCheck(name, safe, False, "reason_empty"))
        elif size > MAX_BYTES:
            out.append(UploadCheck(name, safe, False, "reason_size"))
        elif accepted >= MAX_FILES:
            out.append(UploadCheck(name, safe, False, "reason_count"))
        else:
            accepted += 1
            out.append(UploadCheck(name, safe, True))
    return out


def upload_path(uploads_dir: Path, safe_name: str) -> Path:
    """A fresh path inside `uploads_dir` (never outside it; never overwriting another upload)."""
    uploads_dir = uploads_dir.resolve()
    target = (uploads_dir / safe_filename(safe_name)).resolve()
    if target.parent != uploads_dir:  # defence in depth: safe_filename already prevents this
        raise ValueError("upload path escapes the uploads folder")
    stem, suffix, i = target.stem, target.suffix, 1
    while target.exists():
        target = uploads_dir / f"{stem}-{i}{suffix}"
        i += 1
    return target
