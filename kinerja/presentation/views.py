"""One View per question: a title, a takeaway sentence computed from the data, a figure and the table
behind it. Each is built here once, from named queries; the dashboard page, presentation mode, the
slide deck, the workbook and the command line all draw these same objects, so what is said in a
meeting is word for word what the dashboard shows.

A builder returns None when the filters leave nothing to show.
"""

import re
from dataclasses import dataclass, field, replace

import pandas as pd
import plotly.graph_objects as go

from kinerja import db, quality_rules, similarity
from kinerja.capaian.assembly import NO_REALISATION, NO_TARGET, Capaian, assemble, quarterly_progress
from kinerja.filters import Filters
from kinerja.indonesian import format_number, format_percent, format_value
from kinerja.presentation import charts
from kinerja.presentation.text import distinct_names
from kinerja.vocab import (
    BIDANG_LABELS,
    CHANGE_LABELS,
    COLUMN_LABELS,
    JENIS_LABELS,
    KATEGORI_LABELS,
    LEVEL_LABELS,
    MAX_HEADLINE_NAMED,
    MAX_NAMED,
    MAX_PLACES,
    NOT_RATED,
    SHARED,
    STANDARD_SHARE,
    TARGET_MOVE_LABELS,
    TERUKUR,
    UNIQUE,
    place_names,
    readable,
    supported_kinds,
    told_apart,
)

EXAMPLE_SHEET = " (CONTOH ILUSTRATIF)"
JABATAN_TIPIS = "Jabatan dengan tabel kosong atau tipis"
INDIKATOR_SEL = "Lihat indikator di balik satu sel"
NARROW_FOR_CELLS = (
    "Matriks di atas menjumlahkan banyak kecamatan per sel. Pilih provinsi atau kabupaten/kota di panel Filter "
    "untuk melihat indikator satu kecamatan."
)
SUMMED = "Grafik menjumlahkan per {noun}, semua tahun bersama: kecamatan terlalu banyak untuk disebut satu per satu."
UNLISTED = (
    "{jumlah} indikator tanpa nilai tersimpan dihitung per dokumen, tidak didaftar satu per satu: "
    "persempit filter untuk daftarnya."
)
ALL_PLACES = "Semua kecamatan"  # a quarterly line over every kecamatan of the filters ('Semua kecamatan 2024')
PAGE_ROWS = 500  # rows of a table sent to the browser at once; the rest are a page away or downloaded
EVERY_ROW = {"mulai": 0, "baris": None}  # daftar_indikator without a page limit


@dataclass
class View:
    key: str
    judul: str  # the question's title: slide title, sheet name, page section
    pesan: str  # the takeaway, computed from the data
    tabel: pd.DataFrame  # the table behind it, with Indonesian headers and labels
    figure: go.Figure | None = None
    angka: list[tuple[str, str]] = field(default_factory=list)  # headline figures (label, value) for the page
    rincian: list[str] = field(default_factory=list)  # further facts the page lists under the takeaway
    judul_tabel: str = ""  # a heading over the table on the page
    rows: pd.DataFrame | None = None  # the rows with codes, for pages that draw details
    lembar: str = ""  # the workbook sheet name, when the title does not fit
    utama: tuple[str, ...] = ()  # the table's most important columns: first, and kept in view on the page
    jumlah: int | None = None  # rows of the whole table, when `tabel` holds one page of them

    @property
    def sheet(self) -> str:
        """The workbook sheet name: within Excel's 31 characters, without the characters Excel refuses in
        one ("per kabupaten/kota" becomes "per kabupaten-kota")."""
        return re.sub(r"[\\/:*?\[\]]", "-", self.lembar or self.judul)[:31]


def _run(con, name: str, filters: Filters, **params) -> pd.DataFrame:
    return db.run_query(con, name, **filters.params(), **params)


