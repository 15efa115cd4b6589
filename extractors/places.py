"""Administrative units: which province a place name is, before and after the 2025 merger.

The tables come from the maintained package ``vietnamadminunits``, which ships both the
63 provinces in force until 30 June 2025 and the 34 units formed on 1 July 2025
(Nghị quyết 202/2025/QH15), with the mapping from the old units to the new.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

# Provinces merged on 1 July 2025 (Nghị quyết 202/2025/QH15, in force from that day).
MERGER_DATE = "2025-07-01"


@dataclass(frozen=True)
class Province:
    """A province-level unit as named in the units in force on some date."""

    code: str
    name: str  # "Tỉnh Gia Lai", "Thành phố Hà Nội"
    short: str  # "Gia Lai"
    system: str  # "63" (until 30/6/2025) or "34" (from 1/7/2025)

    @property
    def governed(self) -> str:
        """How a body names the unit it governs: "tỉnh Gia Lai", "thành phố Hà Nội"."""
        return self.name[:1].lower() + self.name[1:]


def _key(value: str) -> str:
    decomposed = unicodedata.normalize("NFD", value.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c)).lower()


@cache
def _tables() -> tuple[dict[str, Province], dict[str, Province], dict[str, str]]:
    # the package's data files, found without importing the package: its import builds its own
    # address parsers (~0.9 s, once per worker process), which nothing here uses
    spec = find_spec("vietnamadminunits")
    assert spec is not None and spec.submodule_search_locations, "vietnamadminunits is a dependency"
    package = Path(spec.submodule_search_locations[0]) / "data"
    legacy = json.loads((package / "parser_legacy.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    current = json.loads((package / "parser_from_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    merges = json.loads((package / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]

    def index(rows: dict, system: str) -> dict[str, Province]:
        by_key = {}
        for key, row in rows.items():
            province = Province(row["provinceCode"], row["province"], row["provinceShort"], system)
            by_key[key] = province
            for keyword in row["provinceKeywords"]:
                if len(keyword) > 3:
                    by_key.setdefault(keyword, province)
        return by_key

    successor = {old: new for new, olds in merges.items() for old in olds}
    return index(legacy, "63"), index(current, "34"), successor


# A pure lookup, asked once per mention of a place: cached per (name, date), bounded for long-running
# processes (the API) that see many documents.
@lru_cache(maxsize=8192)
def province(place: str, date: str | None = None) -> Province | None:
    """The province-level unit named ``place`` in the units in force on ``date`` (ISO)."""
    legacy, current, _ = _tables()
    key = _key(place)
    before_merger = date is None or date < MERGER_DATE
    first, second = (legacy, current) if before_merger else (current, legacy)
    return first.get(key) or second.get(key)


@cache  # at most one entry per unit (97): the lookup scans the legacy table
def successor(unit: Province) -> Province | None:
    """The 2025 unit that a 63-province unit became part of."""
    legacy, current, successors = _tables()
    if unit.system == "34":
        return unit
    legacy_key = next((k for k, v in legacy.items() if v == unit and k.startswith(("tinh", "thanhpho"))), None)
    new_key = successors.get(legacy_key or "")
    return current.get(new_key) if new_key else None


def governed_unit(place: str, date: str | None = None) -> str:
    """How a local body names its territory: "Gia Lai" → "tỉnh Gia Lai"; unknown places as given."""
    unit = province(place, date)
    return unit.governed if unit else place
