"""The template officers fill with targets and realisation, and whole-file validation of what they
send back: every problem is listed with its row and column, and a file with any problem gives nothing.
A blank cell means "not reported": it never erases an earlier value."""

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kinerja.capaian.rules import default_method
from kinerja.errors import ImportRejected, KinerjaError, Problem
from kinerja.indonesian import parse_number
from kinerja.spreadsheet import atomic_write, to_xlsx_bytes
from kinerja.vocab import METHODS, POLARITIES, QUARTERS

VALUE_COLUMNS = ("target", *QUARTERS, "tahunan")
CHOICE_COLUMNS = {"polaritas": POLARITIES, "metode": METHODS}
TEMPLATE_COLUMNS = [
    "indikator_id", "kecamatan", "tahun", "jabatan", "indikator", "satuan", "kategori_formula",
    "polaritas", "metode", "target_dokumen", "target", *QUARTERS, "tahunan",
]  # fmt: skip
REQUIRED_COLUMNS = ["indikator_id", "polaritas", "metode", *VALUE_COLUMNS]
_PERIOD = re.compile(r"^(?:tw|triwulan)(\d+)$")


@dataclass
class Checked:
    """A file that passed validation: its values in long form, ready to store."""

    values: pd.DataFrame  # indikator_id, kolom, nilai (text)
    rows: int


