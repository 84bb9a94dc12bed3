"""Reading a document into the text the layout parsers read, whatever its format.

Every format becomes the same structure: one line per paragraph, a table as one line per row with
its cells apart by tabs (a cell's own line breaks as `<br>`). A new format therefore needs a reader
here, never a new layout parser. Each reader uses a library made for its format.
"""

from collections.abc import Callable
from pathlib import Path

from kinerja.errors import IngestError

MAX_MEGABYTES = 50  # a scanned IKI of 40 pages at 200 dpi is about 15 MB
TEXT_SUFFIXES = (".txt", ".md")
WORD_SUFFIXES = (".docx",)
PDF_SUFFIXES = (".pdf",)
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")
ACCEPTED_SUFFIXES = TEXT_SUFFIXES + WORD_SUFFIXES + PDF_SUFFIXES + IMAGE_SUFFIXES


def read_text(path: Path) -> str:
    """A plain-text conversion (.txt, .md) as it is."""
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise IngestError(f"{path.name}: bukan berkas teks, padahal namanya berakhiran {path.suffix}")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _reader(suffix: str) -> Callable[[Path], str] | None:
    # Imported on use: a missing optional program (tesseract) must not stop the other formats.
    if suffix in TEXT_SUFFIXES:
        return read_text
    if suffix in WORD_SUFFIXES:
        from kinerja.ingest.word import docx_text

        return docx_text
    if suffix in PDF_SUFFIXES:
        from kinerja.ingest.pdf import pdf_text

        return pdf_text
    if suffix in IMAGE_SUFFIXES:
        from kinerja.ingest.scan import image_text

        return image_text
    return None


def check_file(path: Path) -> None:
    """Refuse before reading: a file that is missing, empty, too large or of a format not read."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise IngestError(f"{path.name}: tidak dapat dibaca ({error.strerror})") from error
    if size == 0:
        raise IngestError(f"{path.name}: berkas kosong")
    if size > MAX_MEGABYTES * 1024 * 1024:
        megabytes = round(size / 1024 / 1024)
        raise IngestError(f"{path.name}: berkas {megabytes} MB terlalu besar (paling besar {MAX_MEGABYTES} MB per dokumen)")
    if _reader(path.suffix.lower()) is None:
        accepted = ", ".join(ACCEPTED_SUFFIXES)
        raise IngestError(f"{path.name}: format {path.suffix or 'tanpa akhiran'} tidak dikenal (yang diterima: {accepted})")


def read_document(path: Path) -> str:
    """The document's text in the structure the layout parsers read."""
    path = Path(path)
    check_file(path)
    text = _reader(path.suffix.lower())(path)
    if not text.strip():
        raise IngestError(f"{path.name}: tidak ada teks yang terbaca")
    return text
