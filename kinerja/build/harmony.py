"""Harmonisasi: the indicators of one jabatan baku across kecamatan, in clusters that measure the same
thing in other words.

Per jabatan baku, the distinct wordings (`similarity.normalise`) are clustered by
`similarity.cluster_wordings`: around the wording most kecamatan use, by the likeness Perbandingan uses,
never two wordings of one document together. A cluster is named by its most typical wording, written
as the documents write it. Computed at build time, inside `write_tables`; the table `klaster` has a row
per indicator (the partitions of `indikator`).

An officer corrects the clusters in klaster.csv beside the documents: `pisah` sets a wording apart (a
cluster of its own), `gabung` puts two wordings in one cluster. Both are keyed to the position and the
wordings, so they hold across rebuilds; one naming a wording no document of the position has any more
applies to nothing and is kept in the table `klaster_usang` with the reason.
"""

from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from kinerja import similarity
from kinerja.build.corrections import read_officers_file, write_officers_file
from kinerja.errors import BuildError
from kinerja.ids import cluster_id
from kinerja.indonesian import utc_now
from kinerja.paths import raw_dir

GROUPINGS_NAME = "klaster.csv"
SET_APART, PUT_TOGETHER = "pisah", "gabung"
ACTIONS = (SET_APART, PUT_TOGETHER)
KLASTER_COLUMNS = [
    "indikator_id", "provinsi", "kabupaten", "kecamatan", "tahun", "jabatan_baku", "klaster_id", "klaster_nama",
    "rumusan", "peringkat", "skor_klaster", "cara_klaster",
]  # fmt: skip
GROUPING_COLUMNS = ["jabatan_baku", "tindakan", "rumusan", "dengan", "alasan", "oleh", "pada"]
STALE_COLUMNS = [*GROUPING_COLUMNS, "baris", "sebab"]
HEADER_NOTE = (
    "# Koreksi klaster indikator (Harmonisasi) oleh petugas: satu baris per keputusan. tindakan 'pisah':\n"
    "# rumusan indikator itu menjadi klaster sendiri; 'gabung': rumusan itu satu klaster dengan rumusan\n"
    "# pada kolom 'dengan'. Rumusan dicocokkan tanpa beda huruf besar, tanda baca, dan kata ukuran.\n"
)


@dataclass
class Grouping:
    jabatan_baku: str
    tindakan: str  # SET_APART or PUT_TOGETHER
    rumusan: str  # an indicator as a document words it
    dengan: str = ""  # PUT_TOGETHER: the indicator it goes with
    alasan: str = ""
    oleh: str = ""
    pada: str = ""
    row: int = 0  # line in the file, for messages

    def key(self) -> tuple[str, str, str, str]:
        """What replaces what: a later decision on the same wordings of the same position wins."""
        ends = sorted((similarity.normalise(self.rumusan), similarity.normalise(self.dengan)))
        return (self.jabatan_baku.lower(), self.tindakan, *ends)


def groupings_path(directory: Path | None = None) -> Path:
    return (directory or raw_dir()) / GROUPINGS_NAME


def read_groupings(path: Path | None = None) -> list[Grouping]:
    path = path or groupings_path()
    return [_checked(row, number, path) for number, row in read_officers_file(path)]


def _checked(row: dict, number: int, path: Path) -> Grouping:
    values = {name: (row.get(name) or "").strip() for name in GROUPING_COLUMNS}
    where = f"{path}, baris {number}"
    if not values["jabatan_baku"]:
        raise BuildError(f"{where}, kolom jabatan_baku: kosong (diharapkan nama jabatan baku)")
    if values["tindakan"] not in ACTIONS:
        raise BuildError(f"{where}, kolom tindakan: '{values['tindakan']}' (diharapkan 'pisah' atau 'gabung')")
    if not similarity.normalise(values["rumusan"]):
        raise BuildError(f"{where}, kolom rumusan: kosong (diharapkan rumusan indikator)")
    if values["tindakan"] == PUT_TOGETHER and not similarity.normalise(values["dengan"]):
        raise BuildError(f"{where}, kolom dengan: kosong (tindakan 'gabung' perlu rumusan indikator pasangannya)")
    return Grouping(**values, row=number)


def save_groupings(new: list[Grouping], who: str, path: Path | None = None) -> None:
    """Add decisions (a later one on the same wordings replaces the earlier), all in one write."""
    path = path or groupings_path()
    kept = {grouping.key(): grouping for grouping in read_groupings(path)}
    when = utc_now()
    for grouping in new:
        grouping.oleh, grouping.pada = who, when
        kept[grouping.key()] = grouping
    write_officers_file(path, HEADER_NOTE, GROUPING_COLUMNS, list(kept.values()))


