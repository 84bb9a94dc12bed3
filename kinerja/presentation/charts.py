"""Plotly figures with Indonesian titles and labels, sized for a projector, one colour per kecamatan."""

import pandas as pd
import plotly.graph_objects as go

from kinerja.capaian.rules import Band
from kinerja.indonesian import format_number
from kinerja.presentation.text import distinct_names, wrap_distinct
from kinerja.vocab import JENIS_LABELS, KATEGORI_LABELS, NOT_RATED, QUARTER_LABELS

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
KATEGORI_COLOURS = {
    "persentase": "#0072B2",
    "rasio": "#56B4E9",
    "indeks": "#009E73",
    "komposit": "#CC79A7",
    "perubahan": "#E69F00",
    "jumlah": "#999999",
    "deskriptif": "#D55E00",
    "tanpa_formula": "#DDDDDD",
}
FONT = {"size": 16}
QUARTER_ORDER = tuple(QUARTER_LABELS.values())


def kecamatan_colours(names) -> dict[str, str]:
    """The same colour for a kecamatan on every chart: assigned in alphabetical order."""
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(sorted(set(names)))}


def _style(fig: go.Figure, title: str, height: int = 460) -> go.Figure:
    fig.update_layout(
        title={"text": title, "font": {"size": 22}},
        font=FONT,
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        # Below the plot, so it never runs into the title.
        legend={"title": {"text": ""}, "orientation": "h", "yanchor": "top", "y": -90 / height, "x": 0},
        separators=",.",  # Indonesian: 1.234,5
        template="plotly_white",  # the same look on screen, in images and in the deck
    )
    return fig


def indicators_per_kecamatan(frame: pd.DataFrame) -> go.Figure:
    """Stacked bars: measurable versus not, per kecamatan (graph_objects: plotly.express is slow here)."""
    parts = (
        ("Formula terukur", frame["terukur"], "#0072B2"),
        ("Hitungan / deskripsi / tanpa formula", frame["indikator"] - frame["terukur"], "#BBBBBB"),
    )
    # A kecamatan with documents of several years gets a bar per year, named as such.
    several = frame["kecamatan"].duplicated(keep=False)
    names = frame["kecamatan"].where(~several, frame["kecamatan"] + " " + frame["tahun"].astype(str))
    fig = go.Figure()
    for name, values, colour in parts:
        fig.add_bar(
            x=names, y=values, name=name, marker_color=colour, text=values, textposition="auto",
            hovertemplate="%{x} — " + name + ": %{y} indikator<extra></extra>",
        )  # fmt: skip
    fig.update_layout(barmode="relative")
    fig.update_xaxes(title_text="Kecamatan")
    fig.update_yaxes(title_text="Jumlah indikator")
    return _style(fig, "Jumlah indikator per kecamatan, menurut cara pengukurannya")


def coverage_heatmap(frame: pd.DataFrame, column: str, labels: dict[str, str], title: str) -> go.Figure:
    """Kecamatan x category matrix of indicators, positions in the hover text."""
    table = frame.assign(label=frame[column].map(labels).fillna(frame[column]))
    # One grouping for both matrices (several years of a kecamatan add up); pivot_table is slow.
    cells = table.groupby(["kecamatan", "label"])[["indikator", "jumlah_jabatan"]].sum().unstack(fill_value=0)
    order = [labels[k] for k in labels if labels[k] in cells["indikator"].columns]
    values, positions = cells["indikator"][order], cells["jumlah_jabatan"][order]
    fig = go.Figure(
        go.Heatmap(
            z=values.values,
            x=values.columns,
            y=values.index,
            text=values.values,
            texttemplate="%{text}",
            customdata=positions.values,
            hovertemplate="%{y} — %{x}<br>%{z} indikator dari %{customdata} jabatan<extra></extra>",
            colorscale="Blues",
            colorbar={"title": {"text": "Indikator"}},
        )
    )
    fig.update_xaxes(title_text="")
    fig.update_yaxes(title_text="Kecamatan", autorange="reversed")
    return _style(fig, title, height=120 + 70 * len(values.index))


def category_mix(frame: pd.DataFrame, group: str, group_label: str, title: str) -> go.Figure:
    """100 % stacked bars of formula categories per group (kecamatan or jenis jabatan)."""
    table = frame.copy()
    if group == "jenis_jabatan":
        table[group] = table[group].map(JENIS_LABELS)
    fig = go.Figure()
    for code, colour in KATEGORI_COLOURS.items():
        rows = table[table["kategori_formula"] == code]
        if not rows.empty:
            name = KATEGORI_LABELS[code]
            fig.add_bar(
                y=rows[group], x=rows["persen"], name=name, orientation="h", marker_color=colour,
                text=rows["indikator"], textposition="auto",
                hovertemplate="%{y} — " + name + ": %{x}% (%{text} indikator)<extra></extra>",
            )  # fmt: skip
    fig.update_layout(barmode="relative")
    order = list(JENIS_LABELS.values()) if group == "jenis_jabatan" else sorted(set(table[group]))
    fig.update_xaxes(title_text="Persen indikator (%)", range=[0, 100])
    fig.update_yaxes(title_text=group_label, categoryorder="array", categoryarray=order, autorange="reversed")
    return _style(fig, title, height=220 + 60 * len(set(table[group])))


