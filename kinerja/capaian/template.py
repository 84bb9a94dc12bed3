"""The template officers fill with targets and realisation, and whole-file validation of what they
send back: every problem is listed with its row and column, and a file with any problem gives nothing.
A blank cell means "not reported": it never erases an earlier value.

The template's headers are the officer's words (vocab.TEMPLATE_LABELS); a file read back may carry
those or the codes of older templates."""

import io
import re
from dataclasses import dataclass
from pathlib import Path
from zipfile import BadZipFile

import pandas as pd
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kinerja.capaian.rules import default_method
from kinerja.errors import ImportRejected, KinerjaError, Problem
from kinerja.indonesian import format_value, parse_number
from kinerja.spreadsheet import atomic_write, neutralise, to_xlsx_bytes
from kinerja.vocab import (
    ALLOW_OVER_100,
    IMPORT_LABELS,
    KATEGORI_LABELS,
    METHOD_LABELS,
    METHODS,
    POLARITIES,
    POLARITY_LABELS,
    QUARTERS,
    TEMPLATE_LABELS,
)

VALUE_COLUMNS = ("target", *QUARTERS, "tahunan")
CHOICE_COLUMNS = {"polaritas": POLARITIES, "metode": METHODS}
CHOICE_LABELS = {"polaritas": POLARITY_LABELS, "metode": METHOD_LABELS}
INPUT_COLUMNS = (*CHOICE_COLUMNS, *VALUE_COLUMNS)  # what an officer fills or changes
NUMBER_COLUMNS = ["target_dokumen", *VALUE_COLUMNS]
TEMPLATE_COLUMNS = [
    "indikator_id", "kecamatan", "tahun", "jabatan", "indikator", "satuan", "kategori_formula",
    "polaritas", "metode", "target_dokumen", "target", *QUARTERS, "tahunan",
]  # fmt: skip
REQUIRED_COLUMNS = ["indikator_id", "polaritas", "metode", *VALUE_COLUMNS]
TEMPLATE_SHEET = "Realisasi"
# How to accept a percentage above 100, in the words of where the file comes in; the command line
# passes its own (its option), the app names its checkbox.
ALLOW_HINT = f"centang «{ALLOW_OVER_100}» saat mengunggah"
_PERIOD = re.compile(r"^(?:realisasi)?(?:tw|triwulan)(\d+)$")
_INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # light yellow: fill in
_FIXED_FILL = PatternFill("solid", fgColor="D9D9D9")  # grey: leave as it is
_AUTHOR = "Dasbor Kinerja Kecamatan"
_FIXED_NOTE = {"indikator_id": "Jangan diubah: kolom ini menghubungkan baris dengan indikatornya."}


@dataclass
class Checked:
    """A file that passed validation: its values in long form, ready to store."""

    values: pd.DataFrame  # indikator_id, kolom, nilai (text)
    rows: int