def cluster(indikator: pd.DataFrame, groupings: list[Grouping] = ()) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The table `klaster` (a row per indicator: its cluster, the cluster's name, its wording's place in
    it) and the officers' decisions that apply to nothing (`klaster_usang`)."""
    rows = indikator.assign(
        rumusan=indikator["indikator"].map(similarity.normalise),
        dokumen=indikator["kabupaten"] + "|" + indikator["kecamatan"] + "|" + indikator["tahun"].astype(str),
        tempat=indikator["kabupaten"] + "|" + indikator["kecamatan"],
    )
    by_position = _by_position(groupings)
    parts = [
        _clustered(baku, group, by_position.get(baku.lower(), [])) for baku, group in rows.groupby("jabatan_baku", sort=True)
    ]
    empty = pd.DataFrame(columns=KLASTER_COLUMNS)
    klaster = pd.concat(parts, ignore_index=True)[KLASTER_COLUMNS] if parts else empty
    klaster = klaster.astype({"peringkat": "int32", "skor_klaster": "float64"})
    usang = pd.DataFrame(stale_groupings(indikator, groupings), columns=STALE_COLUMNS)
    return klaster, usang.astype("string").astype({"baris": "int32"})


def _by_position(groupings: list[Grouping]) -> dict[str, list[Grouping]]:
    found: dict[str, list[Grouping]] = {}
    for grouping in groupings:
        found.setdefault(grouping.jabatan_baku.lower(), []).append(grouping)
    return found


def _clustered(baku: str, rows: pd.DataFrame, decisions: list[Grouping]) -> pd.DataFrame:
    per_wording = rows.groupby("rumusan", sort=True).agg(dokumen=("dokumen", frozenset), tempat=("tempat", "nunique"))
    applying = _sorted_decisions(decisions, set(per_wording.index))[0]
    apart = frozenset(similarity.normalise(d.rumusan) for d in applying if d.tindakan == SET_APART)
    together = [(similarity.normalise(d.rumusan), similarity.normalise(d.dengan)) for d in applying if d.tindakan == PUT_TOGETHER]
    wordings = [similarity.Wording(text, row.dokumen, int(row.tempat)) for text, row in per_wording.iterrows()]
    corrected = apart | {text for pair in together for text in pair}
    placed = []
    for found in similarity.cluster_wordings(wordings, apart, together):
        for rank, (text, score) in enumerate(zip(found.members, found.scores, strict=True)):
            how = (SET_APART if text in apart else PUT_TOGETHER) if text in corrected else ""
            placed.append({"rumusan": text, "klaster_id": cluster_id(baku, found.members[0]), "peringkat": rank,
                           "skor_klaster": score, "cara_klaster": how, "pertama": found.members[0]})  # fmt: skip
    placed = pd.DataFrame(placed)
    names = _names(rows)
    placed["klaster_nama"] = placed["pertama"].map(names)
    return rows.merge(placed, on="rumusan")


def _names(rows: pd.DataFrame) -> dict[str, str]:
    """Each wording as the documents write it most: the form most kecamatan use, then alphabetically."""
    forms = rows.groupby(["rumusan", "indikator"]).agg(tempat=("tempat", "nunique")).reset_index()
    forms = forms.sort_values(["rumusan", "tempat", "indikator"], ascending=[True, False, True])
    return dict(forms.drop_duplicates("rumusan")[["rumusan", "indikator"]].itertuples(index=False))


def _sorted_decisions(decisions: list[Grouping], known: set[str]) -> tuple[list[Grouping], list[dict]]:
    """The decisions that apply (a later one on the same wordings wins) and those naming a wording the
    position no longer has, each with the reason."""
    applying: dict[tuple, Grouping] = {}
    stale = []
    for decision in decisions:
        missing = [text for text in (decision.rumusan, decision.dengan) if text and similarity.normalise(text) not in known]
        if missing:
            named = " dan ".join(f"'{text}'" for text in missing)
            stale.append(_stale(decision, f"rumusan {named} tidak ada lagi pada jabatan ini"))
        else:
            applying[decision.key()] = decision
    return list(applying.values()), stale


def _stale(decision: Grouping, reason: str) -> dict:
    values = asdict(decision)
    return {**{name: values[name] for name in GROUPING_COLUMNS}, "baris": decision.row, "sebab": reason}


def stale_groupings(indikator: pd.DataFrame, groupings: list[Grouping]) -> list[dict]:
    """The officers' decisions that apply to nothing in these indicators, with the reason, in the file's
    order: only which wordings each position has is needed, not the clusters."""
    if not groupings:
        return []
    wordings = indikator.groupby(indikator["jabatan_baku"].str.lower())["indikator"].agg(
        lambda texts: set(texts.map(similarity.normalise))
    )
    stale = []
    for baku, decisions in _by_position(groupings).items():
        if baku in wordings:
            stale += _sorted_decisions(decisions, wordings[baku])[1]
        else:
            stale += [_stale(d, "jabatan ini tidak ada lagi di dokumen mana pun") for d in decisions]
    return sorted(stale, key=lambda row: row["baris"])
