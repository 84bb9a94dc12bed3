"""Reading a document's text: the raw documents are plain-text conversions of Word, PDF or scans."""

from pathlib import Path

from kinerja.errors import IngestError


def read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise IngestError(f"{path}: tidak dapat dibaca ({error.strerror})") from error
    if not raw.strip():
        raise IngestError(f"{path}: berkas kosong")
    if b"\x00" in raw[:4096]:
        raise IngestError(f"{path}: bukan berkas teks (ekstrak teks dari Word/PDF terlebih dahulu)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")