def template_frame(indicators: pd.DataFrame, current: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per indicator with its document target and empty (or current) value columns. Values are
    numbers (or None); each writer shows them its own way."""
    frame = pd.DataFrame(
        {
            "indikator_id": indicators["indikator_id"],
            "kecamatan": indicators["kecamatan"],
            "tahun": indicators["tahun"],
            "jabatan": indicators["jabatan_baku"],
            "indikator": indicators["indikator"],
            "satuan": indicators["satuan"],
            "kategori_formula": indicators["kategori_formula"].map(KATEGORI_LABELS).fillna(indicators["kategori_formula"]),
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
                if column in VALUE_COLUMNS:  # stored as text ('82.5'): numbers again
                    stored = stored.map(float, na_action="ignore")
                frame[column] = stored.astype("object").where(stored.notna(), frame[column])
    return frame[TEMPLATE_COLUMNS].reset_index(drop=True)


def template_xlsx(frame: pd.DataFrame, allow_hint: str = ALLOW_HINT) -> bytes:
    """The template workbook: the rows to fill under the officer's headers, dropdowns for polaritas and
    metode, the columns not to change locked and grey, and a sheet of instructions."""
    sheets = {TEMPLATE_SHEET: frame.rename(columns=TEMPLATE_LABELS), "Petunjuk": instructions(allow_hint)}
    book = load_workbook(io.BytesIO(to_xlsx_bytes(sheets)))
    _dress_template_sheet(book[TEMPLATE_SHEET], len(frame))
    book["Petunjuk"].column_dimensions["A"].width = 120  # each instruction on one line
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _dress_template_sheet(sheet, rows: int) -> None:
    letters = {code: get_column_letter(i) for i, code in enumerate(TEMPLATE_COLUMNS, start=1)}
    for code, letter in letters.items():
        cells = [cell for (cell,) in sheet[f"{letter}2:{letter}{rows + 1}"]] if rows else []
        _mark_column(sheet[f"{letter}1"], cells, code)
    for code, allowed in CHOICE_COLUMNS.items():
        sheet.add_data_validation(_choice_list(code, allowed, f"{letters[code]}2:{letters[code]}{max(rows + 1, 2)}"))
    # Locked without a password: the grey columns cannot be changed by accident, and Excel's
    # "Unprotect Sheet" still opens them when an officer really must.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = sheet.protection.formatRows = False  # widening a column stays possible


def _mark_column(header, cells: list, code: str) -> None:
    """Yellow and open where the officer writes, grey and locked elsewhere; numbers shown as numbers."""
    if code in INPUT_COLUMNS:
        header.fill, header.comment = _INPUT_FILL, Comment("Isi atau ubah di kolom ini.", _AUTHOR)
        for cell in cells:
            cell.protection = Protection(locked=False)
    else:
        header.fill, header.comment = _FIXED_FILL, Comment(_FIXED_NOTE.get(code, "Keterangan; jangan diubah."), _AUTHOR)
    if code in NUMBER_COLUMNS:
        for cell in cells:
            if isinstance(cell.value, int | float):
                cell.number_format = "#,##0" if float(cell.value).is_integer() else "#,##0.0##"


def _choice_list(code: str, allowed: tuple[str, ...], cells: str) -> DataValidation:
    """A dropdown of the allowed codes, explaining each when the cell is chosen."""
    choice = DataValidation(
        type="list",
        formula1=f'"{",".join(allowed)}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=TEMPLATE_LABELS[code],
        error=f"Pilih salah satu: {', '.join(allowed)}.",
        showInputMessage=True,
        promptTitle=TEMPLATE_LABELS[code],
        prompt="; ".join(CHOICE_LABELS[code].values()),
    )
    choice.add(cells)
    return choice


def template_csv(frame: pd.DataFrame) -> bytes:
    """The template for Indonesian Excel: ';' between cells, comma decimals, and a BOM so the accents
    read right."""
    shown = frame.copy()
    for column in NUMBER_COLUMNS:
        shown[column] = shown[column].map(format_value)
    for column in shown.columns.difference(NUMBER_COLUMNS):
        shown[column] = shown[column].map(neutralise)
    return shown.rename(columns=TEMPLATE_LABELS).to_csv(index=False, sep=";").encode("utf-8-sig")


def write_template(frame: pd.DataFrame, out: Path, allow_hint: str = ALLOW_HINT) -> None:
    """CSV or XLSX by the file's ending."""
    out = Path(out)
    if out.suffix.lower() == ".xlsx":
        data = template_xlsx(frame, allow_hint)
    elif out.suffix.lower() == ".csv":
        data = template_csv(frame)
    else:
        raise KinerjaError(f"{out}: gunakan akhiran .xlsx atau .csv")
    atomic_write(out, data)


def instructions(allow_hint: str = ALLOW_HINT) -> pd.DataFrame:
    label = TEMPLATE_LABELS
    lines = [
        f"Lembar «{TEMPLATE_SHEET}» berisi satu baris per indikator. Isi kolom yang judulnya kuning: {label['target']} "
        f"(bila dokumen tidak menyebut target atau target berubah), {label['tw1']} sampai TW4 dan/atau {label['tahunan']}.",
        "Angka boleh format Indonesia: 1.250 = seribu dua ratus lima puluh; 87,5 = delapan puluh tujuh koma lima.",
        "Sel kosong berarti belum dilaporkan; sel kosong tidak menghapus nilai yang sudah tersimpan.",
        f"{label['polaritas']} (pilih dari daftar): " + "; ".join(f"{c} = {t}" for c, t in POLARITY_LABELS.items()) + ".",
        f"{label['metode']} (pilih dari daftar): " + "; ".join(f"{c} = {t}" for c, t in METHOD_LABELS.items()) + ".",
        f"{label['tahunan']}: bila diisi, dipakai sebagai realisasi setahun apa adanya.",
        "Kolom yang judulnya abu-abu hanya keterangan dan dikunci. "
        f"Jangan mengubah {label['indikator_id']}: kolom itu menghubungkan baris dengan indikatornya.",
        f"Nilai di atas 100 pada indikator persentase ditolak; bila angka itu benar, {allow_hint}.",
        "Simpan berkas ini (.xlsx, atau .csv dengan pemisah titik koma) lalu unggah di halaman Target vs realisasi.",
    ]
    return pd.DataFrame({"Petunjuk": lines})


def read_table(name: str, content: bytes) -> pd.DataFrame:
    """A CSV (comma or semicolon) or XLSX file as text cells; a file that is neither is refused."""
    if not content.strip():
        raise ImportRejected(name, [Problem(None, None, "berkas kosong")])
    try:
        if name.lower().endswith(".xlsx"):
            return pd.read_excel(io.BytesIO(content), sheet_name=0, dtype=object, keep_default_na=False).map(_cell_text)
        text = content.decode("utf-8-sig")
        header = text.splitlines()[0]
        sep = ";" if header.count(";") > header.count(",") else ","
        return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError, BadZipFile) as error:
        raise ImportRejected(name, [Problem(None, None, f"bukan berkas CSV/XLSX yang terbaca ({error})")]) from None