def _first(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """The table with its most important column moved to the front."""
    return frame[[column, *(c for c in frame.columns if c != column)]]


def _n(value) -> str:
    return format_number(int(value))


# --- Ringkasan --------------------------------------------------------------------------------------


def summary_level(total) -> str:
    """The finest region level whose places a chart can still name (vocab.MAX_PLACES), never summed into
    one place: a regency's own kecamatan are always named, one provinsi's kabupaten/kota too."""
    if total["kecamatan"] <= MAX_PLACES or total["kabupaten"] == 1:
        return "kecamatan"
    return "kabupaten" if total["kabupaten"] <= MAX_PLACES or total["provinsi"] == 1 else "provinsi"


def ringkasan(con, filters: Filters) -> View | None:
    total = _run(con, "total_indikator", filters).iloc[0]
    indikator, terukur = int(total["indikator"] or 0), int(total["terukur"] or 0)
    if not indikator:
        return None
    level = summary_level(total)
    frame, bars, table = _indicators_per_place(con, filters, level, by_document=total["dokumen"] <= MAX_PLACES)
    places = _run(con, "kecamatan_bertarget", filters)
    places["nama"] = place_names(places)
    names, lacking = places["nama"].tolist(), places[~places["punya_target"]]["nama"].tolist()
    where = names[0] if len(names) == 1 else f"{_n(total['kecamatan'])} kecamatan"
    documents = f" ({_n(total['dokumen'])} dokumen)" if total["dokumen"] > total["kecamatan"] else ""
    facts = [
        f"{_n(indikator)} indikator dari {_n(total['jabatan_berindikator'])} jabatan di {where}{documents}.",
        _who_lacks(names, lacking, "target dalam dokumennya"),
    ]
    if total["bertarget"]:
        facts.append(
            f"{_n(total['bertarget'])} indikator sudah bertarget dalam dokumennya "
            "(target yang diisi petugas tampil di Target vs realisasi)."
        )
    if level != "kecamatan":
        facts.append(summed_per(level, total["kecamatan"]))
    elif total["dokumen"] > MAX_PLACES:
        facts.append(years_together(total["dokumen"]))
    return View(
        key="ringkasan",
        judul=f"Indikator per {LEVEL_LABELS[level].lower()}",
        pesan=f"{_n(terukur)} dari {_n(indikator)} indikator ({format_percent(terukur, indikator)}) "
        "punya formula yang menghitung capaian.",
        tabel=table,
        figure=charts.indicators_per_kecamatan(frame, bars, level),
        angka=[
            ("Kecamatan", _n(total["kecamatan"])),
            ("Jabatan berindikator", f"{_n(total['jabatan_berindikator'])} dari {_n(total['jumlah_jabatan'])}"),
            ("Indikator", _n(indikator)),
            ("Formula terukur", format_percent(terukur, indikator)),
        ],
        rincian=facts,
        judul_tabel=f"Angka per {LEVEL_LABELS[level].lower()}",
    )


def _indicators_per_place(con, filters: Filters, level: str, by_document: bool) -> tuple[pd.DataFrame, pd.Series, pd.DataFrame]:
    """Ringkasan's rows, each row's bar and the table for people: a row per document (a kecamatan named
    with its year where it has several) while at most MAX_PLACES, else per place with its years together
    (the kecamatan of a regency, or the kabupaten/kota or provinsi of a summary); places named alike are
    told apart by the region they lie in."""
    if level == "kecamatan" and by_document:
        frame = _run(con, "indikator_per_kecamatan", filters)
        names = place_names(frame)
        table = readable(frame.assign(kecamatan=names).drop(columns="kabupaten"))
        return frame, charts.document_names(names, frame["tahun"]), table
    frame = _places_named(_run(con, "indikator_per_wilayah", filters, tingkat=level))
    # One kecamatan per row at the kecamatan level: its count would only repeat 1 under the place's own heading.
    shown = frame.drop(columns="kecamatan") if level == "kecamatan" else frame
    return frame, frame["wilayah"], _placed(shown, level)


def years_together(documents: int) -> str:
    """The fact a chart of a regency's kecamatan, each with its years together, states, and why."""
    return (
        f"Grafik dan tabel menjumlahkan semua tahun per kecamatan: {_n(documents)} dokumen terlalu banyak "
        "untuk disebut satu per satu."
    )


# --- Cakupan jabatan --------------------------------------------------------------------------------


def _who_lacks(places: list[str], lacking: list[str], what: str, level: str = "kecamatan") -> str:
    """'3 dari 4 kecamatan belum …: A, B, C.', in words that stay true for one place and for none;
    at most MAX_NAMED named, the rest counted. At a summary level the places are kabupaten/kota or provinsi."""
    noun = LEVEL_LABELS[level].lower()
    if len(places) == 1:
        return f"{places[0]} {'belum ' if lacking else ''}menetapkan {what}."
    if not lacking:
        return f"Semua {_n(len(places))} {noun} menetapkan {what}."
    verb = "belum menetapkan" if level == "kecamatan" else "belum punya kecamatan yang menetapkan"
    return f"{_n(len(lacking))} dari {_n(len(places))} {noun} {verb} {what}: {_listed(lacking)}."


def _listed(names: list[str], most: int = MAX_NAMED) -> str:
    """'A, B, C' with at most `most` named and the rest counted: 'A, …, J, dan 2 lainnya'."""
    named = ", ".join(names[:most])
    return named + (f", dan {_n(len(names) - most)} lainnya" if len(names) > most else "")


def _places_named(frame: pd.DataFrame) -> pd.DataFrame:
    """A by-place table with `wilayah` as people read it (places named alike told apart by their `induk`),
    the name as written kept in `nama`."""
    return frame.assign(nama=frame["wilayah"], wilayah=told_apart(frame["wilayah"], frame["induk"]))


def _placed(frame: pd.DataFrame, level: str) -> pd.DataFrame:
    """A table by place for people: the place column headed by its level, without the helper columns."""
    shown = frame.drop(columns=[c for c in ("induk", "nama") if c in frame])
    return readable(shown).rename(columns={"wilayah": LEVEL_LABELS[level]})


def scope_level(con, filters: Filters) -> str:
    """The level the pages' per-place charts take under the filters (summary_level of how many
    kecamatan and kabupaten/kota have a position)."""
    return summary_level(_run(con, "jumlah_wilayah", filters).iloc[0])


def summed_per(level: str, kecamatan: int) -> str:
    """The fact a chart summed per kabupaten/kota or provinsi states, and why."""
    return (
        f"Grafik dan tabel menjumlahkan per {LEVEL_LABELS[level].lower()}: {_n(kecamatan)} kecamatan terlalu banyak "
        "untuk disebut satu per satu."
    )


def _where_indicators_sit(per_jenis: pd.DataFrame) -> str:
    """Which position types hold the most and the fewest indicators (ties all named), from the
    coverage rows' totals per jenis (`indikator_jenis`, `indikator_total`)."""
    per_type = per_jenis.drop_duplicates("jenis_jabatan").sort_values(["indikator_jenis", "urutan"], ascending=[False, True])
    held = per_type[per_type["indikator_jenis"] > 0]
    total = int(per_jenis["indikator_total"].iloc[0])
    label = [JENIS_LABELS.get(j, j) for j in held["jenis_jabatan"]]
    if len(held) == 1:
        return f"Semua {_n(total)} indikator ada pada jabatan {label[0]}."
    most, fewest = held["indikator_jenis"].iloc[0], held["indikator_jenis"].iloc[-1]
    top = _names([n for n, v in zip(label, held["indikator_jenis"], strict=True) if v == most])
    low = _names([n for n, v in zip(label, held["indikator_jenis"], strict=True) if v == fewest])
    return f"Indikator terbanyak pada jabatan {top} ({_n(most)} dari {_n(total)}), paling sedikit pada {low} ({_n(fewest)})."


def cakupan(con, filters: Filters, level: str | None = None) -> View | None:
    """Indicators per place and jenis jabatan; `level` when the page knows it already (scope_level)."""
    level = level or scope_level(con, filters)
    per_jenis = _places_named(_run(con, "jabatan_per_jenis", filters, tingkat=level))
    if per_jenis.empty or not per_jenis["indikator"].any():
        return None
    with_indicators = per_jenis[per_jenis["indikator"] > 0]
    staff = with_indicators[with_indicators["jenis_jabatan"] == "pelaksana"]
    places = sorted(set(with_indicators["wilayah"]))
    facts = []
    if not staff.empty:
        with_target = set(staff[staff["bertarget"] > 0]["wilayah"])
        lacking = [k for k in places if k not in with_target]
        facts.append(_who_lacks(places, lacking, "target untuk jabatan pelaksana", level))
    noun = LEVEL_LABELS[level].lower()
    return View(
        key="cakupan",
        judul="Cakupan jabatan",
        pesan=_where_indicators_sit(per_jenis),
        tabel=_placed(per_jenis.drop(columns=["bertarget", "indikator_jenis", "indikator_total", "urutan"]), level),
        figure=charts.coverage_heatmap(per_jenis, "jenis_jabatan", JENIS_LABELS, f"Indikator per {noun} dan jenis jabatan"),
        rincian=facts,
        judul_tabel="Indikator per jabatan",
        rows=per_jenis.assign(tingkat=level),
    )


def cakupan_bidang(con, filters: Filters, level: str | None = None) -> View | None:
    """Indicators per place and bidang; `level` when the page knows it already (scope_level)."""
    level = level or scope_level(con, filters)
    frame = _places_named(_run(con, "jabatan_per_bidang", filters, tingkat=level))
    if frame.empty:
        return None
    top = frame.sort_values(["indikator_bidang", "bidang"], ascending=[False, True]).iloc[0]
    noun = LEVEL_LABELS[level].lower()
    return View(
        key="cakupan_bidang",
        judul="Cakupan bidang",
        pesan=f"Bidang dengan indikator terbanyak: {BIDANG_LABELS.get(top['bidang'], top['bidang'])} "
        f"({_n(top['indikator_bidang'])} dari {_n(top['indikator_total'])} indikator).",
        tabel=_placed(frame.drop(columns=["indikator_bidang", "indikator_total"]), level),
        figure=charts.coverage_heatmap(frame, "bidang", BIDANG_LABELS, f"Indikator per {noun} dan bidang"),
    )


def jabatan_tipis(con, filters: Filters, batas: int, page: int = 1) -> View:
    """Positions with at most `batas` indicators: one page of PAGE_ROWS rows, with the count of all."""
    count = _run(con, "jumlah_jabatan_sedikit", filters, batas=batas).iloc[0]
    total = int(count["jabatan"])
    page = max(1, min(page, -(-total // PAGE_ROWS)))  # a page beyond a narrower scope becomes its last
    rows = _run(con, "jabatan_sedikit_indikator", filters, batas=batas, mulai=(page - 1) * PAGE_ROWS, baris=PAGE_ROWS)
    if not total:
        message = f"Tidak ada jabatan dengan {batas} indikator atau kurang."
    else:
        message = f"{_n(total)} jabatan punya {batas} indikator atau kurang."
    if total > PAGE_ROWS:
        message += f" Tabel memuat {_n(PAGE_ROWS)} baris per halaman; halaman dipilih di bawah tabel."
    return View(key="jabatan_tipis", judul=JABATAN_TIPIS, pesan=message, tabel=_thin_table(rows, count), jumlah=total)


def jabatan_tipis_semua(con, filters: Filters, batas: int) -> pd.DataFrame:
    """Every position with at most `batas` indicators, for the download (built on click)."""
    count = _run(con, "jumlah_jabatan_sedikit", filters, batas=batas).iloc[0]
    return _thin_table(_run(con, "jabatan_sedikit_indikator", filters, batas=batas, **EVERY_ROW), count)


def _thin_table(rows: pd.DataFrame, count: pd.Series) -> pd.DataFrame:
    """The thin positions for people; the kabupaten/kota column only where they lie in more than one."""
    return readable(rows if count["kabupaten"] > 1 else rows.drop(columns="kabupaten"))


def cell_places(view: View) -> list[str]:
    """The kecamatan of the coverage matrix, as its rows name them, for choosing a cell."""
    return sorted(set(view.rows["wilayah"]))


def indikator_sel(con, filters: Filters, tempat: str, jenis: str, matrix: View) -> View:
    """The indicators behind one cell of the coverage matrix (`matrix`, at the kecamatan level): the
    kecamatan its row names (`tempat`, its kabupaten/kota given where names repeat) and a jenis jabatan."""
    place = matrix.rows[matrix.rows["wilayah"] == tempat].iloc[0]
    narrowed = replace(filters, kecamatan=(place["nama"],), kabupaten=(place["induk"],), jenis=(jenis,))
    rows = _run(con, "daftar_indikator", narrowed, cari="", **EVERY_ROW)
    columns = ["jabatan_baku", "indikator", "skor", "formula", "kategori_formula"]
    return View(
        key="indikator_sel",
        judul=INDIKATOR_SEL,
        pesan=f"{_n(len(rows))} indikator — {tempat}, {JENIS_LABELS.get(jenis, jenis)}",
        tabel=readable(rows[columns]),
    )


# --- Kategori formula -------------------------------------------------------------------------------


def _names(values: list[str], most: int = MAX_NAMED) -> str:
    """'A', 'A dan B', 'A, B dan C'; beyond `most` the rest counted: 'A, …, J, dan 5 lainnya'."""
    if len(values) > most:
        return _listed(values, most)
    return values[0] if len(values) == 1 else f"{', '.join(values[:-1])} dan {values[-1]}"


def _highest_and_lowest(share: pd.DataFrame, group: str, labels: dict | None, where: str, plural: str) -> str:
    """The takeaway of a terukur-share table ordered highest first, in the words of the group; groups
    that tie at the top or the bottom are named up to MAX_HEADLINE_NAMED, the rest counted: the
    sentence is a slide's headline, and a country's provinsi tie by the dozen."""

    def named(rows: pd.DataFrame) -> str:
        return _names([labels.get(v, v) if labels else v for v in rows[group]], MAX_HEADLINE_NAMED)

    rounded = share["persen_terukur"].round()
    high, low = share.iloc[0], share.iloc[-1]
    if len(share) == 1:
        return f"{format_percent(high['terukur'], high['indikator'])} indikator {named(share)} dapat diukur capaiannya."
    if rounded.iloc[0] == rounded.iloc[-1]:
        return f"Porsi indikator terukur sama {where} semua {plural}: {format_number(high['persen_terukur'])}%."
    return (
        f"Porsi indikator terukur tertinggi {where} {named(share[rounded == rounded.iloc[0]])} "
        f"({format_number(high['persen_terukur'])}%), "
        f"terendah {where} {named(share[rounded == rounded.iloc[-1]])} ({format_number(low['persen_terukur'])}%)."
    )


def _shares(frame: pd.DataFrame, group: str, order: list[str]) -> pd.DataFrame:
    """One row per group of a category-mix frame with its indicators and terukur share, highest first."""
    first = frame.drop_duplicates(group).rename(columns={"total": "indikator", "indikator": "dalam_kategori"})
    return first.sort_values(["persen_terukur", *order], ascending=[False] + [True] * len(order))


MIX_COLUMNS = ["kategori_formula", "indikator", "persen"]  # a category-mix table's own columns, after its group


def kategori(con, filters: Filters) -> View | None:
    """The formula-category mix per place: per kecamatan, or summed per kabupaten/kota or provinsi when
    there are more places than a chart can name (summary_level), in that level's words."""
    places = _run(con, "jumlah_wilayah", filters).iloc[0]
    level = summary_level(places)
    frame = _places_named(_run(con, "kategori_per_wilayah", filters, tingkat=level))
    if frame.empty:
        return None
    noun = LEVEL_LABELS[level].lower()
    indicators, measured = frame["semua"].iloc[0], frame["semua_terukur"].iloc[0]
    measurable = ", ".join(KATEGORI_LABELS[k].lower() for k in TERUKUR)
    facts = [
        f"{_n(measured)} dari {_n(indicators)} indikator ({format_percent(measured, indicators)}) "
        f"dapat dihitung capaiannya ({measurable}); sisanya hitungan, uraian, atau tanpa formula."
    ]
    if level != "kecamatan":
        facts.append(summed_per(level, places["kecamatan"]))
    return View(
        key="kategori",
        judul="Kategori formula",
        pesan=_highest_and_lowest(_shares(frame, "wilayah", ["wilayah"]), "wilayah", None, "di", noun),
        tabel=_placed(frame[["wilayah", *MIX_COLUMNS]], level),
        figure=charts.category_mix(frame, "wilayah", LEVEL_LABELS[level], f"Campuran kategori formula per {noun}"),
        rincian=facts,
    )


def kategori_jenis(con, filters: Filters) -> View | None:
    frame = _run(con, "kategori_per_jenis", filters)
    if frame.empty:
        return None
    return View(
        key="kategori_jenis",
        judul="Kategori formula per jenis jabatan",
        pesan=_highest_and_lowest(
            _shares(frame, "jenis_jabatan", ["urutan"]), "jenis_jabatan", JENIS_LABELS, "pada", "jenis jabatan"
        ),
        tabel=readable(frame[["jenis_jabatan", *MIX_COLUMNS]]),
        figure=charts.category_mix(frame, "jenis_jabatan", "Jenis jabatan", "Campuran kategori formula per jenis jabatan"),
        lembar="Kategori per jenis jabatan",
    )


def contoh_kategori(con, filters: Filters, per_kategori: int = 3) -> View | None:
    rows = _run(con, "contoh_per_kategori", filters, per_kategori=per_kategori)
    if rows.empty:
        return None
    return View(
        key="contoh_kategori",
        judul="Contoh dari data",
        pesan=f"Contoh dari {_n(rows['kategori_ada'].iloc[0])} kategori formula, hingga {per_kategori} per kategori.",
        tabel=readable(_first(rows, "formula").drop(columns=["jumlah_contoh", "kategori_ada"])),
        rows=_first(rows, "formula"),
        utama=(COLUMN_LABELS["formula"],),
    )


# --- Perbandingan kecamatan -------------------------------------------------------------------------

MAX_CHOICES = 100  # positions offered for comparison at once: the most widely held; the filters reach the rest
MAX_COUNTERPARTS = 3  # counterparts named beside a shared indicator; the rest are counted
COMMON_WORDINGS = 15  # wordings listed when more kecamatan hold a position than can be compared side by side
NARROW_FOR_COMPARISON = (
    f"Indikator dibandingkan berdampingan, dengan rumusan yang mirip, untuk paling banyak {MAX_PLACES} kecamatan "
    "atau semua kecamatan satu kabupaten/kota: pilih kabupaten/kota atau kecamatan di panel Filter."
)


def jabatan_pilihan(con, filters: Filters) -> pd.DataFrame:
    """Which canonical positions and fields can be compared, most widely held first, with how many
    kecamatan have each and the label a select shows ('Camat (5.513 kecamatan)')."""
    choices = _run(con, "jabatan_baku_antar_kecamatan", filters)
    pairs = zip(choices["jabatan_baku"], choices["kecamatan"], strict=True)
    return choices.assign(label=[f"{jabatan} ({_n(kecamatan)} kecamatan)" for jabatan, kecamatan in pairs])


def bidang_pilihan(choices: pd.DataFrame) -> list[str]:
    """The fields of the positions that can be compared, in the vocabulary's order."""
    return [b for b in BIDANG_LABELS if b in set(choices["bidang"])]


def jabatan_ditawarkan(choices: pd.DataFrame) -> tuple[dict[str, str], str]:
    """The positions a select offers (position -> its label), at most MAX_CHOICES, and a sentence
    saying how many more there are ('' when none are left out)."""
    offered = choices.head(MAX_CHOICES)
    left_out = len(choices) - len(offered)
    said = (
        f"{_n(left_out)} jabatan lain, yang ada di lebih sedikit kecamatan, tidak ada di daftar ini: "
        "pilih jabatannya atau wilayahnya di panel Filter."
        if left_out
        else ""
    )
    return dict(zip(offered["jabatan_baku"], offered["label"], strict=True)), said


def kecamatan_colours(con) -> dict[str, str]:
    """One fixed colour per kecamatan of the whole dataset, whatever the filters."""
    options = db.run_query(con, "nilai_filter")
    return charts.kecamatan_colours(options[options["filter"] == "kecamatan"]["nilai"])


def perbandingan(con, filters: Filters, jabatan: str = "", bidang: str = "") -> View | None:
    """One canonical position (or one field) across kecamatan: side by side for up to MAX_PLACES
    kecamatan (key 'perbandingan'), else summed per kabupaten/kota or provinsi (key 'perbandingan_wilayah',
    without matching wordings across thousands of kecamatan)."""
    choice = {"pilihan_jabatan": jabatan, "pilihan_bidang": bidang}
    regions = _run(con, "jabatan_antar_wilayah", filters, **choice)
    if regions.empty:
        return None
    per_provinsi = regions[regions["tingkat"] == "provinsi"]
    level = summary_level(
        {
            "kecamatan": per_provinsi["kecamatan"].sum(),
            "kabupaten": (regions["tingkat"] == "kabupaten").sum(),
            "provinsi": len(per_provinsi),
        }
    )
    label = jabatan or BIDANG_LABELS.get(bidang, bidang)
    if level == "kecamatan":
        return _side_by_side(_run(con, "indikator_antar_kecamatan", filters, **choice), label)
    return _per_region(regions[regions["tingkat"] == level], per_provinsi, level, label, "jabatan" if jabatan else "bidang")


def _side_by_side(rows: pd.DataFrame, label: str) -> View:
    """The indicators of a few kecamatan, each in a colour of its own while the palette has one for each
    (charts.distinct_colours). An indicator is shared (bersama)
    when another kecamatan words the same measure alike (kinerja.similarity: one-to-one per pair of
    kecamatan, never between one kecamatan's years), else its own (khas); each shared one names its
    counterparts and how alike they are worded. Kecamatan named alike carry their kabupaten/kota."""
    rows = rows.assign(nama=rows["kecamatan"], kecamatan=place_names(rows))
    ids = rows["indikator_id"]
    matches = similarity.match_groups(
        similarity.Item(*row) for row in zip(ids, rows["kecamatan"], rows["indikator"], strict=True)
    )
    found = {
        key: [f"{other.group}: {other.text} ({format_number(score, 1)}%)" for other, score in pairs]
        for key, pairs in similarity.partners(matches).items()
    }
    rows = rows.assign(
        status=[SHARED if key in found else UNIQUE for key in ids],
        padanan=[_some_counterparts(found.get(key, [])) for key in ids],
        warna=rows["kecamatan"].map(charts.distinct_colours(rows["kecamatan"])),
    )
    compared, documents = int(rows["kecamatan_dibandingkan"].iloc[0]), int(rows["dokumen_dibandingkan"].iloc[0])
    where = f" di {_n(compared)} kecamatan" if compared > 1 else f", hanya di {rows['kecamatan'].iloc[0]}"
    where += f" ({_n(documents)} dokumen)" if documents > compared else ""
    if compared == 1:  # the same kecamatan in several years is not another kecamatan
        said = "tidak ada kecamatan lain untuk dibandingkan"
    elif found:
        said = (
            f"{_n(len(found))} di antaranya juga diukur kecamatan lain dengan rumusan mirip "
            f"({_n(len(similarity.clusters(matches)))} kelompok indikator bersama)"
        )
    else:
        said = "tidak ada yang juga diukur kecamatan lain dengan rumusan mirip"
    columns = ["kecamatan", "indikator", "status", "padanan", "skor", "tahun", "kategori_formula", "jabatan_baku", "sasaran",
               "formula", "target", "target_satuan", "tercantum"]  # fmt: skip
    return View(
        key="perbandingan",
        judul=f"Perbandingan: {label}",
        pesan=f"{label}: {_n(len(rows))} indikator{where}; {said}.",
        tabel=readable(rows[columns].assign(padanan=rows["padanan"].str.join("; "))),
        figure=charts.indicators_compared(rows, f"Jumlah indikator — {label}"),
        judul_tabel="Tabel perbandingan",
        rows=rows,
        lembar="Perbandingan",
        utama=(COLUMN_LABELS["kecamatan"], COLUMN_LABELS["indikator"]),
    )


def _some_counterparts(counterparts: list[str]) -> list[str]:
    """The first MAX_COUNTERPARTS counterparts (in kecamatan order) and how many more: among thirty kecamatan
    copying one template an indicator has a counterpart in each, which would fill the page."""
    more = len(counterparts) - MAX_COUNTERPARTS
    return counterparts[:MAX_COUNTERPARTS] + ([f"dan {_n(more)} kecamatan lain"] if more > 0 else [])


def _per_region(frame: pd.DataFrame, per_provinsi: pd.DataFrame, level: str, label: str, kind: str) -> View:
    """A position (or field) held by more kecamatan than can be compared side by side, summed per
    kabupaten/kota or provinsi: how many kecamatan hold it, in how many documents, with how many
    indicators and wordings."""
    frame = _places_named(frame.drop(columns="tingkat"))
    noun = LEVEL_LABELS[level].lower()
    kecamatan, documents = per_provinsi["kecamatan"].sum(), per_provinsi["dokumen"].sum()
    indicators = per_provinsi["indikator"].sum()
    what = f"jabatan {label}" if kind == "jabatan" else f"indikator bidang {label}"
    return View(
        key="perbandingan_wilayah",
        judul=f"Perbandingan: {label}",
        pesan=f"{label}: {_n(indicators)} indikator di {_n(kecamatan)} kecamatan di {_n(len(frame))} {noun}"
        + (f" ({_n(documents)} dokumen)." if documents > kecamatan else "."),
        tabel=_placed(frame, level),
        figure=charts.holders_per_region(frame, level, f"Kecamatan dengan {what}, per {noun}"),
        rincian=[
            f"Grafik dan tabel menjumlahkan per {noun}: {_n(kecamatan)} kecamatan terlalu banyak untuk dibandingkan berdampingan."
        ],
        judul_tabel=f"Angka per {noun}",
        rows=frame.assign(tingkat=level),
        lembar="Perbandingan",
        utama=(LEVEL_LABELS[level],),
    )


def rumusan_umum(con, filters: Filters, jabatan: str = "", bidang: str = "") -> View | None:
    """The wordings of a position (or field) that most kecamatan use, at most COMMON_WORDINGS."""
    rows = _run(con, "rumusan_antar_wilayah", filters, pilihan_jabatan=jabatan, pilihan_bidang=bidang, batas=COMMON_WORDINGS)
    if rows.empty:
        return None
    label = jabatan or BIDANG_LABELS.get(bidang, bidang)
    first, wordings = rows.iloc[0], int(rows["rumusan_ada"].iloc[0])
    listed = f"; {_n(len(rows))} yang dipakai paling banyak kecamatan di bawah ini" if wordings > len(rows) else ""
    return View(
        key="rumusan_umum",
        judul="Rumusan yang paling sering",
        pesan=f"{label}: {_n(wordings)} rumusan indikator berbeda{listed}. Paling sering: "
        f"“{first['indikator']}”, di {_n(first['kecamatan'])} kecamatan.",
        tabel=readable(rows.drop(columns="rumusan_ada")),
        utama=(COLUMN_LABELS["indikator"],),
    )


# --- Target vs realisasi ----------------------------------------------------------------------------

CAPAIAN_COLUMNS = ["kecamatan", "jabatan_baku", "indikator", "target", "realisasi", "capaian", "predikat", "skor"]


def _named(frame: pd.DataFrame) -> pd.DataFrame:
    """Indicators written alike told apart in the name column (by jabatan, sasaran or a number)."""
    return frame.assign(indikator=distinct_names(frame)) if not frame.empty else frame


def _capaian_level(state: Capaian) -> str:
    """The region level the capaian chart names (summary_level of the rows' kecamatan and kabupaten)."""
    table = state.table
    counts = {
        "kecamatan": table.groupby(["kabupaten", "kecamatan"]).ngroups,
        "kabupaten": table.groupby(["provinsi", "kabupaten"]).ngroups,
        "provinsi": table["provinsi"].nunique(),
    }
    return summary_level(counts)


def _bars(state: Capaian, level: str) -> pd.Series:
    """Each row's bar: its document (kecamatan, with the year where it has several) while at most
    MAX_PLACES, else its kecamatan (all years together) or the place it is summed into."""
    if level != "kecamatan":
        return state.table[level]
    documents = charts.document_names(state.places, state.table["tahun"])
    return documents if documents.nunique() <= MAX_PLACES else state.places


def capaian(state: Capaian) -> View | None:
    table = state.table
    if table.empty:
        return None
    level = _capaian_level(state)
    noun = LEVEL_LABELS[level].lower()
    bars = _bars(state, level)
    rated = state.rated
    unrated = state.count - len(rated)
    median = f"{format_number(rated['capaian'].median(), 1)}%" if len(rated) else ""
    said = f"median capaian {median}" if len(rated) else "belum ada yang dinilai"
    return View(
        key="capaian",
        judul=f"Target vs realisasi{state.suffix}",
        pesan=f"{_n(unrated)} dari {_n(state.count)} indikator belum dapat dinilai; {said}{state.suffix.lower()}.",
        tabel=_band_table(state, bars, level) if state.summed else _capaian_listed(state),
        figure=charts.band_distribution(table, bars, state.bands, f"Predikat capaian per {noun}{state.suffix}"),
        angka=[
            ("Indikator dinilai", f"{_n(len(rated))} dari {_n(state.count)}"),
            ("Belum dapat dinilai", _n(unrated)),
            ("Median capaian", median or "–"),
        ],
        rincian=([] if level == "kecamatan" else [SUMMED.format(noun=noun)]) + _unlisted(state),
        lembar="Capaian" + (EXAMPLE_SHEET if state.example else ""),
    )


def _progress_lines(state: Capaian) -> tuple[pd.Series, str]:
    """Each row's line in the quarterly chart and the level it is drawn at: a line per document while at
    most MAX_NAMED documents have a target, else per kabupaten/kota and year, per provinsi and year, or
    per year over every kecamatan."""
    table = state.table
    aimed = table["target"].notna() & (table["target"] != 0)
    for level in ("kecamatan", "kabupaten", "provinsi"):
        place = state.places if level == "kecamatan" else table[level]
        if pd.DataFrame({"tempat": place, "tahun": table["tahun"]})[aimed].drop_duplicates().shape[0] <= MAX_NAMED:
            return place, level
    return pd.Series(ALL_PLACES, index=table.index), "semua"


def progres_triwulan(state: Capaian, colours: dict[str, str]) -> View | None:
    """A line per kecamatan and document year ('Lumajang 2024'), or per kabupaten/kota, provinsi or all
    kecamatan and year where there are too many documents to tell lines apart; when the lines are of
    different years, the takeaway says the comparison crosses years."""
    place, level = _progress_lines(state)
    progress = quarterly_progress(state.table.assign(tempat=place), by=("tempat", "tahun"))
    if progress.empty:
        return None
    names = [charts.line_name(k, t) for k, t in zip(progress["tempat"], progress["tahun"], strict=True)]
    progress = progress.assign(garis=names)
    last = max(progress["triwulan"], key=list(charts.QUARTER_ORDER).index)
    at_last = progress[progress["triwulan"] == last].sort_values(["progres", "garis"], ascending=[False, True])
    years = sorted(set(progress["tahun"]))
    places = sorted(set(progress["tempat"]))
    if level != "kecamatan" and len(places) == 1:  # the lines are the years of one sum
        message = _years_of_one_place(at_last, last, _summed_subject(places[0], level))
    else:
        message = _highest_and_lowest_line(at_last, last, level)
        if len(years) > 1:
            message += f", membandingkan dokumen tahun {_names([str(y) for y in years])}"
    where = LEVEL_LABELS.get(level, "Wilayah")
    return View(
        key="progres",
        judul=f"Progres per triwulan{state.suffix}",
        pesan=f"{message}{state.suffix.lower()}.",
        tabel=progress.drop(columns="garis").rename(
            columns={"tempat": where, "tahun": "Tahun", "triwulan": "Triwulan", "progres": "Median capaian (%)"}
        ),
        figure=charts.quarterly_lines(progress, colours, f"Progres per triwulan{state.suffix}"),
        lembar="Progres per triwulan",
    )


def _summed_subject(place: str, level: str) -> str:
    """Whose median a summed line is: 'semua kecamatan', or 'kecamatan di Malang'."""
    return "semua kecamatan" if level == "semua" else f"kecamatan di {place}"


def _extremes(at_last: pd.DataFrame, last: str, subject: str, where, alone) -> str:
    """The takeaway of the highest and lowest line after the last quarter: 'Sampai TW IV, median capaian
    {subject}tertinggi {where(high)} (…), terendah {where(low)} (…)', or of the one line `alone` names."""
    high, low = at_last.iloc[0], at_last.iloc[-1]
    if len(at_last) == 1:
        return f"Sampai {last}, median capaian {alone(high)}"
    return (
        f"Sampai {last}, median capaian {subject}tertinggi {where(high)} ({format_number(high['progres'], 1)}%), "
        f"terendah {where(low)} ({format_number(low['progres'], 1)}%)"
    )


def _years_of_one_place(at_last: pd.DataFrame, last: str, subject: str) -> str:
    """Summed lines that differ only by year: 'Sampai TW IV, median capaian semua kecamatan tertinggi pada
    tahun 2022 (78,9%), terendah pada tahun 2024 (59,5%)'."""
    return _extremes(
        at_last, last, f"{subject} ", lambda row: f"pada tahun {row['tahun']}",
        lambda row: f"{subject} tahun {row['tahun']}: {format_number(row['progres'], 1)}%",
    )  # fmt: skip


def _highest_and_lowest_line(at_last: pd.DataFrame, last: str, level: str) -> str:
    """Lines of several places: a kecamatan's document ('di Lumajang 2024'), or a summed kabupaten/kota
    or provinsi in a year ('di Malang tahun 2024')."""

    def line(row) -> str:
        return row["garis"] if level == "kecamatan" else f"{row['tempat']} tahun {row['tahun']}"

    return _extremes(
        at_last, last, "", lambda row: f"di {line(row)}", lambda row: f"{line(row)} {format_number(row['progres'], 1)}%"
    )


def capaian_kecamatan(state: Capaian, kecamatan: str) -> View:
    """Capaian per indicator of one kecamatan against the 100 % line."""
    own = state.of_place(kecamatan)
    rated = own.dropna(subset=["capaian"])
    title = f"Capaian per indikator — {kecamatan}{state.suffix}"
    if rated.empty:
        message = f"Belum ada indikator {kecamatan} yang dapat dinilai{state.suffix.lower()}: isi target dan realisasi di bawah."
        return View(key="capaian_kecamatan", judul=title, pesan=message, tabel=readable(_named(own)[CAPAIAN_COLUMNS]))
    reached = int((rated["capaian"] >= 100).sum())
    return View(
        key="capaian_kecamatan",
        judul=title,
        pesan=f"{reached} dari {_n(len(rated))} indikator {kecamatan} yang dapat dinilai mencapai target "
        f"(capaian ≥ 100%){state.suffix.lower()}.",
        tabel=readable(_named(rated)[CAPAIAN_COLUMNS].round({"capaian": 1})),
        figure=charts.capaian_bars(own, state.bands, title),
        lembar="Capaian per indikator",
    )


def capaian_terendah(state: Capaian, count: int = 10) -> View | None:
    rated = state.rated
    if rated.empty:
        return None
    lowest = _named(state.described(rated.nsmallest(count, "capaian")))
    first = lowest.iloc[0]
    columns = ["kecamatan", "capaian", "predikat", "indikator", "jabatan_baku", "target", "realisasi", "skor"]
    return View(
        key="capaian_terendah",
        judul=f"Perlu perhatian: capaian terendah{state.suffix}",
        pesan=f"Capaian terendah: {first['indikator']} ({first['kecamatan']}, {format_number(first['capaian'], 1)}%)"
        f"{state.suffix.lower()}.",
        lembar="Capaian terendah",
        tabel=readable(lowest[columns].round({"capaian": 1})),
    )


def _capaian_listed(state: Capaian) -> pd.DataFrame:
    return readable(_named(state.listed)[CAPAIAN_COLUMNS].round({"capaian": 1}))


def _counted(keys: dict[str, pd.Series], state: Capaian, column: str, order: list[str]) -> pd.DataFrame:
    """Indicators (a row counts `jumlah`) per value of `column` side by side, for each combination of keys."""
    rows = pd.DataFrame({**keys, column: state.table[column], "jumlah": state.table["jumlah"]}).dropna(subset=list(keys))
    counts = rows.pivot_table(index=list(keys), columns=column, values="jumlah", aggfunc="sum", fill_value=0, observed=True)
    return counts[[c for c in order if c in counts]].rename_axis(columns=None).reset_index()


def _band_table(state: Capaian, bars: pd.Series, level: str) -> pd.DataFrame:
    """The chart's counts: indicators per band for each bar, where the indicators are too many to list."""
    order = [band.name for band in state.bands] + [NOT_RATED]
    counts = _counted({LEVEL_LABELS[level]: bars}, state, "predikat", order)
    return counts.assign(**{"Jumlah indikator": counts[[c for c in order if c in counts]].sum(axis=1)})


def _unlisted(state: Capaian) -> list[str]:
    """The fact that indicators without a value are counted per document, not listed, where they are."""
    return [UNLISTED.format(jumlah=_n(state.summed))] if state.summed else []


def belum_dinilai(state: Capaian) -> View:
    unrated = state.table[state.table["alasan"] != ""]
    count = int(unrated["jumlah"].sum())
    no_target = int(unrated.loc[unrated["alasan"] == NO_TARGET, "jumlah"].sum())
    if not count:
        message = f"Semua indikator dapat dinilai{state.suffix.lower()}."
    else:
        message = (
            f"{_n(count)} indikator belum dapat dinilai: {_n(no_target)} {NO_TARGET}, "
            f"{_n(count - no_target)} {NO_REALISATION}{state.suffix.lower()}."
        )
    return View(
        key="belum_dinilai",
        judul=f"Belum dapat dinilai ({_n(count)}){state.suffix}",
        lembar="Belum dapat dinilai",
        pesan=message,
        rincian=_unlisted(state),
        tabel=_unrated_per_document(state) if state.summed else _unrated_listed(state),
    )


def _unrated_listed(state: Capaian) -> pd.DataFrame:
    named = _named(state.listed)
    return readable(named[named["alasan"] != ""][["kecamatan", "jabatan_baku", "indikator", "alasan"]])


def _unrated_per_document(state: Capaian) -> pd.DataFrame:
    """How many indicators of each document cannot be rated, and why, where they are too many to list."""
    unrated = state.table["alasan"] != ""
    keys = {"Kecamatan": state.places.where(unrated), "Tahun": state.table["tahun"].where(unrated)}
    counts = _counted(keys, state, "alasan", [NO_TARGET, NO_REALISATION])
    return counts.astype({"Tahun": int}).rename(columns=lambda c: c[0].upper() + c[1:])


# --- Jelajah indikator ------------------------------------------------------------------------------


def daftar(con, filters: Filters, cari: str = "", page: int = 1) -> View:
    """The indicator table under the filters and search: one page of PAGE_ROWS rows, with the count of all."""
    count = _run(con, "jumlah_daftar_indikator", filters, cari=cari).iloc[0]
    total, corrected = int(count["indikator"]), int(count["dikoreksi"])
    page = max(1, min(page, -(-total // PAGE_ROWS)))  # a page beyond a narrower search is its last
    page_rows = {"mulai": (page - 1) * PAGE_ROWS, "baris": PAGE_ROWS}
    rows = _scored_first(_run(con, "daftar_indikator", filters, cari=cari, **page_rows))
    said = f" {_n(corrected)} di antaranya memuat koreksi petugas (kolom Dikoreksi petugas)." if corrected else ""
    paged = f" Tabel memuat {_n(PAGE_ROWS)} baris per halaman; halaman dipilih di bawah tabel." if total > PAGE_ROWS else ""
    return View(
        key="daftar",
        judul="Indikator",
        pesan=f"{_n(total)} indikator ditampilkan.{said}{paged}",
        tabel=readable(rows),
        utama=(COLUMN_LABELS["indikator"],),
        jumlah=total,
    )


def daftar_semua(con, filters: Filters, cari: str = "") -> pd.DataFrame:
    """The whole indicator table under the filters and search, for its download (built on click)."""
    return readable(_scored_first(_run(con, "daftar_indikator", filters, cari=cari, **EVERY_ROW)))


def _scored_first(rows: pd.DataFrame) -> pd.DataFrame:
    """The indicator table with the indicator and its quality score first."""
    return rows[["indikator", "skor", *(c for c in rows.columns if c not in ("indikator", "skor"))]]


# --- Kualitas indikator ----------------------------------------------------------------------------

QUALITY_RULES = "Aturan penilaian"
NOT_MET = "Tidak memenuhi"  # the column joining the criteria an indicator falls short of, with why


def _criteria_titles() -> dict[str, str]:
    """Each criterion's title, in the rules file's order."""
    return {rule.key: rule.judul for rule in quality_rules.shipped()}


def _score(value) -> str:
    return format_number(value, 1)


def kualitas(con, filters: Filters) -> View | None:
    """How many indicators meet each criterion of data/config/kualitas.toml, per place (the kecamatan, or
    summed per kabupaten/kota or provinsi past MAX_PLACES), with each place's score."""
    places = _run(con, "jumlah_wilayah", filters).iloc[0]
    level = summary_level(places)
    frame = _places_named(_run(con, "kualitas_per_wilayah", filters, tingkat=level))
    if frame.empty:
        return None
    titles = _criteria_titles()
    first, noun = frame.iloc[0], LEVEL_LABELS[level].lower()
    total, all_met = int(first["semua"]), int(first["lolos_semua_semua"])
    per_place = frame.drop_duplicates(["wilayah"]).sort_values(["skor", "wilayah"], ascending=[False, True])
    facts = [
        f"{_n(all_met)} dari {_n(total)} indikator memenuhi semua {len(titles)} kriteria.",
        _score_extremes(per_place, noun),
        f"Skor sebuah indikator: bobot kriteria yang dipenuhi ÷ bobot semua kriteria × 100; skor {noun} "
        "adalah rata-rata skor indikatornya.",
    ]
    if level != "kecamatan":
        facts.append(summed_per(level, places["kecamatan"]))
    shares = frame.pivot(index=["wilayah", "induk"], columns="kriteria", values="persen")
    shares = shares[[key for key in titles if key in shares]].rename(columns=lambda key: f"% {titles[key]}")
    places_table = per_place[["wilayah", "induk", "indikator", "skor", "lolos_semua"]]
    table = places_table.merge(shares.reset_index(), on=["wilayah", "induk"])
    met = frame.groupby("kriteria")["lolos"].sum()
    return View(
        key="kualitas",
        judul=f"Kualitas indikator per {noun}",
        pesan=f"Skor kualitas rata-rata {_score(first['skor_semua'])} dari 100 untuk {_n(total)} indikator; "
        + _weakest(met, total, titles),
        tabel=_placed(table, level),
        figure=charts.criteria_heatmap(frame, titles, f"Skor dan porsi indikator yang memenuhi tiap kriteria, per {noun}"),
        angka=[
            ("Indikator dinilai", _n(total)),
            ("Skor rata-rata", _score(first["skor_semua"])),
            ("Memenuhi semua kriteria", f"{_n(all_met)} dari {_n(total)}"),
        ],
        rincian=facts,
        judul_tabel=f"Angka per {noun}",
        rows=frame,
        lembar="Kualitas indikator",
        utama=(LEVEL_LABELS[level],),
    )


def _weakest(met: pd.Series, total: int, titles: dict[str, str]) -> str:
    """The criterion fewest indicators meet (ties all named, in the rules' order), or that all meet all."""
    fewest = met.min()
    if fewest == total:
        return "semua indikator memenuhi semua kriteria."
    weakest = [titles[key] for key in titles if key in met and met[key] == fewest]
    return f"kriteria yang paling jarang dipenuhi: {_names(weakest)} (dipenuhi {format_percent(fewest, total)} indikator)."


def _score_extremes(per_place: pd.DataFrame, noun: str) -> str:
    """'Skor tertinggi di A (83,1), terendah di B (64,6).' (places that tie named together), in words that
    stay true for one place and for places that all score alike; `per_place` is highest first."""
    scores = per_place["skor"]
    if len(per_place) == 1:
        return f"Skor {per_place['wilayah'].iloc[0]}: {_score(scores.iloc[0])}."
    if scores.iloc[0] == scores.iloc[-1]:
        return f"Skor sama di semua {_n(len(per_place))} {noun}: {_score(scores.iloc[0])}."
    (top, high), (low, lowest) = _tied_ends(per_place["wilayah"], scores, MAX_HEADLINE_NAMED)
    return f"Skor tertinggi di {top} ({high}), terendah di {low} ({lowest})."


def _tied_ends(names: pd.Series, scores: pd.Series, most: int = MAX_NAMED) -> tuple[tuple[str, str], tuple[str, str]]:
    """The names at the top and at the bottom of a ranking, highest first (those that tie named together,
    at most `most`), each with its score in words."""
    ends = []
    for score in (scores.iloc[0], scores.iloc[-1]):
        ends.append((_names(list(names[scores == score]), most), _score(score)))
    return ends[0], ends[1]


def kualitas_jenis(con, filters: Filters) -> View | None:
    """The quality score per position type."""
    frame = _run(con, "kualitas_per_jenis", filters)
    if frame.empty:
        return None
    labels = frame["jenis_jabatan"].map(JENIS_LABELS).fillna(frame["jenis_jabatan"])
    ranked = frame.assign(label=labels).sort_values(["skor", "urutan"], ascending=[False, True])
    if len(ranked) == 1:
        said = f"Skor kualitas jabatan {ranked['label'].iloc[0]}: {_score(ranked['skor'].iloc[0])}."
    elif ranked["skor"].iloc[0] == ranked["skor"].iloc[-1]:
        said = f"Skor kualitas sama pada semua jenis jabatan: {_score(ranked['skor'].iloc[0])}."
    else:
        (top, high), (low, lowest) = _tied_ends(ranked["label"], ranked["skor"])
        said = f"Skor kualitas tertinggi pada jabatan {top} ({high}), terendah pada {low} ({lowest})."
    return View(
        key="kualitas_jenis",
        judul="Kualitas indikator per jenis jabatan",
        pesan=said,
        tabel=readable(frame.drop(columns="urutan")),
        figure=charts.score_bars(labels, frame["skor"], frame["indikator"], "Jenis jabatan", "Skor kualitas per jenis jabatan"),
        lembar="Kualitas per jenis jabatan",
    )


def kualitas_jabatan(con, filters: Filters, page: int = 1) -> View | None:
    """Positions of the documents, the lowest score first: one page of PAGE_ROWS rows, with the count of all."""
    rows = _lowest_first(con, "kualitas_jabatan", filters, page)
    if rows.empty:
        return None
    total, lowest = int(rows["jumlah"].iloc[0]), rows.iloc[0]
    where = f"{lowest['kecamatan']} {lowest['tahun']}"
    return View(
        key="kualitas_jabatan",
        judul="Jabatan dengan skor terendah",
        pesan=f"{_n(total)} jabatan dinilai; skor terendah: {lowest['jabatan_baku']} di {where} "
        f"({_score(lowest['skor'])}, {_n(lowest['indikator'])} indikator).",
        tabel=_position_table(rows),
        utama=(COLUMN_LABELS["kecamatan"], COLUMN_LABELS["jabatan_baku"]),
        jumlah=total,
        lembar="Kualitas per jabatan",
    )


def kualitas_jabatan_semua(con, filters: Filters) -> pd.DataFrame:
    """Every position with its score, for the download (built on click)."""
    return _position_table(_run(con, "kualitas_jabatan", filters, **EVERY_ROW))


def _position_table(rows: pd.DataFrame) -> pd.DataFrame:
    columns = ["kecamatan", "jabatan_baku", "skor", "indikator", "lolos_semua", "tahun", "kabupaten", "jenis_jabatan", "jabatan"]
    return readable(rows[columns])


def _lowest_first(con, name: str, filters: Filters, page: int) -> pd.DataFrame:
    """One page of PAGE_ROWS rows of a quality question (lowest score first, the count of all in
    `jumlah`); a page beyond a narrower scope becomes its last."""
    page = max(page, 1)
    rows = _run(con, name, filters, mulai=(page - 1) * PAGE_ROWS, baris=PAGE_ROWS)
    if rows.empty and page > 1:
        first = _run(con, name, filters, mulai=0, baris=1)
        last = -(-int(first["jumlah"].iloc[0]) // PAGE_ROWS) if len(first) else 1
        rows = _run(con, name, filters, mulai=(last - 1) * PAGE_ROWS, baris=PAGE_ROWS)
    return rows


def kualitas_indikator(con, filters: Filters, page: int = 1) -> View | None:
    """The indicators, the lowest score first, each with the criteria it falls short of and why: one page
    of PAGE_ROWS rows, with the count of all."""
    rows = _lowest_first(con, "kualitas_indikator", filters, page)
    if rows.empty:
        return None
    total, lowest = int(rows["jumlah"].iloc[0]), rows.iloc[0]
    return View(
        key="kualitas_indikator",
        judul="Indikator dengan skor terendah",
        pesan=f"{_n(total)} indikator dinilai, skor terendah lebih dulu. Terendah: “{lowest['indikator']}” "
        f"({lowest['kecamatan']} {lowest['tahun']}, {lowest['jabatan_baku']}, skor {_score(lowest['skor'])}).",
        tabel=_indicator_quality_table(rows),
        rows=rows,
        utama=(COLUMN_LABELS["indikator"],),
        jumlah=total,
        lembar="Kualitas per indikator",
    )


def _indicator_quality_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Indicators for people: where each lies, its wording and score, and in one column every criterion it
    falls short of with the reason ('Ada target, satuannya cocok: dokumen tidak menyebut target; …')."""
    titles = _criteria_titles()
    reasons = [rows[f"alasan_{key}"].where(rows[f"alasan_{key}"] == "", f"{title}: " + rows[f"alasan_{key}"])
               for key, title in titles.items()]  # fmt: skip
    joined = pd.concat(reasons, axis=1).apply(lambda row: "; ".join(r for r in row if r), axis=1)
    shown = rows[["indikator", "skor"]].assign(tidak_memenuhi=joined)
    placed = rows[["kecamatan", "tahun", "jabatan_baku", "formula"]]
    return readable(pd.concat([shown, placed], axis=1)).rename(columns={"tidak_memenuhi": NOT_MET})


def kualitas_per_kriteria(con, filters: Filters) -> pd.DataFrame:
    """Every indicator with its score and, per criterion, its verdict ('ya'/'tidak') and the reason in
    words: the command line's and the download's table."""
    rows = _run(con, "kualitas_indikator", filters, **EVERY_ROW)
    columns = {}
    for key, title in _criteria_titles().items():
        columns[title] = rows[f"lolos_{key}"].map({True: "ya", False: "tidak"})
        columns[f"{title} — alasan"] = rows[f"alasan_{key}"]
    placed = rows[["indikator_id", "kecamatan", "kabupaten", "tahun", "jabatan_baku", "indikator", "skor"]]
    return readable(pd.concat([placed, pd.DataFrame(columns, index=rows.index)], axis=1))


def kualitas_aturan(per_place: View) -> View:
    """The rules behind the flags: each criterion's title, weight and explanation as the rules file
    says them, and how many indicators under the filters fall short of it (from the `kualitas` view)."""
    rules = quality_rules.shipped()
    frame = per_place.rows
    total = int(frame["semua"].iloc[0])
    missed = (frame["indikator"] - frame["lolos"]).groupby(frame["kriteria"]).sum()
    table = pd.DataFrame(
        {
            "Kriteria": [rule.judul for rule in rules],
            "Bobot": [rule.bobot for rule in rules],
            "Penjelasan": [rule.penjelasan for rule in rules],
            "Indikator tidak memenuhi": [int(missed.get(rule.key, 0)) for rule in rules],
        }
    )
    return View(
        key="kualitas_aturan",
        judul=QUALITY_RULES,
        pesan=f"{len(rules)} kriteria dari berkas aturan data/config/kualitas.toml, dinilai atas {_n(total)} indikator.",
        tabel=table,
        rincian=[
            f"{rule.judul} (bobot {format_value(rule.bobot)}; {_n(missed.get(rule.key, 0))} indikator tidak memenuhi): "
            f"{rule.penjelasan}"
            for rule in rules
        ],
        utama=("Kriteria",),
    )


# --- The meeting's views ----------------------------------------------------------------------------


# --- Pohon kinerja -----------------------------------------------------------------------------------

UNLINKED = "Belum mendukung sasaran atasan"
SUPPORT_COLOURS = {"camat": "#0072B2", "sekretaris": "#E69F00", "terkait": "#56B4E9", "yatim": "#BBBBBB"}
PLACE_COLUMNS = ["dokumen", "bawahan", "terkait", "oleh_petugas", "yatim", "indikator_yatim", "sasaran_camat",
                 "camat_tanpa_dukungan", "sasaran_sekretaris", "sekretaris_tanpa_dukungan"]  # fmt: skip


def support_bar_text() -> str:
    """How a link is found, with the bar, in words for the page and the slide."""
    bar = format_number(similarity.SUPPORT_THRESHOLD)
    return (
        f"Sebuah sasaran dikaitkan ke sasaran Camat atau Sekretaris yang paling mirip katanya bila skor kemiripannya "
        f"(kata dasar yang sama pada frasa terdekat, 0–100) paling sedikit {bar}; di bawahnya petugas yang mengaitkan."
    )


def pohon(con, filters: Filters) -> View | None:
    """Per place: how many sasaran of the positions below support a sasaran of the Camat or the Sekretaris,
    how many were linked by an officer, and the Camat's sasaran nothing supports."""
    places = _run(con, "jumlah_wilayah", filters).iloc[0]
    level = summary_level(places)
    frame = _places_named(_run(con, "pohon_per_wilayah", filters, tingkat=level))
    if frame.empty:
        return None
    noun = LEVEL_LABELS[level].lower()
    below, linked, by_officer = (int(frame[c].sum()) for c in ("bawahan", "terkait", "oleh_petugas"))
    camat, unsupported = int(frame["sasaran_camat"].sum()), int(frame["camat_tanpa_dukungan"].sum())
    facts = [support_bar_text(), _most_unlinked(frame)]
    if by_officer:
        facts.append(f"{_n(by_officer)} kaitan ditetapkan petugas.")
    without_camat = frame[frame["sasaran_camat"] == 0]["wilayah"].tolist()
    if without_camat:
        facts.append(f"Tanpa sasaran Camat dalam dokumennya: {_names(without_camat)}.")
    if level != "kecamatan":
        facts.append(summed_per(level, places["kecamatan"]))
    parts = [
        ("Mirip sasaran atasan", frame["terkait"] - frame["oleh_petugas"], SUPPORT_COLOURS["terkait"]),
        ("Dikaitkan petugas", frame["oleh_petugas"], SUPPORT_COLOURS["camat"]),
        (UNLINKED, frame["yatim"], SUPPORT_COLOURS["yatim"]),
    ]
    parts = [part for part in parts if part[1].sum() > 0]  # no legend entry, nor chart, for nothing
    title = f"Sasaran jabatan bawahan menurut dukungannya, per {noun}"
    return View(
        key="pohon",
        judul=f"Pohon kinerja per {noun}",
        lembar="Pohon kinerja",
        pesan=_support_sentence(below, linked, camat, unsupported),
        tabel=_placed(frame[["wilayah", "induk", *PLACE_COLUMNS]], level),
        figure=charts.stacked_counts(frame["wilayah"], parts, title, "Jumlah sasaran jabatan bawahan", "sasaran")
        if parts
        else None,
        angka=[
            ("Sasaran jabatan bawahan", _n(below)),
            ("Mendukung sasaran atasan", f"{_n(linked)} ({format_percent(linked, below)})" if below else "0"),
            ("Sasaran Camat tanpa dukungan", f"{_n(unsupported)} dari {_n(camat)}"),
        ],
        rincian=facts,
        judul_tabel=f"Angka per {noun}",
        rows=frame,
        utama=(LEVEL_LABELS[level],),
    )


def _support_sentence(below: int, linked: int, camat: int, unsupported: int) -> str:
    """The takeaway: the share of sasaran that support one above, and the Camat's sasaran none supports."""
    if not below:
        said = "Tidak ada sasaran jabatan bawahan yang dapat dikaitkan: dokumennya tanpa sasaran Camat atau Sekretaris."
    else:
        share = format_percent(linked, below)
        said = f"{_n(linked)} dari {_n(below)} sasaran jabatan bawahan ({share}) mendukung sasaran Camat atau Sekretaris."
    if not camat:
        return said
    if not unsupported:
        return f"{said} Semua {_n(camat)} sasaran Camat didukung."
    return f"{said} {_n(unsupported)} dari {_n(camat)} sasaran Camat tidak didukung sasaran mana pun."


def _most_unlinked(frame: pd.DataFrame) -> str:
    """Where the largest share of sasaran below support nothing (ties named together), true for one place
    and for places where none is left alone."""
    share = (frame["yatim"] / frame["bawahan"].where(frame["bawahan"] > 0)).fillna(-1)
    if share.max() <= 0:
        return "Setiap sasaran jabatan bawahan mendukung sasaran atasan."
    first = frame[share == share.max()].iloc[0]
    counted = f"{_n(first['yatim'])} dari {_n(first['bawahan'])} ({format_percent(first['yatim'], first['bawahan'])})"
    if len(frame) == 1:
        return f"Belum mendukung sasaran atasan di {first['wilayah']}: {counted}."
    names = _names(frame["wilayah"][share == share.max()].tolist(), MAX_HEADLINE_NAMED)
    return f"Porsi sasaran yang belum mendukung sasaran atasan paling besar di {names}: {counted}."


def pohon_dokumen(con, filters: Filters) -> pd.DataFrame:
    """The documents whose tree can be drawn, each with a label ('Masama 2020 (Banggai)')."""
    rows = _run(con, "pohon_dokumen", filters)
    rows["nama"] = rows["kecamatan"] + " " + rows["tahun"].astype(str) + " (" + rows["kabupaten"] + ")"
    return rows


def pohon_kecamatan(con, filters: Filters, kabupaten: str, kecamatan: str, tahun: int) -> View | None:
    """One document's tree: the Camat's sasaran, the Sekretaris' under the Camat's they support, and each
    position under the sasaran its own support; the positions that support nothing apart."""
    nodes = _run(con, "pohon_simpul", filters, kabupaten_pohon=kabupaten, kecamatan_pohon=kecamatan, tahun_pohon=int(tahun))
    if nodes.empty:
        return None
    where = f"{kecamatan} {tahun}"
    below = nodes[nodes["bawahan"]]
    top = nodes[nodes["jenis_jabatan"] == "camat"]
    unsupported = top[top["anak"] == 0]["sasaran"].tolist()
    sentence = _support_sentence(len(below), int((~below["yatim"]).sum()), len(top), len(unsupported))
    facts = [support_bar_text()]
    if unsupported:
        facts.append("Sasaran Camat tanpa dukungan: " + "; ".join(f"“{text.rstrip('.')}”" for text in unsupported) + ".")
    if top.empty:
        facts.append("Dokumen ini tanpa jabatan Camat: sasaran Sekretaris di puncak pohon.")
    table = nodes[["jabatan", "jenis_jabatan", "sasaran", "daftar_indikator", "induk_sasaran", "induk_jabatan",
                   "skor_kaitan", "cara_kaitan", "terdekat_sasaran"]]  # fmt: skip
    return View(
        key="pohon_kecamatan",
        judul=f"Pohon kinerja {where}",
        pesan=f"Di {where}: {sentence[0].lower()}{sentence[1:]}",
        tabel=readable(table),
        figure=charts.cascade_tree(*_tree(nodes), f"Pohon kinerja {where}: sasaran siapa didukung siapa"),
        rincian=facts,
        rows=nodes,
        utama=(COLUMN_LABELS["jabatan"], COLUMN_LABELS["sasaran"]),
        judul_tabel="Setiap sasaran dan yang didukungnya",
    )


def _tree(nodes: pd.DataFrame) -> tuple[list, ...]:
    """The icicle's boxes, one unit tall each: the Camat's and Sekretaris' sasaran (a Sekretaris' under
    the Camat's it supports), under each the positions supporting it (their sasaran and indicators in
    the hover), and the positions that support nothing under a box of their own."""
    ids, parents, labels, colours, hover = [], [], [], [], []

    def box(key: str, parent: str, label: str, colour: str, said: str) -> None:
        ids.append(key), parents.append(parent), labels.append(label), colours.append(colour), hover.append(said)

    above = nodes[nodes["atas"]]
    known = set(above["simpul_id"])
    for node in above.itertuples():
        said = f"{node.jabatan}: {node.sasaran}<br>Indikator: {node.daftar_indikator}"
        parent = node.induk_id if node.induk_id in known else ""
        label = f"{JENIS_LABELS[node.jenis_jabatan]}: {node.sasaran}"
        box(node.simpul_id, parent, label, SUPPORT_COLOURS[node.jenis_jabatan], said)
    below = nodes[~nodes["atas"] & nodes["bawahan"]]
    if below["yatim"].any():
        box(UNLINKED, "", UNLINKED, SUPPORT_COLOURS["yatim"], UNLINKED)
    for (parent, jabatan), group in below.groupby([below["induk_id"].where(~below["yatim"], UNLINKED), "jabatan"], sort=False):
        colour = SUPPORT_COLOURS["yatim" if parent == UNLINKED else "terkait"]
        listed = "<br>".join(f"• {text}" for text in group["sasaran"])
        box(f"{parent}|{jabatan}", parent, f"{jabatan} ({_n(len(group))} sasaran)", colour, f"{jabatan}<br>{listed}")
    return ids, parents, labels, [1] * len(ids), colours, hover


FOLLOW_WORDING = "\x00kemiripan"  # the choice that drops an officer's link: the wording decides again


def link_now(node: pd.Series) -> str:
    """What a node of the tree supports now, and who decided it, in words."""
    score = f" (skor {format_number(node['skor_kaitan'])})" if pd.notna(node["skor_kaitan"]) else ""
    if node["cara_kaitan"] == "petugas":
        return f"Kini mendukung “{node['induk_sasaran']}” ({node['induk_jabatan']}), ditetapkan petugas."
    if node["cara_kaitan"] == "dilepas":
        return "Kini tidak mendukung sasaran atasan: dilepas petugas."
    if node["induk_id"]:
        return f"Kini mendukung “{node['induk_sasaran']}” ({node['induk_jabatan']}), menurut kemiripan kata{score}."
    if node["terdekat_id"]:
        return f"Kini belum mendukung sasaran atasan; yang terdekat “{node['terdekat_sasaran']}”{score}, di bawah batas."
    return "Kini belum mendukung sasaran atasan."


def link_choices(nodes: pd.DataFrame, node: pd.Series) -> dict[str, str]:
    """What an officer may say a node supports, keyed by the parent's id: each sasaran above it in the
    document, none, or (for a node an officer decided) the wording again."""
    above = nodes[nodes["atas"] & nodes["jenis_jabatan"].isin(supported_kinds(node["jenis_jabatan"]))]
    choices = {row.simpul_id: f"{row.jabatan}: {row.sasaran}" for row in above.itertuples()}
    choices[""] = "Tidak mendukung sasaran atasan mana pun"
    if node["cara_kaitan"] in ("petugas", "dilepas"):
        choices[FOLLOW_WORDING] = "Ikuti kemiripan kata lagi (hapus kaitan petugas)"
    return choices


def pohon_yatim(con, filters: Filters, page: int = 1) -> View | None:
    """The indicators whose sasaran supports nothing above although the document has sasaran above, the
    closest to the bar first: one page of PAGE_ROWS rows, with the count of all."""
    rows = _lowest_first(con, "pohon_yatim", filters, page)
    if rows.empty:
        return None
    total = int(rows["jumlah"].iloc[0])
    return View(
        key="pohon_yatim",
        judul="Indikator yang belum mendukung sasaran atasan",
        pesan=f"{_n(total)} indikator belum mendukung sasaran Camat atau Sekretaris; yang paling dekat ke batas "
        "kemiripan di atas, siap dikaitkan petugas bila memang mendukung.",
        tabel=_unlinked_table(rows),
        utama=(COLUMN_LABELS["kecamatan"], COLUMN_LABELS["indikator"]),
        jumlah=total,
        lembar="Belum mendukung atasan",
    )


def pohon_yatim_semua(con, filters: Filters) -> pd.DataFrame:
    return _unlinked_table(_run(con, "pohon_yatim", filters, **EVERY_ROW))


def _unlinked_table(rows: pd.DataFrame) -> pd.DataFrame:
    columns = ["kecamatan", "tahun", "jabatan", "sasaran", "indikator", "terdekat_sasaran", "terdekat_jabatan",
               "skor_kaitan", "cara_kaitan", "kabupaten", "indikator_id"]  # fmt: skip
    return readable(rows[columns])


def sasaran_tanpa_dukungan(con, filters: Filters) -> View | None:
    """The Camat's and Sekretaris' sasaran that nothing below supports."""
    rows = _run(con, "sasaran_tanpa_dukungan", filters)
    if rows.empty:
        return None
    camat = int((rows["jenis_jabatan"] == "camat").sum())
    return View(
        key="sasaran_tanpa_dukungan",
        judul="Sasaran Camat dan Sekretaris yang tidak didukung",
        pesan=f"{_n(camat)} sasaran Camat dan {_n(len(rows) - camat)} sasaran Sekretaris tidak didukung sasaran "
        "jabatan mana pun di bawahnya.",
        tabel=readable(rows[["kecamatan", "tahun", "jabatan", "sasaran", "daftar_indikator", "kabupaten"]]),
        utama=(COLUMN_LABELS["kecamatan"], COLUMN_LABELS["sasaran"]),
        lembar="Sasaran tanpa dukungan",
    )


def kaitan_usang(con, filters: Filters) -> View | None:
    """The officers' links that apply to nothing since the last build."""
    rows = _run(con, "kaitan_usang", filters)
    if rows.empty:
        return None
    return View(
        key="kaitan_usang",
        judul="Kaitan petugas yang tidak cocok lagi",
        pesan=f"{_n(len(rows))} kaitan yang ditetapkan petugas tidak berlaku lagi: dokumennya diganti atau kata-katanya "
        "berubah. Kaitkan ulang bila masih benar; barisnya tetap tersimpan di kaitan.csv.",
        tabel=readable(rows),
        utama=(COLUMN_LABELS["kecamatan"], COLUMN_LABELS["sasaran"]),
    )


def key_views(con, filters: Filters, state: Capaian | None = None) -> list[View]:
    """Ringkasan, cakupan, kategori, capaian, kualitas, pohon, harmonisasi, antar tahun: the views a meeting
    steps through, in that order (harmonisasi where a position is in two kecamatan or more, antar tahun where
    a kecamatan has documents of two years or more).
    `state` passes in capaian already assembled (e.g. with cached example values)."""
    first = ringkasan(con, filters)
    if first is None:
        return []
    shown = [
        first, cakupan(con, filters), kategori(con, filters), capaian(state or assemble(con, filters)), kualitas(con, filters),
        pohon(con, filters), harmonisasi(con, filters), antar_tahun(con, filters),
    ]  # fmt: skip
    return [view for view in shown if view is not None]


# --- Harmonisasi ------------------------------------------------------------------------------------

HARMONY_COLOURS = {"semua": "#0072B2", "sebagian": "#56B4E9", "tunggal": "#BBBBBB"}
HARMONY_PARTS = {"semua": "Dimiliki semua kecamatan", "sebagian": "Dimiliki sebagian", "tunggal": "Hanya satu kecamatan"}
NEEDS_TWO = "Harmonisasi membandingkan jabatan yang ada di dua kecamatan atau lebih; filter ini tidak menyisakannya."


def _standard(**params) -> dict:
    return {"porsi_standar": STANDARD_SHARE, **params}


def standard_rule() -> str:
    """When a cluster goes to the proposed standard set, in words."""
    return (
        f"Diusulkan sebagai indikator standar: klaster yang dimiliki paling sedikit dua kecamatan dan {_n(STANDARD_SHARE)}% "
        "kecamatan yang dokumennya memuat jabatan itu. Indikator satu klaster bila rumusannya mirip (kata yang sama, "
        "tanpa kata ukuran) seperti pada Perbandingan; dua indikator satu dokumen tidak pernah satu klaster."
    )


def _place_names(keys) -> list[str]:
    """Places keyed 'kabupaten|kecamatan' as people name them: the kecamatan, with its kabupaten only when
    two of the listed share the name."""
    pairs = [key.split("|", 1) for key in keys]
    names = pd.Series([kecamatan for _, kecamatan in pairs], dtype="string")
    return told_apart(names, pd.Series([kabupaten for kabupaten, _ in pairs], dtype="string")).tolist()


def _listed_places(keys) -> str:
    return ", ".join(sorted(_place_names(list(keys)))) or "—"


def harmonisasi(con, filters: Filters) -> View | None:
    """Per position in two kecamatan or more: its clusters of indicators held by every kecamatan having
    the position, by some, by one; and how many are proposed as the standard set."""
    frame = _run(con, "harmonisasi_per_jabatan", filters, **_standard())
    if frame.empty:
        return None
    totals = {key: int(frame[key].sum()) for key in ("klaster", "semua", "sebagian", "tunggal", "standar")}
    shown = frame.head(MAX_PLACES)
    parts = [(HARMONY_PARTS[key], shown[key], HARMONY_COLOURS[key]) for key in HARMONY_PARTS if shown[key].sum() > 0]
    facts = [standard_rule()]
    if len(frame) > len(shown):
        facts.append(f"Grafik memuat {_n(len(shown))} jabatan yang ada di kecamatan terbanyak; {_n(len(frame) - len(shown))} "
                     "jabatan lain ada di tabel.")  # fmt: skip
    return View(
        key="harmonisasi",
        judul="Harmonisasi indikator antarkecamatan",
        pesan=_harmony_sentence(len(frame), totals),
        tabel=readable(frame[["jabatan_baku", "tempat_jabatan", "klaster", "semua", "sebagian", "tunggal", "standar"]]),
        figure=charts.stacked_counts(
            shown["jabatan_baku"],
            parts,
            "Klaster indikator per jabatan menurut banyaknya kecamatan yang memilikinya",
            "Jumlah klaster indikator",
            "klaster",
        ),  # fmt: skip
        angka=[
            ("Jabatan di ≥ 2 kecamatan", _n(len(frame))),
            ("Klaster indikator", _n(totals["klaster"])),
            ("Diusulkan standar", _n(totals["standar"])),
        ],
        rincian=facts,
        judul_tabel="Angka per jabatan",
        rows=frame,
        lembar="Harmonisasi",
        utama=(COLUMN_LABELS["jabatan_baku"],),
    )


def _harmony_sentence(positions: int, totals: dict[str, int]) -> str:
    """The takeaway: how many of the clusters every kecamatan with the position holds, and how many one."""
    said = (
        f"{_n(totals['klaster'])} klaster indikator pada {_n(positions)} jabatan yang ada di dua kecamatan atau lebih: "
        f"{_n(totals['semua'])} dimiliki semua kecamatan yang punya jabatannya, "
        f"{_n(totals['tunggal'])} hanya oleh satu kecamatan."
    )
    if not totals["standar"]:
        return f"{said} Belum ada yang dapat diusulkan sebagai standar."
    return f"{said} {_n(totals['standar'])} diusulkan sebagai indikator standar."


def harmonisasi_jabatan(con, filters: Filters, jabatan_baku: str) -> View | None:
    """The clusters of one position: the kecamatan holding each and those lacking it."""
    rows = _run(con, "harmonisasi_klaster", filters, **_standard(jabatan_klaster=jabatan_baku))
    if rows.empty:
        return None
    places = int(rows["tempat_jabatan"].iloc[0])
    everywhere, alone = int((rows["tempat"] == places).sum()), int((rows["tempat"] == 1).sum())
    return View(
        key="harmonisasi_jabatan",
        judul=f"Klaster indikator {jabatan_baku}",
        pesan=f"{jabatan_baku} ada di {_n(places)} kecamatan: {_n(len(rows))} klaster indikator, {_n(everywhere)} dimiliki "
        f"semua, {_n(alone)} hanya oleh satu kecamatan.",
        tabel=_cluster_table(rows, with_position=False),
        rows=rows,
        lembar="Klaster per jabatan",
        utama=(COLUMN_LABELS["klaster_nama"],),
    )


def _cluster_table(rows: pd.DataFrame, with_position: bool) -> pd.DataFrame:
    table = pd.DataFrame({
        "jabatan_baku": rows["jabatan_baku"],
        "klaster_nama": rows["klaster_nama"],
        "dimiliki": [f"{_n(have)} dari {_n(of)}" for have, of in zip(rows["tempat"], rows["tempat_jabatan"], strict=True)],
        "punya": rows["punya"].map(_listed_places),
        "tanpa": rows["tanpa"].map(_listed_places),
        "rumusan": rows["rumusan"],
        "standar": rows["standar"].map({True: "ya", False: ""}),
        "cara_klaster": rows["oleh_petugas"].map({True: "ya", False: ""}),
    })  # fmt: skip
    return readable(table if with_position else table.drop(columns="jabatan_baku"))


def _wording_table(rows: pd.DataFrame, with_position: bool) -> pd.DataFrame:
    rows = rows.assign(kecamatan=place_names(rows))
    target = [_with_unit(t, unit) if pd.notna(t) else "" for t, unit in zip(rows["target"], rows["target_satuan"], strict=True)]
    columns = ["klaster_nama", "kecamatan", "tahun", "indikator", "formula", "satuan", "target", "skor_klaster", "cara_klaster"]
    return readable(rows.assign(target=target)[["jabatan_baku", *columns] if with_position else columns])


def harmonisasi_ekspor(con, filters: Filters) -> dict[str, pd.DataFrame]:
    """The sheets of `python -m kinerja harmonisasi` and of the page's download: the proposed standard
    set, every cluster of the positions in two kecamatan or more, every indicator in its cluster, and
    the rule; empty when no position is in two kecamatan."""
    clusters = _run(con, "harmonisasi_klaster", filters, **_standard(jabatan_klaster=""))
    if clusters.empty:
        return {}
    proposed = harmonisasi_standar(con, filters)
    wordings = _run(con, "harmonisasi_rumusan", filters, **_standard(jabatan_klaster=""))
    standard = proposed.tabel if proposed is not None else pd.DataFrame({"Keterangan": ["Belum ada klaster yang diusulkan."]})
    return {
        "Usulan standar": standard,
        "Klaster indikator": _cluster_table(clusters, with_position=True),
        "Rumusan per kecamatan": _wording_table(wordings, with_position=True),
        "Aturan": pd.DataFrame({"Aturan": [standard_rule()]}),
    }


def harmonisasi_rumusan(con, filters: Filters, jabatan_baku: str) -> View | None:
    """How each kecamatan words, computes and targets each cluster of one position."""
    rows = _run(con, "harmonisasi_rumusan", filters, **_standard(jabatan_klaster=jabatan_baku))
    if rows.empty:
        return None
    worded = rows.groupby("klaster_id")["rumusan"].nunique()
    return View(
        key="harmonisasi_rumusan",
        judul=f"Rumusan dan target per kecamatan: {jabatan_baku}",
        pesan=f"{_n((worded > 1).sum())} dari {_n(len(worded))} klaster {jabatan_baku} dirumuskan berbeda antarkecamatan.",
        tabel=_wording_table(rows, with_position=False),
        rows=rows,
        lembar="Rumusan per kecamatan",
        utama=(COLUMN_LABELS["klaster_nama"], COLUMN_LABELS["kecamatan"]),
    )


def harmonisasi_standar(con, filters: Filters) -> View | None:
    """The proposed standard set: the clusters most kecamatan with the position hold, measured as most
    of them measure it."""
    rows = _run(con, "harmonisasi_standar", filters, **_standard())
    if rows.empty:
        return None
    targets = zip(rows["target_median"], rows["target_terendah"], rows["target_tertinggi"], rows["target_satuan"], strict=True)
    target = [_target_range(median, low, high, unit) for median, low, high, unit in targets]
    table = pd.DataFrame({
        "jabatan_baku": rows["jabatan_baku"],
        "klaster_nama": rows["klaster_nama"],
        "dimiliki": [f"{_n(have)} dari {_n(of)}" for have, of in zip(rows["tempat"], rows["tempat_jabatan"], strict=True)],
        "punya": rows["punya"].map(_listed_places),
        "satuan": rows["satuan"],
        "kategori_formula": rows["kategori_formula"],
        "formula": rows["formula"],
        "target_median": target,
    })  # fmt: skip
    positions = rows["jabatan_baku"].nunique()
    return View(
        key="harmonisasi_standar",
        judul="Usulan indikator standar",
        pesan=f"{_n(len(rows))} indikator untuk {_n(positions)} jabatan diusulkan sebagai standar: dimiliki paling sedikit "
        f"{_n(STANDARD_SHARE)}% kecamatan yang punya jabatannya, diukur seperti kebanyakan kecamatan mengukurnya.",
        tabel=readable(table).rename(columns={COLUMN_LABELS["target_median"]: "Target (median, rentang)"}),
        rows=rows,
        lembar="Usulan standar",
        utama=(COLUMN_LABELS["jabatan_baku"], COLUMN_LABELS["klaster_nama"]),
    )


def _target_range(median, low, high, unit: str) -> str:
    """'12 laporan', or '12 laporan (6 laporan–24 laporan)' when the kecamatan set different targets."""
    if pd.isna(median):
        return ""
    spread = "" if low == high else f" ({_with_unit(low, unit)}–{_with_unit(high, unit)})"
    return _with_unit(median, unit) + spread


def _with_unit(value, unit: str) -> str:
    return f"{format_value(value)} {unit or ''}".strip()


def klaster_usang(con, filters: Filters) -> View | None:
    rows = _run(con, "klaster_usang", filters)
    if rows.empty:
        return None
    return View(
        key="klaster_usang",
        judul="Keputusan klaster petugas yang tidak cocok lagi",
        pesan=f"{_n(len(rows))} keputusan petugas atas klaster tidak berlaku lagi: rumusannya tidak ada lagi pada jabatan itu. "
        "Putuskan ulang bila masih perlu; barisnya tetap tersimpan di klaster.csv.",
        tabel=readable(rows),
        utama=(COLUMN_LABELS["jabatan_baku"], COLUMN_LABELS["rumusan"]),
    )


# --- Antar tahun ------------------------------------------------------------------------------------

CHANGE_COLOURS = {"diubah": "#E69F00", "ditambah": "#0072B2", "dihapus": "#D55E00", "tetap": "#BBBBBB"}
CHANGE_COUNTS = tuple(CHANGE_LABELS)  # the columns counting each kind of change, in the charts' order
NEEDS_YEARS = (
    "Perubahan antar tahun membandingkan dokumen sebuah kecamatan dengan dokumennya tahun sebelumnya; filter ini tidak "
    "menyisakan kecamatan dengan dokumen dua tahun atau lebih. Perbandingan dicatat pada tahun dokumen yang lebih baru."
)
EVERY_COMPARISON = {"kabupaten_banding": "", "kecamatan_banding": "", "tahun_banding": 0}  # antar_tahun_rincian of all
MOVED = ("naik", "turun", "satuan_beda", "target_baru", "target_hilang")  # the target moves antar_tahun_target lists


def change_rule() -> str:
    """How two years' indicators are paired, in words."""
    return (
        "Indikator sebuah jabatan dibandingkan dengan indikator jabatan yang sama di dokumen tahun sebelumnya kecamatan "
        "itu. Ditulis sama (tanpa beda huruf besar, spasi, dan tanda baca di akhir): tetap. Ditulis lain tetapi mirip "
        "(kata yang sama, tanpa kata ukuran, seperti pada Perbandingan): dirumuskan ulang. Sisanya ditambah atau dihapus. "
        "Gerak target dihitung bila kedua tahun memberi angka dengan satuan yang sama; perbandingan dicatat pada tahun "
        "dokumen yang lebih baru."
    )


def antar_tahun(con, filters: Filters) -> View | None:
    """Per place with documents for several years: over its comparisons (a document against the one of the
    year before), the indicators kept, reworded, added and dropped, and how the targets moved."""
    level = summary_level(_run(con, "jumlah_wilayah_antar_tahun", filters).iloc[0])  # the places compared only
    frame = _places_named(_run(con, "antar_tahun_per_wilayah", filters, tingkat=level))
    if frame.empty:
        return None
    totals = frame[[*CHANGE_COUNTS, "perbandingan", "jumlah_kecamatan", "rumus_berubah", "target_naik", "target_turun",
                    "target_sama"]].sum().astype(int)  # fmt: skip
    one = len(frame) == 1 and level == "kecamatan"
    where = frame["wilayah"].iloc[0] if one else f"{_n(totals['jumlah_kecamatan'])} kecamatan"
    years = f"{frame['tahun_awal'].min()}–{frame['tahun_akhir'].max()}"
    facts = [change_rule(), *_most_changed(frame)]
    if totals["rumus_berubah"]:
        facts.append(f"{_n(totals['rumus_berubah'])} indikator yang tetap atau dirumuskan ulang berganti formula.")
    if level != "kecamatan":
        facts.append(summed_per(level, int(totals["jumlah_kecamatan"])))
    parts = [(CHANGE_LABELS[key], frame[key], CHANGE_COLOURS[key]) for key in CHANGE_COUNTS if frame[key].sum() > 0]
    noun = LEVEL_LABELS[level].lower()
    table = frame.assign(tahun_banding=frame["tahun_awal"].astype(str) + "–" + frame["tahun_akhir"].astype(str))
    shown = ["wilayah", "induk", *(["jumlah_kecamatan"] if level != "kecamatan" else []), "perbandingan", "tahun_banding",
             *CHANGE_COUNTS, "rumus_berubah", "target_naik", "target_turun", "target_sama"]  # fmt: skip
    return View(
        key="antar_tahun",
        judul=f"Perubahan indikator antar tahun per {noun}",
        lembar="Antar tahun",
        pesan=f"{_n(totals['perbandingan'])} perbandingan dengan dokumen tahun sebelumnya di {where} ({years}): "
        + _change_sentence(totals),
        tabel=_placed(table[shown], level),
        figure=charts.stacked_counts(
            frame["wilayah"],
            parts,
            f"Indikator dibanding dokumen tahun sebelumnya, per {noun}",
            "Jumlah indikator",
            "indikator",
        ),  # fmt: skip
        angka=[
            ("Perbandingan tahun", _n(totals["perbandingan"])),
            ("Ditambah / dihapus", f"{_n(totals['ditambah'])} / {_n(totals['dihapus'])}"),
            ("Target naik / turun", f"{_n(totals['target_naik'])} / {_n(totals['target_turun'])}"),
        ],
        rincian=facts,
        judul_tabel=f"Angka per {noun}",
        rows=frame,
        utama=(LEVEL_LABELS[level],),
    )


def _change_sentence(counts) -> str:
    """What became of the indicators and their targets, from counts of each kind of change and move."""
    changes = [f"{_n(counts[key])} {CHANGE_LABELS[key].lower()}" for key in CHANGE_COUNTS[:3] if counts[key]]
    if not changes:
        said = f"semua {_n(counts['tetap'])} indikator tetap."
    elif not counts["tetap"]:
        said = f"tidak ada indikator yang tetap; {_names(changes)}."
    else:
        said = f"{_n(counts['tetap'])} indikator tetap, {_names(changes)}."
    up, down, same = (int(counts[key]) for key in ("target_naik", "target_turun", "target_sama"))
    if not up + down + same:
        return f"{said} Tidak ada target yang dapat dibandingkan antar tahun."
    if not up + down:
        return f"{said} Target yang dapat dibandingkan tidak berubah."
    return f"{said} Target {_names([f'{_n(n)} {word}' for n, word in ((up, 'naik'), (down, 'turun')) if n])}."


def _most_changed(frame: pd.DataFrame) -> list[str]:
    """Where the largest share of indicators changed (ties named together, each with its own counts
    unsaid); nothing for one place."""
    if len(frame) < 2:
        return []
    changed = frame["diubah"] + frame["ditambah"] + frame["dihapus"]
    total = frame[list(CHANGE_COUNTS)].sum(axis=1)
    if changed.max() == 0:
        return ["Tidak ada indikator yang berubah di tempat mana pun."]
    share = changed / total
    top = share == share.max()
    first = share.idxmax()
    counted = f"{_n(changed[first])} dari {_n(total[first])}, " if top.sum() == 1 else ""
    names = _names(frame["wilayah"][top].tolist(), MAX_HEADLINE_NAMED)
    return [f"Porsi indikator yang berubah paling besar di {names} ({counted}{format_percent(changed[first], total[first])})."]


def antar_tahun_dokumen(con, filters: Filters) -> pd.DataFrame:
    """The comparisons under the filters, each with a label ('Wonorejo 2025 dibanding 2024 (Sukamaju)')."""
    rows = _run(con, "antar_tahun_dokumen", filters)
    rows["nama"] = (
        rows["kecamatan"] + " " + rows["tahun"].astype(str) + " dibanding " + rows["tahun_sebelum"].astype(str)
        + " (" + rows["kabupaten"] + ")"
    )  # fmt: skip
    return rows


def antar_tahun_kecamatan(con, filters: Filters, kabupaten: str, kecamatan: str, tahun: int, semua: bool = False) -> View | None:
    """One comparison: per position what became of its indicators, and each indicator against its
    counterpart of the year before: those that changed something (wording, formula, target), or `semua`."""
    where = {"kabupaten_banding": kabupaten, "kecamatan_banding": kecamatan, "tahun_banding": int(tahun)}
    rows = _run(con, "antar_tahun_rincian", filters, **where, hanya_berubah=False)
    if rows.empty:
        return None
    positions = _run(con, "antar_tahun_jabatan", filters, **where)
    parts = [(CHANGE_LABELS[key], positions[key], CHANGE_COLOURS[key]) for key in CHANGE_COUNTS if positions[key].sum() > 0]
    title = f"{kecamatan} {tahun} dibanding {rows['tahun_sebelum'].iloc[0]}"
    listed = rows if semua or not rows["berubah"].any() else rows[rows["berubah"]]
    facts = []
    if len(listed) < len(rows):
        facts.append(f"{_n(len(rows) - len(listed))} indikator yang tetap dengan formula dan target yang sama tidak didaftar.")
    elif not (semua or rows["berubah"].any()):
        facts.append("Tidak ada indikator yang berubah: tabel mendaftar semuanya.")
    return View(
        key="antar_tahun_kecamatan",
        judul=f"Perubahan indikator {title}",
        pesan=f"{title}: {_change_sentence(positions.sum(numeric_only=True))}",
        tabel=_change_table(listed, with_place=False),
        figure=charts.stacked_counts(
            positions["jabatan_baku"], parts, f"Indikator {title} per jabatan", "Jumlah indikator", "indikator"
        ),
        rincian=facts,
        judul_tabel="Setiap indikator dan pasangannya tahun sebelumnya",
        rows=listed,
        lembar="Perubahan satu kecamatan",
        utama=(COLUMN_LABELS["jenis_perubahan"],),
    )


def _signed(value, unit: str) -> str:
    """A target's move with its sign: '+7,5 %', '−2 laporan', '0 laporan'."""
    if pd.isna(value):
        return ""
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return sign + _with_unit(abs(value), unit)


def _target_columns(rows: pd.DataFrame) -> dict[str, list]:
    """Both years' targets with their units, the move, and the difference with its sign."""

    def written(values: str, units: str) -> list[str]:
        return ["" if pd.isna(v) else _with_unit(v, u) for v, u in zip(rows[values], rows[units], strict=True)]

    return {
        "target_sebelum": written("target_sebelum", "target_satuan_sebelum"),
        "target": written("target", "target_satuan"),
        "gerak_target": rows["gerak_target"].tolist(),
        "selisih_target": [_signed(v, u) for v, u in zip(rows["selisih_target"], rows["target_satuan"], strict=True)],
    }


def _change_table(rows: pd.DataFrame, with_place: bool) -> pd.DataFrame:
    """Each indicator beside its counterpart of the year before, targets with their units; the kind of
    change and both wordings first, the position last (a comparison's chart shows the positions)."""
    table = pd.DataFrame({
        "kecamatan": place_names(rows),
        "tahun_sebelum": rows["tahun_sebelum"],
        "tahun": rows["tahun"],
        "jenis_perubahan": rows["jenis_perubahan"],
        "indikator_sebelum": rows["indikator_sebelum"].fillna(""),
        "indikator": rows["indikator"].fillna(""),
        **_target_columns(rows),
        "rumus_berubah": rows["rumus_berubah"].map({True: "ya", False: ""}),
        "skor_kemiripan": rows["skor_kemiripan"].where(rows["jenis_perubahan"] == "diubah"),
        "jabatan_baku": rows["jabatan_baku"],
    })  # fmt: skip
    return readable(table if with_place else table.drop(columns=["kecamatan", "tahun_sebelum", "tahun"]))


def antar_tahun_target(con, filters: Filters) -> View | None:
    """The targets that moved from one year to the next, the largest moves first."""
    rows = _run(con, "antar_tahun_target", filters)
    if rows.empty:
        return None
    moves = rows["gerak_target"].value_counts()
    said = ", ".join(f"{_n(moves[move])} {TARGET_MOVE_LABELS[move].lower()}" for move in MOVED if move in moves)
    table = pd.DataFrame({
        "kecamatan": place_names(rows),
        "indikator": rows["indikator"],
        **_target_columns(rows),
        "tahun_banding": rows["tahun_sebelum"].astype(str) + " → " + rows["tahun"].astype(str),
        "jabatan_baku": rows["jabatan_baku"],
    })  # fmt: skip
    return View(
        key="antar_tahun_target",
        judul="Target yang bergerak antar tahun",
        pesan=f"{_n(len(rows))} indikator yang tetap atau dirumuskan ulang berganti target: {said}.",
        tabel=readable(table),
        rincian=["Urutan: gerak terbesar dibanding target tahun sebelumnya lebih dulu."],
        rows=rows,
        lembar="Target bergerak",
        utama=(COLUMN_LABELS["kecamatan"], COLUMN_LABELS["indikator"]),
    )


def antar_tahun_ekspor(con, filters: Filters) -> dict[str, pd.DataFrame]:
    """The sheets of the page's download and of `python -m kinerja antar-tahun`: per place, per comparison,
    every indicator against its counterpart of the year before, and the rule; empty without comparisons."""
    per_place = antar_tahun(con, filters)
    if per_place is None:
        return {}
    comparisons = antar_tahun_dokumen(con, filters)
    every = _run(con, "antar_tahun_rincian", filters, **EVERY_COMPARISON, hanya_berubah=False)
    per_comparison = comparisons.assign(kecamatan=place_names(comparisons))
    columns = ["kecamatan", "tahun_sebelum", "tahun", *CHANGE_COUNTS, "berubah"]
    detail = _change_table(every, with_place=True).assign(**{
        COLUMN_LABELS["formula_sebelum"]: every["formula_sebelum"].fillna("").to_numpy(),
        COLUMN_LABELS["formula"]: every["formula"].fillna("").to_numpy(),
    })  # fmt: skip
    return {
        "Ringkasan": per_place.tabel,
        "Perbandingan": readable(per_comparison[columns]),
        "Rincian perubahan": detail,
        "Aturan": pd.DataFrame({"Aturan": [change_rule()]}),
    }
