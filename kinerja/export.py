"""Files people take away: CSV and Excel of exactly what a page shows, safe to open in a spreadsheet."""

import io
import warnings

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@")


def neutralise(value):
    """A text cell a spreadsheet would run as a formula ('=…', '+…', '-…', '@…') is kept as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(neutralise)
    return frame


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    return _safe(frame).to_csv(index=False).encode("utf-8-sig")  # BOM: Excel reads the accents right


def to_xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """One sheet per table, header row frozen, columns sized to their content."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            _safe(frame).to_excel(writer, sheet_name=name[:31], index=False, freeze_panes=(1, 0))
            sheet = writer.sheets[name[:31]]
            for index, column in enumerate(frame.columns, start=1):
                width = max([len(str(column)), *(len(str(v)) for v in frame[column].head(200))])
                sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(60, width + 2)
    return buffer.getvalue()


def browser_available() -> bool:
    """Whether a Chromium is on this machine for kaleido to render with."""
    import shutil

    return any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome", "chrome"))


class ImageExportUnavailable(RuntimeError):
    """Charts cannot be rendered to images here (no Chromium); the message says what to install."""


def render_images(figures: list, fmt: str = "png", width: int = 1280, height: int = 720) -> list[bytes]:
    """Each figure as PNG or SVG through kaleido and the system's Chromium, one browser for the batch."""
    import kaleido
    import plotly.io as pio

    if not browser_available():
        raise ImageExportUnavailable(
            "Grafik tidak dapat diekspor sebagai gambar: Chromium tidak ditemukan. "
            "Pasang paket Debian 'chromium' (scripts/install-browser.sh), lalu coba lagi."
        )
    try:
        kaleido.start_sync_server(silence_warnings=True)
    except Exception as error:  # kaleido raises its own error types when no browser is found
        raise ImageExportUnavailable(
            "Grafik tidak dapat diekspor sebagai gambar: Chromium tidak ditemukan. "
            "Pasang paket Debian 'chromium' (scripts/install-browser.sh), lalu coba lagi."
        ) from error
    try:
        with warnings.catch_warnings():
            # plotly passes kaleido options that a running kaleido server does not need
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            return [pio.to_image(fig, format=fmt, width=width, height=height, scale=1 if fmt == "svg" else 2) for fig in figures]
    except Exception as error:
        raise ImageExportUnavailable(f"Grafik gagal dirender ({error}).") from error
    finally:
        kaleido.stop_sync_server()