def _cell_text(value) -> str:
    """A spreadsheet cell as text. A number cell is written with a decimal comma, which parse_number
    reads one way only: 2.125 stays two and a bit, never two thousand one hundred and twenty-five."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return str(int(value)) if float(value).is_integer() else repr(float(value)).replace(".", ",")


def _header_key(column) -> str:
    return re.sub(r"[\s_\-]+", "", str(column).strip().lower())


_HEADER_CODES = {_header_key(text): code for code, label in TEMPLATE_LABELS.items() for text in (code, label)}


def _normalise_header(column: str) -> str:
    """A header as its code: the officer's header ('Realisasi TW1') and the old code ('tw1') alike."""
    key = _header_key(column)
    period = _PERIOD.match(key)
    return f"tw{period.group(1)}" if period else _HEADER_CODES.get(key, key)


def _label(column: str) -> str:
    return TEMPLATE_LABELS.get(column, column)


def named_ids(table: pd.DataFrame) -> list[str]:
    """The indicator ids a filled template names, under whichever header the id column has."""
    for column in table.columns:
        if _normalise_header(column) == "indikator_id":
            return sorted({str(v).strip() for v in table[column]} - {""})
    return []


def validate(
    name: str, table: pd.DataFrame, indicators: pd.DataFrame, allow_over_100: bool = False, allow_hint: str = ALLOW_HINT
) -> Checked:
    """Every problem of the file at once, or its values; raises ImportRejected with all of them.
    Problems name the columns by the template's headers; allow_hint says how to accept a
    percentage above 100 where the file came in."""
    originals = {_normalise_header(c): str(c) for c in table.columns}
    table = table.rename(columns=_normalise_header)
    problems: list[Problem] = []
    for column in table.columns:
        period = re.match(r"^tw(\d+)$", column)
        if period and column not in QUARTERS:
            message = f"periode tidak ada (triwulan hanya TW1–TW4), ditemukan '{originals[column]}'"
            problems.append(Problem(None, originals[column], message))
    missing = [c for c in REQUIRED_COLUMNS if c not in table.columns]
    if missing:
        columns = ", ".join(_label(c) for c in missing)
        message = f"bukan templat realisasi: kolom {columns} tidak ada (isi templat realisasi yang diunduh)"
        problems.append(Problem(None, None, message))
        raise ImportRejected(name, problems)
    if table.empty:
        raise ImportRejected(name, [*problems, Problem(None, None, "templat tanpa baris")])

    known = indicators.set_index("indikator_id")
    seen: dict[str, int] = {}
    values = []
    id_column = _label("indikator_id")
    for index, row in table.iterrows():
        number = index + 2
        indicator_id = str(row["indikator_id"]).strip()
        if not indicator_id:
            if any(str(row[c]).strip() for c in VALUE_COLUMNS):
                problems.append(Problem(number, id_column, "kosong, padahal baris berisi nilai"))
            continue
        if indicator_id not in known.index:
            problems.append(Problem(number, id_column, f"'{indicator_id}' tidak dikenal (bukan dari templat data ini?)"))
            continue
        if indicator_id in seen:
            problems.append(Problem(number, id_column, f"'{indicator_id}' ganda (juga di baris {seen[indicator_id]})"))
            continue
        seen[indicator_id] = number
        meta = known.loc[indicator_id]
        is_percent = meta["kategori_formula"] == "persentase" or meta["satuan"] == "%"
        for column, allowed in CHOICE_COLUMNS.items():
            text = _choice_code(column, row[column])
            if text and text not in allowed:
                problems.append(Problem(number, _label(column), f"'{row[column]}' tidak dikenal (pilih: {', '.join(allowed)})"))
            elif text and text != _default(column, meta):
                values.append((indicator_id, column, text))
        for column in VALUE_COLUMNS:
            text = str(row[column]).strip()
            if not text:
                continue
            number_value = parse_number(text.replace("%", ""))
            if number_value is None:
                problems.append(Problem(number, _label(column), f"'{text}' bukan angka (contoh: 1.250 atau 87,5)"))
            elif number_value < 0:
                problems.append(Problem(number, _label(column), f"{text} negatif; nilai tidak boleh di bawah 0"))
            elif is_percent and number_value > 100 and not allow_over_100:
                message = f"{text} melebihi 100 pada indikator persentase; bila angka itu benar, {allow_hint}"
                problems.append(Problem(number, _label(column), message))
            else:
                values.append((indicator_id, column, repr(float(number_value))))
    if problems:
        raise ImportRejected(name, problems)
    frame = pd.DataFrame(values, columns=["indikator_id", "kolom", "nilai"])
    if frame.empty:  # an unfilled template is not an import
        filled = f"{_label('target')}, {_label('tw1')}–{_label('tw4')} atau {_label('tahunan')}"
        message = f"berkas tidak berisi nilai apa pun: isi kolom {filled}, lalu unggah lagi"
        raise ImportRejected(name, [Problem(None, None, message)])
    return Checked(values=frame, rows=len(seen))