def indicators_compared(frame: pd.DataFrame, colours: dict[str, str], title: str) -> go.Figure:
    counts = frame.groupby("kecamatan").size()
    fig = go.Figure(
        go.Bar(
            x=counts.index,
            y=counts.values,
            marker_color=[colours.get(k) for k in counts.index],
            text=counts.values,
            textposition="auto",
            hovertemplate="%{x}: %{y} indikator<extra></extra>",
        )  # fmt: skip
    )
    fig.update_layout(showlegend=False)
    fig.update_xaxes(title_text="Kecamatan")
    fig.update_yaxes(title_text="Jumlah indikator")
    return _style(fig, title, height=380)


NOT_RATED_COLOUR = "#BBBBBB"


def band_colours(bands: list[Band]) -> dict[str, str]:
    """Each rating band's colour from the configuration, highest band first, then 'not rated'."""
    return {**{band.name: band.colour for band in bands}, NOT_RATED: NOT_RATED_COLOUR}


def band_distribution(table: pd.DataFrame, bands: list[Band], title: str) -> go.Figure:
    """Indicators per rating band, stacked per kecamatan (graph_objects: plotly.express is slow here)."""
    counts = table.groupby(["kecamatan", "predikat"]).size().unstack(fill_value=0)
    kecamatan = sorted(counts.index, reverse=True)
    fig = go.Figure()
    for band, colour in band_colours(bands).items():
        if band in counts:
            values = counts.loc[kecamatan, band]
            fig.add_bar(
                y=kecamatan, x=values, name=band, orientation="h", marker_color=colour,
                text=values.where(values > 0, None), hovertemplate="%{y} — " + band + ": %{x} indikator<extra></extra>",
            )  # fmt: skip
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title_text="Jumlah indikator")
    fig.update_yaxes(title_text="Kecamatan")
    return _style(fig, title, height=220 + 60 * len(kecamatan))


def capaian_bars(table: pd.DataFrame, bands: list[Band], title: str) -> go.Figure:
    """Capaian per indicator against the target line at 100 %, lowest first: one bar per indicator id,
    labelled so that indicators written alike stay apart, the value beside every bar (0 % included)."""
    rated = table.dropna(subset=["capaian"]).sort_values("capaian")
    labels = wrap_distinct(distinct_names(rated))
    fig = go.Figure(
        go.Bar(
            x=rated["capaian"],
            y=rated["indikator_id"],
            orientation="h",
            marker_color=rated["predikat"].map(band_colours(bands)),
            text=[f"{format_number(v)}%" for v in rated["capaian"]],
            textposition="outside",
            cliponaxis=False,
            customdata=list(zip(labels, rated["target"], rated["realisasi"], rated["predikat"], strict=True)),
            hovertemplate="%{customdata[0]}<br>Capaian %{x:.1f}%<br>Target %{customdata[1]:,.1f} · "
            "Realisasi %{customdata[2]:,.1f}<br>%{customdata[3]}<extra></extra>",
        )
    )
    fig.add_vline(x=100, line_dash="dash", line_color="#333333", annotation_text="Target (100%)")
    fig.update_xaxes(title_text="Capaian (%)")
    fig.update_yaxes(title_text="", autorange="reversed", tickmode="array", tickvals=list(rated["indikator_id"]), ticktext=labels)
    return _style(fig, title, height=160 + 40 * len(rated))


def quarterly_lines(progress: pd.DataFrame, colours: dict[str, str], title: str) -> go.Figure:
    order = list(QUARTER_ORDER)
    fig = go.Figure()
    for kecamatan, rows in progress.groupby("kecamatan"):
        rows = rows.set_index("triwulan").reindex([q for q in order if q in set(rows["triwulan"])])
        fig.add_scatter(
            x=rows.index, y=rows["progres"], name=kecamatan, mode="lines+markers", line_color=colours.get(kecamatan),
            hovertemplate=f"{kecamatan} — %{{x}}: %{{y:.1f}}%<extra></extra>",
        )  # fmt: skip
    fig.add_hline(y=100, line_dash="dash", line_color="#333333")
    fig.update_xaxes(title_text="Triwulan", categoryorder="array", categoryarray=order)
    fig.update_yaxes(title_text="Median capaian sampai triwulan (%)")
    return _style(fig, title, height=440)
