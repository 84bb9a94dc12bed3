"""The key views of the current filters, each a chart, a one-line takeaway computed from the data,
and the table behind it. Presentation mode, the slide deck, the workbook and the command line all
show these same views, so what is said in a meeting is what is handed out afterwards."""

from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from kinerja import capaian, charts, db
from kinerja.achievement import NOT_RATED, load_bands
from kinerja.filters import Filters
from kinerja.labels import angka, persen, readable
from kinerja.vocab import BIDANG_LABELS, JENIS_LABELS
from kinerja.vocab import TERUKUR as MEASURABLE

MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


@dataclass
class View:
    key: str
    judul: str
    pesan: str
    figure: go.Figure
    tabel: pd.DataFrame

    @property
    def lembar(self) -> str:
        """The workbook sheet name: the title, within Excel's 31 characters."""
        return self.judul.replace("Target vs realisasi (DATA CONTOH ILUSTRATIF)", "Capaian (CONTOH ILUSTRATIF)")[:31]


def describe(filters: Filters) -> str:
    """The filters in words, for slide titles and file headers."""
    parts = []
    if filters.kecamatan:
        parts.append("Kecamatan " + ", ".join(filters.kecamatan))
    if filters.kabupaten:
        parts.append("Kabupaten " + ", ".join(filters.kabupaten))
    if filters.tahun:
        parts.append("Tahun " + ", ".join(map(str, filters.tahun)))
    if filters.jenis:
        parts.append("Jenis jabatan: " + ", ".join(JENIS_LABELS.get(j, j) for j in filters.jenis))
    if filters.bidang:
        parts.append("Bidang: " + ", ".join(BIDANG_LABELS.get(b, b) for b in filters.bidang))
    if filters.jabatan:
        parts.append("Jabatan: " + ", ".join(filters.jabatan))
    if filters.teks:
        parts.append(f"Jabatan memuat '{filters.teks}'")
    return "; ".join(parts) or "Semua kecamatan, tahun, dan jabatan"


def tanggal(day: date | None = None) -> str:
    day = day or date.today()
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _ringkasan(con, params) -> View | None:
    frame = db.run_query(con, "ringkasan_kecamatan", **params)
    total = int(frame["indikator"].sum())
    if not total:
        return None
    measured = int(frame["terukur"].sum())
    message = (
        f"{angka(measured)} dari {angka(total)} indikator ({persen(measured, total)}) punya formula yang menghitung capaian."
    )
    return View("ringkasan", "Indikator per kecamatan", message, charts.indicators_per_kecamatan(frame), readable(frame))


def _cakupan(con, params) -> View:
    frame = db.run_query(con, "cakupan_jenis", **params)
    rows = db.run_query(con, "jelajah_indikator", **params, cari="")
    staff = rows[rows["jenis_jabatan"] == "pelaksana"]
    kecamatan = sorted(rows["kecamatan"].unique())
    with_target = set(staff[staff["target"].notna()]["kecamatan"])
    without = [k for k in kecamatan if k not in with_target]
    if staff.empty:
        message = "Tidak ada indikator jabatan pelaksana dalam filter ini."
    else:
        message = f"{len(without)} dari {len(kecamatan)} kecamatan belum menetapkan target untuk jabatan pelaksana."
    figure = charts.coverage_heatmap(frame, "jenis_jabatan", JENIS_LABELS, "Indikator per kecamatan dan jenis jabatan")
    return View("cakupan", "Cakupan jabatan", message, figure, readable(frame))


def _kategori(con, params) -> View:
    frame = db.run_query(con, "kategori_per_kecamatan", **params)
    share = (
        frame.assign(terukur=frame["kategori_formula"].isin(MEASURABLE) * frame["indikator"])
        .groupby("kecamatan")[["terukur", "indikator"]]
        .sum()
    )
    share["persen"] = 100 * share["terukur"] / share["indikator"]
    high, low = share["persen"].idxmax(), share["persen"].idxmin()
    if high == low:
        message = f"{persen(share.loc[high, 'terukur'], share.loc[high, 'indikator'])} indikator {high} dapat diukur capaiannya."
    else:
        message = (
            f"Porsi indikator terukur tertinggi di {high} ({angka(share.loc[high, 'persen'])}%), "
            f"terendah di {low} ({angka(share.loc[low, 'persen'])}%)."
        )
    figure = charts.category_mix(frame, "kecamatan", "Kecamatan", "Campuran kategori formula per kecamatan")
    return View("kategori", "Kategori formula", message, figure, readable(frame))


def _capaian(con, filters: Filters) -> View:
    everything = capaian.indicators(con)
    rows = capaian.indicators(con, filters)
    stored = capaian.stored_values(con)
    if stored.empty:
        values, suffix = capaian.example_values(everything), capaian.EXAMPLE_SUFFIX
    else:
        values, suffix = stored, ""
    table = capaian.capaian_table(rows, values, load_bands())
    unrated = int((table["predikat"] == NOT_RATED).sum())
    rated = table[table["predikat"] != NOT_RATED]
    median = f"median capaian {angka(rated['capaian'].median(), 1)}%" if len(rated) else "belum ada yang dinilai"
    message = f"{angka(unrated)} dari {angka(len(table))} indikator belum dapat dinilai; {median}{suffix.lower()}."
    figure = charts.band_distribution(table, f"Predikat capaian per kecamatan{suffix}")
    columns = ["kecamatan", "jabatan_baku", "indikator", "target", "realisasi", "capaian", "predikat"]
    return View("capaian", f"Target vs realisasi{suffix}", message, figure, readable(table[columns].round({"capaian": 1})))


def key_views(con, filters: Filters) -> list[View]:
    """Ringkasan, cakupan, kategori, capaian: the views a meeting steps through, in that order."""
    params = filters.params()
    first = _ringkasan(con, params)
    if first is None:
        return []
    return [first, _cakupan(con, params), _kategori(con, params), _capaian(con, filters)]