def _choice_code(column: str, text) -> str:
    """'naik', 'Naik' or the full label 'Naik (makin tinggi makin baik)' all mean naik."""
    text = str(text).strip().lower()
    by_label = {label.lower(): code for code, label in CHOICE_LABELS[column].items()}
    return by_label.get(text, text)


def _default(column: str, meta: pd.Series) -> str:
    return meta["polaritas"] if column == "polaritas" else default_method(meta["kategori_formula"], meta["satuan"])


def changes(new_values: pd.DataFrame, current: pd.DataFrame) -> pd.DataFrame:
    """What an import would change: each indicator/column whose value differs from the stored one."""
    old = current.set_index(["indikator_id", "kolom"])["nilai"] if not current.empty else pd.Series(dtype=object)
    frame = new_values.copy()
    frame["lama"] = [old.get((i, k)) for i, k in zip(frame["indikator_id"], frame["kolom"], strict=True)]
    frame = frame.rename(columns={"nilai": "baru"})
    return frame[frame["lama"].astype(str) != frame["baru"].astype(str)].reset_index(drop=True)


def readable_changes(changed: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """The preview of an import for people: which indicator (its name, kecamatan and year beside its
    id), which column under its template header, and the old and new values as an officer writes
    them (1.250, 87,5; empty when there was none)."""
    about = indicators.set_index("indikator_id")
    shown = pd.DataFrame(
        {
            "indikator": changed["indikator_id"].map(about["indikator"]),
            "kolom": changed["kolom"].map(_label),
            "lama": [_readable_value(k, v) for k, v in zip(changed["kolom"], changed["lama"], strict=True)],
            "baru": [_readable_value(k, v) for k, v in zip(changed["kolom"], changed["baru"], strict=True)],
            "kecamatan": changed["indikator_id"].map(about["kecamatan"]),
            "tahun": changed["indikator_id"].map(about["tahun"]).map(_cell_text),
            "indikator_id": changed["indikator_id"],
        }
    )
    return shown.rename(columns={**TEMPLATE_LABELS, **IMPORT_LABELS})


def _readable_value(column: str, value) -> str:
    if value is None or value != value:
        return ""
    if column in CHOICE_LABELS:
        return CHOICE_LABELS[column].get(value, value)
    return format_value(float(value))
