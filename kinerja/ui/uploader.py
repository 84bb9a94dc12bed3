"""The file uploader in Indonesian. Streamlit 1.67 has no locale setting and no parameter for the
uploader's own words ("Upload", "200MB per file", "Drag and drop a file here"; streamlit/streamlit
issue #13500 asks for one), so CSS scoped to one uploader hides those words and writes Indonesian in
their place. The selectors are the uploader's data-testid attributes, checked in Chromium by
tests/test_browser.py."""

import streamlit as st

CHOOSE = "Pilih berkas"
DROP_HERE = "Seret dan lepas berkas di sini"


def size_limit() -> str:
    """The limit the server enforces (server.maxUploadSize in .streamlit/config.toml), in words."""
    return f"Batas {st.get_option('server.maxUploadSize')} MB per berkas"


def file_uploader(label: str, types: list[str], key: str, multiple: bool = False):
    """st.file_uploader for one file (or several) of the given types, its chrome in Indonesian."""
    st.html(f"<style>{_indonesian_chrome(key, types)}</style>")
    return st.file_uploader(label, type=types, key=key, accept_multiple_files=multiple)


def _indonesian_chrome(key: str, types: list[str]) -> str:
    zone = f".st-key-{key} [data-testid='stFileUploaderDropzone']"
    button = f"{zone} [data-testid='stBaseButton-secondary'] [data-testid='stMarkdownContainer']"
    instructions = f"{zone} [data-testid='stFileUploaderDropzoneInstructions']"
    # While a file is dragged over, a box without a test id follows the hidden input; the list of
    # uploaded files (stFileChips) sits in the same place afterwards and keeps its own words.
    dragging = f"{zone} [data-testid='stFileUploaderDropzoneInput'] + div:not(:has([data-testid='stFileChips']))"
    hint = f"{size_limit()} • {', '.join(t.upper() for t in types)}"
    # A file over the limit or of another type never reaches the app: Streamlit marks its chip red
    # with an English tooltip. The sentence under the box says in Indonesian which one and why.
    refused = (
        f"Berkas bertanda merah tidak diunggah: lebih besar dari {st.get_option('server.maxUploadSize')} MB "
        f"atau bukan {', '.join(t.upper() for t in types)}. Berkas lain tetap dibaca."
    )
    return f"""
.st-key-{key}:has([data-testid='stFileChipIconError'])::after {{
  content: '{refused}'; display: block; color: #b42318; margin-top: 0.5rem; font-size: 0.9rem;
}}

{button} p, {instructions} span, {dragging} > span {{ display: none; }}
{button}::after {{ content: '{CHOOSE}'; }}
{instructions} > div::before {{ content: '{DROP_HERE}'; display: block; }}
{instructions} > div::after {{ content: '{hint}'; display: block; font-size: 0.875em; opacity: 0.7; }}
{dragging}::after {{ content: '{DROP_HERE}'; }}
"""
