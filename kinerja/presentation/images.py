"""Charts as PNG or SVG images, through kaleido and the system's Chromium."""

import shutil
import warnings

from kinerja.errors import ExportUnavailable

NO_CHROMIUM = (
    "Grafik tidak dapat diekspor sebagai gambar: Chromium tidak ditemukan. "
    "Pasang paket Debian 'chromium' (scripts/install-browser.sh), lalu coba lagi."
)


def browser_available() -> bool:
    """Whether a Chromium is on this machine for kaleido to render with."""
    return any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome", "chrome"))


def render_images(figures: list, fmt: str = "png", width: int = 1280, height: int = 720) -> list[bytes]:
    """Each figure as PNG or SVG through kaleido and the system's Chromium, one browser for the batch; a
    figure as tall as its own height (a row per kecamatan: every name legible), else `height`."""
    import kaleido
    import plotly.io as pio

    if not browser_available():
        raise ExportUnavailable(NO_CHROMIUM)
    try:
        kaleido.start_sync_server(silence_warnings=True)
    except Exception as error:  # kaleido raises its own error types when no browser is found
        raise ExportUnavailable(NO_CHROMIUM) from error
    try:
        with warnings.catch_warnings():
            # plotly passes kaleido options that a running kaleido server does not need
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            return [
                pio.to_image(fig, format=fmt, width=width, height=fig.layout.height or height, scale=1 if fmt == "svg" else 2)
                for fig in figures
            ]
    except Exception as error:
        raise ExportUnavailable(f"Grafik gagal dirender ({error}).") from error
    finally:
        kaleido.stop_sync_server()
