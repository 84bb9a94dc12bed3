"""The indicator's identity: one id per indicator row, stable across rebuilds, unique in the country.

The id depends on what the row says (its region, year, position, wording and which occurrence of that
wording in the position it is), never on where the file lies, so imported values stay attached after a
rebuild. Kecamatan names repeat across Indonesia (several "Sukamaju"), hence the kabupaten in the key.
Ids made before the kabupaten was part of the key (`former_indicator_id`) are still recognised, so
values imported against them are carried over (`former_ids`)."""

import hashlib
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

ID_KEY = ["kabupaten", "kecamatan", "tahun", "jabatan_baku", "indikator"]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _digest(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()[:10]


def indicator_id(kabupaten: str, kecamatan: str, tahun: int, jabatan_baku: str, indikator: str, occurrence: int) -> str:
    """'lumajang-2023-1a2b3c4d5e': readable prefix, hash over the whole key."""
    key = f"{kabupaten.lower()}|{kecamatan.lower()}|{tahun}|{jabatan_baku.lower()}|{indikator.lower()}|{occurrence}"
    return f"{_slug(kecamatan)}-{tahun}-{_digest(key)}"


def sasaran_id(kabupaten: str, kecamatan: str, tahun: int, jabatan_baku: str, sasaran: str, occurrence: int) -> str:
    """One sasaran of one position of one document (Pohon kinerja), made as `indicator_id` is: what an
    officer's link is keyed to, so it holds across rebuilds and stops matching when the words change."""
    key = f"sasaran|{kabupaten.lower()}|{kecamatan.lower()}|{tahun}|{jabatan_baku.lower()}|{sasaran.lower()}|{occurrence}"
    return f"{_slug(kecamatan)}-{tahun}-s{_digest(key)}"


def cluster_id(jabatan_baku: str, wording: str) -> str:
    """A cluster of Harmonisasi, by its position and its most typical wording (normalised)."""
    return f"k{_digest(f'klaster|{jabatan_baku.lower()}|{wording}')}"


def former_indicator_id(kecamatan: str, tahun: int, jabatan_baku: str, indikator: str, occurrence: int) -> str:
    """The id as it was made before the kabupaten was part of the key."""
    key = f"{kecamatan.lower()}|{tahun}|{jabatan_baku.lower()}|{indikator.lower()}|{occurrence}"
    return f"{_slug(kecamatan)}-{tahun}-{_digest(key)}"


def former_ids(indicators: pd.DataFrame) -> dict[str, str]:
    """Former id -> id, for indicators in document order (a row's occurrence is its rank among the
    rows of its document and position worded alike, as the build counts it)."""
    if indicators.empty:
        return {}
    wording = indicators["indikator"].str.lower()
    occurrence = indicators.groupby([*ID_KEY[:4], wording], sort=False).cumcount() + 1
    rows = zip(*(indicators[c] for c in ID_KEY[1:]), occurrence, strict=True)
    former = [former_indicator_id(kec, int(tahun), baku, text, int(n)) for kec, tahun, baku, text, n in rows]
    return dict(zip(former, indicators["indikator_id"], strict=True))


def id_series(ids) -> pd.Series:
    """Ids given as a Series, a list or a set, as a Series of text."""
    return pd.Series(ids if isinstance(ids, pd.Series) else list(ids), dtype="str")


def among(ids: pd.Series, known) -> np.ndarray:
    """Whether each of `ids` is one of `known`, by Arrow's hash lookup: pandas' isin took 8 s to check a
    country's stored values against its 1,3 million indicators."""
    text = pa.large_string()
    return pc.is_in(pa.array(ids, text), value_set=pa.array(id_series(known), text)).to_numpy(zero_copy_only=False)
