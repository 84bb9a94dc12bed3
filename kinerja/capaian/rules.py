"""Capaian (achievement) rules: pure functions, no I/O but the rating-band file.

capaian = realisasi / target x 100 for 'naik'; (2 - realisasi / target) x 100 for 'turun'
(PermenPAN-RB, kondisi khusus). A missing or zero target, or a missing realisation, cannot be rated:
the result is None ("belum dapat dinilai"), never 0 or 100.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kinerja.paths import BANDS_FILE
from kinerja.vocab import METHODS, NOT_RATED, POLARITIES, QUARTERS

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


def default_methods(kategori: pd.Series, satuan: pd.Series) -> pd.Series:
    """How to roll quarters up when the officer has not said: a percentage is never summed."""
    by_category = kategori.map(DEFAULT_METHOD).fillna("kumulatif").astype(object)
    return by_category.where(satuan.to_numpy() != "%", "posisi")


def default_method(kategori: str, satuan: str = "") -> str:
    """`default_methods` for one indicator."""
    return default_methods(pd.Series([kategori]), pd.Series([satuan])).iloc[0]


@dataclass(frozen=True)
class Band:
    name: str
    lower: float
    colour: str = NEUTRAL


def achievements(target: pd.Series, realisation: pd.Series, polarity: pd.Series) -> pd.Series:
    """Capaian in % per row, NaN where it cannot be rated (no target, a zero target, no realisation)."""
    target, realisation = _numbers(target), _numbers(realisation)
    _check_known(polarity, POLARITIES, "polaritas", "naik atau turun")
    ratio = realisation / target.where(target != 0)
    return (ratio.where(polarity != "turun", 2 - ratio) * 100).rename("capaian")


def roll_ups(quarters: pd.DataFrame, method: pd.Series, annual: pd.Series | None = None) -> pd.Series:
    """The year's realisation per row from the quarter columns given (in order), by each row's method;
    an annual figure, where reported, is the year's value as stated.

    kumulatif: sum of the quarters reported; posisi: the last quarter reported;
    rilis: the single published value (the last one reported, if several were).
    """
    _check_known(method, METHODS, "metode", ", ".join(METHODS))
    reported = quarters.apply(_numbers)
    summed = reported.sum(axis=1, min_count=1)
    last = reported.ffill(axis=1).iloc[:, -1] if len(reported.columns) else summed
    year = summed.where(method == "kumulatif", last)
    return year if annual is None else _numbers(annual).fillna(year)


def achievement(target: float | None, realisation: float | None, polarity: str = "naik") -> float | None:
    """Capaian in %, or None when it cannot be rated (`achievements` for one indicator)."""
    return _one(achievements(pd.Series([target]), pd.Series([realisation]), pd.Series([polarity])))


def roll_up(quarters: dict[str, float | None], method: str, annual: float | None = None) -> float | None:
    """The year's realisation of one indicator (`roll_ups` for one row)."""
    given = pd.DataFrame([{q: quarters.get(q) for q in QUARTERS if q in quarters}])
    return _one(roll_ups(given, pd.Series([method]), pd.Series([annual])))


def load_bands(path: Path = BANDS_FILE) -> list[Band]:
    """Rating bands from the configuration file, highest first."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    bands = [Band(r["predikat"].strip(), float(r["batas_bawah"]), (r.get("warna") or NEUTRAL).strip()) for r in rows]
    bands.sort(key=lambda b: -b.lower)
    if not bands:
        raise ValueError(f"{path}: tidak ada pita penilaian")
    return bands


def ratings(capaian: pd.Series, bands: list[Band]) -> pd.Series:
    """The band each capaian falls in (its lower bound reached; below every bound, the lowest band), or
    'Belum dapat dinilai'."""
    capaian = _numbers(capaian)
    named = pd.Series(NOT_RATED, index=capaian.index, dtype=object)
    named[capaian.notna()] = bands[-1].name
    for band in reversed(bands):  # highest last, so each capaian ends in the highest band it reaches
        named[capaian >= band.lower] = band.name
    return named


def rating(capaian: float | None, bands: list[Band]) -> str:
    """The band one capaian falls in, or 'Belum dapat dinilai'."""
    return ratings(pd.Series([capaian]), bands).iloc[0]


def _numbers(values: pd.Series) -> pd.Series:
    """Numbers as float64, None and NaN alike missing."""
    return pd.to_numeric(values).astype("float64")


def _one(values: pd.Series) -> float | None:
    value = values.iloc[0]
    return None if pd.isna(value) else float(value)


def _check_known(values: pd.Series, known, what: str, expected: str) -> None:
    unknown = sorted(set(pd.unique(values.dropna())) - set(known))
    if unknown:
        raise ValueError(f"{what} '{unknown[0]}' tidak dikenal ({expected})")