def template_frame(indicators: pd.DataFrame, current: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per indicator with its document target and empty (or current) value columns."""
    frame = pd.DataFrame(
        {
            "indikator_id": indicators["indikator_id"],
            "kecamatan": indicators["kecamatan"],
            "tahun": indicators["tahun"],
            "jabatan": indicators["jabatan_baku"],
            "indikator": indicators["indikator"],
            "satuan": indicators["satuan"],
            "kategori_formula": indicators["kategori_formula"],
            "polaritas": indicators["polaritas"],
            "metode": [default_method(k, s) for k, s in zip(indicators["kategori_formula"], indicators["satuan"], strict=True)],
            "target_dokumen": indicators["target"],
        }
    )
    for column in VALUE_COLUMNS:
        frame[column] = pd.Series([None] * len(frame), dtype="object")
    if current is not None and not current.empty:
        wide = current.pivot(index="indikator_id", columns="kolom", values="nilai")
        for column in ("polaritas", "metode", *VALUE_COLUMNS):
            if column in wide:
                stored = frame["indikator_id"].map(wide[column])
                frame[column] = stored.where(stored.notna(), frame[column])
    return frame[TEMPLATE_COLUMNS].reset_index(drop=True)


def template_xlsx(frame: pd.DataFrame) -> bytes:
    """The template workbook: the rows to fill, header frozen, and a sheet of instructions."""
    return to_xlsx_bytes({"Realisasi": frame, "Petunjuk": instructions()})


def write_template(frame: pd.DataFrame, out: Path) -> None:
    """CSV or XLSX by the file's ending."""
    out = Path(out)
    if out.suffix.lower() == ".xlsx":
        data = template_xlsx(frame)
    elif out.suffix.lower() == ".csv":
        data = frame.to_csv(index=False).encode("utf-8")
    else:
        raise KinerjaError(f"{out}: gunakan akhiran .xlsx atau .csv")
    atomic_write(out, data)


def instructions() -> pd.DataFrame:
    lines = [
        "Isi kolom target (bila dokumen tidak menyebut target atau target berubah), tw1-tw4 dan/atau tahunan.",
        "Angka boleh format Indonesia: 1.250 = seribu dua ratus lima puluh; 87,5 = delapan puluh tujuh koma lima.",
        "Sel kosong berarti belum dilaporkan; sel kosong tidak menghapus nilai yang sudah tersimpan.",
        "polaritas: naik (makin tinggi makin baik) atau turun (makin rendah makin baik).",
        "metode: kumulatif (jumlah triwulan), posisi (triwulan terakhir), rilis (satu nilai terbit).",
        "tahunan: bila diisi, dipakai sebagai realisasi setahun apa adanya.",
        "Jangan mengubah kolom indikator_id; kolom lain selain di atas hanya keterangan.",
        "Indikator persentase di atas 100 ditolak kecuali impor dikonfirmasi (--izinkan-lebih-100).",
    ]
    return pd.DataFrame({"Petunjuk": lines})


def read_table(name: str, content: bytes) -> pd.DataFrame:
    """A CSV (comma or semicolon) or XLSX file as text cells; a file that is neither is refused."""
    if not content.strip():
        raise ImportRejected(name, [Problem(None, None, "berkas kosong")])
    try:
        if name.lower().endswith(".xlsx"):
            return pd.read_excel(io.BytesIO(content), sheet_name=0, dtype=str, keep_default_na=False)
        text = content.decode("utf-8-sig")
        header = text.splitlines()[0]
        sep = ";" if header.count(";") > header.count(",") else ","
        return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as error:
        raise ImportRejected(name, [Problem(None, None, f"bukan berkas CSV/XLSX yang terbaca ({error})")]) from None


def _normalise_header(column: str) -> str:
    key = re.sub(r"[\s_\-]+", "", str(column).strip().lower())
    period = _PERIOD.match(key)
    return f"tw{period.group(1)}" if period else {"indikatorid": "indikator_id", "targetdokumen": "target_dokumen"}.get(key, key)


def validate(name: str, table: pd.DataFrame, indicators: pd.DataFrame, allow_over_100: bool = False) -> Checked:
    """Every problem of the file at once, or its values; raises ImportRejected with all of them."""
    table = table.rename(columns=_normalise_header)
    problems: list[Problem] = []
    for column in table.columns:
        period = re.match(r"^tw(\d+)$", column)
        if period and column not in QUARTERS:
            problems.append(Problem(None, column, f"periode tidak ada (triwulan hanya tw1-tw4), ditemukan '{column}'"))
    missing = [c for c in REQUIRED_COLUMNS if c not in table.columns]
    if missing:
        problems.append(
            Problem(
                None,
                None,
                f"bukan templat realisasi: kolom {', '.join(missing)} tidak ada (buat templat dengan `realisasi template`)",
            )
        )
        raise ImportRejected(name, problems)
    if table.empty:
        raise ImportRejected(name, [*problems, Problem(None, None, "templat tanpa baris")])

    known = indicators.set_index("indikator_id")
    seen: dict[str, int] = {}
    values = []
    for index, row in table.iterrows():
        number = index + 2
        indicator_id = str(row["indikator_id"]).strip()
        if not indicator_id:
            if any(str(row[c]).strip() for c in VALUE_COLUMNS):
                problems.append(Problem(number, "indikator_id", "kosong, padahal baris berisi nilai"))
            continue
        if indicator_id not in known.index:
            problems.append(Problem(number, "indikator_id", f"'{indicator_id}' tidak dikenal (bukan dari templat data ini?)"))
            continue
        if indicator_id in seen:
            problems.append(Problem(number, "indikator_id", f"'{indicator_id}' ganda (juga di baris {seen[indicator_id]})"))
            continue
        seen[indicator_id] = number
        meta = known.loc[indicator_id]
        is_percent = meta["kategori_formula"] == "persentase" or meta["satuan"] == "%"
        for column, allowed in CHOICE_COLUMNS.items():
            text = str(row[column]).strip().lower()
            if text and text not in allowed:
                problems.append(Problem(number, column, f"'{row[column]}' tidak dikenal (pilih: {', '.join(allowed)})"))
            elif text and text != _default(column, meta):
                values.append((indicator_id, column, text))
        for column in VALUE_COLUMNS:
            text = str(row[column]).strip()
            if not text:
                continue
            number_value = parse_number(text.replace("%", ""))
            if number_value is None:
                problems.append(Problem(number, column, f"'{text}' bukan angka (contoh: 1.250 atau 87,5)"))
            elif number_value < 0:
                problems.append(Problem(number, column, f"{text} negatif; nilai tidak boleh di bawah 0"))
            elif is_percent and number_value > 100 and not allow_over_100:
                problems.append(
                    Problem(
                        number, column, f"{text} melebihi 100 pada indikator persentase; konfirmasi dengan --izinkan-lebih-100"
                    )
                )
            else:
                values.append((indicator_id, column, repr(float(number_value))))
    if problems:
        raise ImportRejected(name, problems)
    frame = pd.DataFrame(values, columns=["indikator_id", "kolom", "nilai"])
    if frame.empty:  # an unfilled template is not an import
        message = "berkas tidak berisi nilai apa pun: isi kolom target, tw1-tw4 atau tahunan, lalu unggah lagi"
        raise ImportRejected(name, [Problem(None, None, message)])
    return Checked(values=frame, rows=len(seen))


def _default(column: str, meta: pd.Series) -> str:
    return meta["polaritas"] if column == "polaritas" else default_method(meta["kategori_formula"], meta["satuan"])


def changes(new_values: pd.DataFrame, current: pd.DataFrame) -> pd.DataFrame:
    """What an import would change: each indicator/column whose value differs from the stored one."""
    old = current.set_index(["indikator_id", "kolom"])["nilai"] if not current.empty else pd.Series(dtype=object)
    frame = new_values.copy()
    frame["lama"] = [old.get((i, k)) for i, k in zip(frame["indikator_id"], frame["kolom"], strict=True)]
    frame = frame.rename(columns={"nilai": "baru"})
    return frame[frame["lama"].astype(str) != frame["baru"].astype(str)].reset_index(drop=True)
