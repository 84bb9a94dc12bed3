"""The rules file of indicator quality (data/config/kualitas.toml), read: the criteria in their order,
each with its title, weight, explanation and settings. The build applies them (kinerja/build/quality.py);
the pages, the deck and the command line show their titles and explanations beside the verdicts. A
criterion the file does not describe, or one it names that has no rule, stops with a message."""

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kinerja.errors import BuildError
from kinerja.paths import QUALITY_FILE

CRITERIA = ("formula", "satuan", "target", "sumber_data", "hasil", "duplikat", "salin_tempel")


@dataclass(frozen=True)
class Criterion:
    key: str
    judul: str
    bobot: float
    penjelasan: str
    settings: dict = field(default_factory=dict)  # the criterion's word lists and thresholds, and the shared [kata]


def load_rules(path: Path | None = None) -> list[Criterion]:
    """The criteria of the rules file, in the order of CRITERIA."""
    path = Path(path or QUALITY_FILE)
    try:
        written = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise BuildError(f"{path}: aturan kualitas tidak terbaca ({error})") from error
    described, shared = written.get("kriteria", {}), written.get("kata", {})
    unknown, missing = sorted(set(described) - set(CRITERIA)), [k for k in CRITERIA if k not in described]
    if unknown or missing:
        said = [
            f"kriteria tanpa aturan: {', '.join(unknown)}" if unknown else "",
            f"kriteria tidak ada: {', '.join(missing)}" if missing else "",
        ]
        raise BuildError(f"{path}: {'; '.join(s for s in said if s)} (yang dikenal: {', '.join(CRITERIA)})")
    rules = []
    for key in CRITERIA:
        entry = dict(described[key])
        try:
            judul, bobot, penjelasan = entry.pop("judul"), float(entry.pop("bobot")), " ".join(entry.pop("penjelasan").split())
        except (KeyError, ValueError, TypeError) as error:
            raise BuildError(f"{path}: kriteria {key} perlu judul, bobot (angka) dan penjelasan ({error})") from error
        rules.append(Criterion(key, judul, bobot, penjelasan, {**shared, **entry}))
    return rules


@cache
def shipped() -> tuple[Criterion, ...]:
    """The criteria of the rules file in use, read once per process."""
    return tuple(load_rules())
