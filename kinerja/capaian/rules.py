"""Capaian (achievement) rules: pure functions, no I/O but the rating-band file.

capaian = realisasi / target x 100 for 'naik'; (2 - realisasi / target) x 100 for 'turun'
(PermenPAN-RB, kondisi khusus). A missing or zero target, or a missing realisation, cannot be rated:
the result is None ("belum dapat dinilai"), never 0 or 100.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from kinerja.paths import BANDS_FILE
from kinerja.vocab import METHODS, NOT_RATED, QUARTERS

NEUTRAL = "#999999"  # a band's colour when the configuration names none

# How a quarter series becomes the year, by how the indicator is measured.
DEFAULT_METHOD = {
    "jumlah": "kumulatif",
    "deskriptif": "kumulatif",
    "tanpa_formula": "kumulatif",
    "persentase": "posisi",
    "rasio": "posisi",
    "komposit": "posisi",
    "perubahan": "posisi",
    "indeks": "rilis",
}


def default_method(kategori: str, satuan: str = "") -> str:
    """How to roll quarters up when the officer has not said: a percentage is never summed."""
    return "posisi" if satuan == "%" else DEFAULT_METHOD.get(kategori, "kumulatif")


@dataclass(frozen=True)
class Band:
    name: str
    lower: float
    colour: str = NEUTRAL


def achievement(target: float | None, realisation: float | None, polarity: str = "naik") -> float | None:
    """Capaian in %, or None when it cannot be rated."""
    if target is None or realisation is None or target == 0 or _missing(target) or _missing(realisation):
        return None
    ratio = realisation / target
    if polarity == "turun":
        return (2 - ratio) * 100
    if polarity == "naik":
        return ratio * 100
    raise ValueError(f"polaritas '{polarity}' tidak dikenal (naik atau turun)")


def roll_up(quarters: dict[str, float | None], method: str, annual: float | None = None) -> float | None:
    """The year's realisation from TW1-TW4 by the indicator's method; an annual figure, when
    reported, is the year's value as stated.

    kumulatif: sum of the quarters reported; posisi: the last quarter reported;
    rilis: the single published value (the last one reported, if several were).
    """
    if annual is not None and not _missing(annual):
        return annual
    reported = [quarters.get(q) for q in QUARTERS if quarters.get(q) is not None and not _missing(quarters.get(q))]
    if not reported:
        return None
    if method == "kumulatif":
        return float(sum(reported))
    if method in ("posisi", "rilis"):
        return reported[-1]
    raise ValueError(f"metode '{method}' tidak dikenal ({', '.join(METHODS)})")


def load_bands(path: Path = BANDS_FILE) -> list[Band]:
    """Rating bands from the configuration file, highest first."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    bands = [Band(r["predikat"].strip(), float(r["batas_bawah"]), (r.get("warna") or NEUTRAL).strip()) for r in rows]
    bands.sort(key=lambda b: -b.lower)
    if not bands:
        raise ValueError(f"{path}: tidak ada pita penilaian")
    return bands


def rating(capaian: float | None, bands: list[Band]) -> str:
    """The band a capaian falls in (its lower bound reached), or 'Belum dapat dinilai'."""
    if capaian is None or _missing(capaian):
        return NOT_RATED
    for band in bands:
        if capaian >= band.lower:
            return band.name
    return bands[-1].name


def _missing(value) -> bool:
    return value != value  # NaN from pandas
