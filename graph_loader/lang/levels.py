"""Administrative levels, the characters that name them, and the roles a person has at a meeting.

One ordering each, highest first: the centre before a province before a prefecture (市, 州, 盟)
before a county (县, 区, 旗, county-level 市) before a township (镇, 乡); a meeting's chair before
its speakers before its attendees. A rank is the position in that order (0 = national, 0 = chair),
so `min` picks the highest and sorting by rank lists the highest first.
"""

from __future__ import annotations

from typing import Literal, get_args

Level = Literal["national", "province", "prefecture", "county", "township"]
LEVELS: tuple[Level, ...] = get_args(Level)
LEVEL_RANK: dict[str, int] = {level: i for i, level in enumerate(LEVELS)}
LOCAL_LEVELS: tuple[Level, ...] = LEVELS[1:]
"""The levels of a place in the gazetteer (everything but the centre)."""

LEVEL_CHARS = "省市县区州旗盟镇乡"
"""The characters that end a place name by its level; alone (`省委`, `我县`) each means a level of the
article's own region."""
CHAR_LEVEL: dict[str, Level] = {"省": "province", "州": "prefecture", "盟": "prefecture", "县": "county",
                                "区": "county", "旗": "county", "镇": "township", "乡": "township"}
"""The level a level character says by itself; `市` is absent: a prefecture or a county-level city."""
CITY_CHAR = "市"

Role = Literal["chair", "speaker", "attendee"]
ROLES: tuple[Role, ...] = get_args(Role)
ROLE_RANK: dict[str, int] = {role: i for i, role in enumerate(ROLES)}


def higher_role(a: str, b: str) -> bool:
    """`a` outranks `b` (a chair outranks a speaker)."""
    return ROLE_RANK[a] < ROLE_RANK[b]
