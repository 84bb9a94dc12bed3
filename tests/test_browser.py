"""The real app in Debian's Chromium: every page opens, and a filter set through the URL shows."""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from kinerja import site
from kinerja.paths import ROOT
from kinerja.presentation import views
from tests.conftest import EDITOR

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = {p.url: p.heading for p in site.PAGES}  # the default page lives at the root ("")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _running_server(data: Path, store: Path, documents: Path | None = None, users: Path | None = None):
    """The app on a free loopback port, started fresh, stopped afterwards; `documents` is the folder
    of documents and their register, when a test stores documents, `users` the users file, when a
    test signs in."""
    port = _free_port()
    env = {**os.environ, "KINERJA_DATA_DIR": str(data.parent), "KINERJA_REALISASI_DIR": str(store)}
    env["PYTHONFAULTHANDLER"] = "1"  # SIGABRT prints every thread's stack: what a hung server was doing
    if documents is not None:
        env["KINERJA_DOKUMEN_DIR"] = str(documents)
    if users is not None:
        env["KINERJA_PENGGUNA_FILE"] = str(users)
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]  # fmt: skip
    # Its messages go to a file, never to a pipe nobody reads while the test runs: a full pipe
    # blocks the server at its next log line. From the project folder, as make run starts it, so
    # .streamlit/config.toml applies.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        else:
            process.kill()
            pytest.fail(f"streamlit did not start: {_tail(log)}")
        try:
            yield url
        finally:
            _stop(process, log)
            print(f"The app's messages:\n{_tail(log)}")  # pytest shows them when the test failed


def _tail(log, size: int = 6000) -> str:
    log.seek(0)
    return log.read().decode(errors="replace")[-size:]


def _stop(process: subprocess.Popen, log) -> None:
    """Stopped as make run's Ctrl+C would; a server that does not stop is made to say where it hangs."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGABRT)
        process.wait(timeout=20)
        pytest.fail(f"the app did not stop within 20 s; its threads, as faulthandler printed them:\n{_tail(log, 30000)}")


def sign_in(tab, name: str = EDITOR[0], password: str = EDITOR[1]) -> None:
    """Masuk in the sidebar, as an officer does it: open it, type the name and the password, Enter."""
    sidebar = tab.locator("[data-testid='stSidebar']")
    sidebar.locator(".st-key-masuk_buka summary").click()
    sidebar.get_by_label("Nama").fill(name)
    sidebar.get_by_label("Kata sandi").fill(password)
    sidebar.get_by_label("Kata sandi").press("Enter")
    expect(sidebar.get_by_text(f"Masuk sebagai {name}")).to_be_visible(timeout=30000)


def settled(tab) -> None:
    """Wait until the page's run has finished (its widgets drawn and no longer moving)."""
    tab.wait_for_timeout(300)
    expect(tab.locator("[data-testid='stStatusWidget']")).to_have_count(0, timeout=30000)
    tab.wait_for_timeout(300)


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), "Chromium tidak ada: jalankan scripts/install-system.sh (make test memanggilnya)"
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server(real_data, made_users_file, tmp_path_factory):
    with _running_server(real_data, tmp_path_factory.mktemp("realisasi"), users=made_users_file) as url:
        yield url


@pytest.fixture(scope="module")
def page(server, browser):
    tab = browser.new_page(viewport={"width": 1280, "height": 720})
    tab.goto(server)  # the home page first, as an officer opening the tool would
    expect(tab.get_by_role("heading", name=PAGES[""])).to_be_visible(timeout=30000)
    yield tab
    tab.close()


@pytest.mark.parametrize("path, title", PAGES.items())
def test_each_page_opens_without_errors(server, page, path, title):
    page.goto(f"{server}/{path}")
    expect(page.get_by_role("heading", name=title)).to_be_visible(timeout=30000)
    page.wait_for_timeout(1500)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.get_by_text("Page not found").count() == 0
    if path == site.page_of_view("antar_tahun").url:  # the seeds are of one year per kecamatan: see below
        expect(page.get_by_text(views.NEEDS_YEARS)).to_be_visible(timeout=20000)
    elif path not in ("jelajah", "dokumen"):  # a table page and the upload page draw no chart
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=20000)


def test_antar_tahun_of_three_years_opened_first_on_a_fresh_server(yearly_data, tmp_path, browser):
    """Wonorejo 2023–2025 (tests/conftest.py `yearly_sources`): the page draws both charts, and its slide,
    the last, opens from a link at projector size."""
    yearly = site.page_of_view("antar_tahun")
    with _running_server(yearly_data, tmp_path / "realisasi") as url:
        tab = browser.new_page(viewport={"width": 1280, "height": 800})
        tab.goto(f"{url}/{yearly.url}?kecamatan=Wonorejo")
        expect(tab.get_by_role("heading", name=yearly.heading)).to_be_visible(timeout=30000)
        expect(tab.get_by_text("Wonorejo 2025 dibanding 2024: 3 indikator tetap").first).to_be_visible(timeout=20000)
        expect(tab.locator(".js-plotly-plot")).to_have_count(2, timeout=20000)
        assert tab.locator("[data-testid='stException']").count() == 0
        tab.goto(f"{url}/?mode=presentasi&slide=7&kecamatan=Wonorejo")  # one kecamatan: no Harmonisasi
        expect(tab.get_by_text("Kecamatan Wonorejo · 7 / 7")).to_be_visible(timeout=30000)
        expect(tab.get_by_role("heading", name="Perubahan indikator antar tahun per kecamatan")).to_be_visible()
        expect(tab.locator(".js-plotly-plot >> visible=true")).to_have_count(1, timeout=20000)
        tab.screenshot(path=str(tmp_path / "antar_tahun_slide.png"))
        tab.close()


def test_filter_set_through_the_url_is_shown(server, page, tmp_path):
    page.goto(f"{server}/jelajah?kecamatan=Lumajang&jabatan_teks=pengadministrasi")  # 5 + 4 + 4 + 4 indicators
    expect(page.get_by_text("17 indikator ditampilkan.")).to_be_visible(timeout=30000)
    expect(page.locator("[data-testid='stSidebar']").get_by_text("Lumajang").first).to_be_visible()
    expect(page.locator("[data-testid='stSidebar'] .st-key-jabatan_teks input")).to_have_value("pengadministrasi")
    page.screenshot(path=str(tmp_path / "jelajah_lumajang.png"))


def _slide_chart(tab):
    """The chart a slide shows: one is made for each kind of screen, and the page shows the one for this."""
    return tab.locator(".js-plotly-plot >> visible=true")


def test_presentation_mode_in_the_browser(server, page, tmp_path):
    page.goto(f"{server}/?mode=presentasi&kecamatan=Lumajang")
    expect(page.get_by_role("heading", name="Indikator per kecamatan")).to_be_visible(timeout=30000)
    expect(page.get_by_text("8 dari 33 indikator (24%) punya formula yang menghitung capaian.")).to_be_visible()
    expect(page.locator("[data-testid='stSidebar']")).to_be_hidden()
    expect(_slide_chart(page)).to_be_visible(timeout=20000)
    page.screenshot(path=str(tmp_path / "presentasi_1.png"))
    page.get_by_role("button", name="Berikutnya ▶").click()
    expect(page.get_by_role("heading", name="Cakupan jabatan")).to_be_visible(timeout=20000)
    expect(
        page.get_by_text("Indikator terbanyak pada jabatan Pelaksana (17 dari 33), paling sedikit pada Sekretaris (1).")
    ).to_be_visible()
    assert "slide=2" in page.url
    page.get_by_role("button", name="◀ Sebelumnya").click()
    expect(page.get_by_role("heading", name="Indikator per kecamatan")).to_be_visible(timeout=20000)
    page.get_by_role("button", name="Keluar").click()
    expect(page.get_by_role("heading", name="Ringkasan kinerja kecamatan")).to_be_visible(timeout=20000)
    expect(page.locator("[data-testid='stSidebar']")).to_be_visible()


@pytest.mark.parametrize(
    "path, heading, shown",
    [
        ("/ringkasan?kecamatan=Lumajang", PAGES[""], "8 dari 33 indikator (24%) punya formula yang menghitung capaian."),
        ("/jelajah?kecamatan=Lumajang&jabatan_teks=pengadministrasi", PAGES["jelajah"], "17 indikator ditampilkan."),
        ("/jelajah_indikator?kecamatan=Lumajang", PAGES["jelajah"], "33 indikator ditampilkan."),
        ("/target_realisasi?kecamatan=Lumajang", PAGES["capaian"], "4 dari 33 indikator belum dapat dinilai"),
    ],
)
def test_a_link_opened_first_on_a_fresh_server_goes_through_the_router(real_data, tmp_path, browser, path, heading, shown):
    """The first request a new server gets: the page with its filters, the sidebar, the exports, the
    page titles in the menu, and no 'Page not found'; an old link lands on its page, filters kept."""
    with _running_server(real_data, tmp_path / "realisasi") as url:
        tab = browser.new_page(viewport={"width": 1280, "height": 720})
        tab.goto(url + path)
        expect(tab.get_by_role("heading", name=heading)).to_be_visible(timeout=30000)
        expect(tab.get_by_text(shown).first).to_be_visible(timeout=20000)
        sidebar = tab.locator("[data-testid='stSidebar']")
        expect(sidebar.get_by_text("Lumajang").first).to_be_visible()
        expect(sidebar.get_by_role("button", name="Unduh paparan (PPTX)")).to_be_visible()
        expect(sidebar.get_by_text("Target vs realisasi")).to_be_visible()  # the menu shows titles,
        assert sidebar.get_by_text("target realisasi", exact=True).count() == 0  # not file names
        assert tab.get_by_text("Page not found").count() == 0
        assert tab.get_by_text("Deploy", exact=True).count() == 0  # no developer menu in a meeting
        assert "kecamatan=Lumajang" in tab.evaluate("location.href")
        tab.close()


def test_presentation_started_from_the_sidebar_keeps_the_filters_through_slides_reload_and_exit(server, page):
    page.goto(f"{server}/?kecamatan=Lumajang")
    expect(page.get_by_text("8 dari 33 indikator (24%) punya formula yang menghitung capaian.")).to_be_visible(timeout=30000)
    page.get_by_role("button", name="Mode presentasi").click()
    expect(page.get_by_text("Kecamatan Lumajang · 1 / 6")).to_be_visible(timeout=20000)
    page.get_by_role("button", name="Berikutnya ▶").click()
    expect(page.get_by_text("Kecamatan Lumajang · 2 / 6")).to_be_visible(timeout=20000)
    url = page.evaluate("location.href")
    assert "kecamatan=Lumajang" in url and "slide=2" in url and "mode=presentasi" in url
    page.reload()
    expect(page.get_by_text("Kecamatan Lumajang · 2 / 6")).to_be_visible(timeout=30000)
    page.get_by_role("button", name="Keluar").click()
    expect(page.get_by_role("heading", name=PAGES[""])).to_be_visible(timeout=20000)
    expect(page.get_by_text("8 dari 33 indikator (24%) punya formula yang menghitung capaian.")).to_be_visible(timeout=20000)
    assert "kecamatan=Lumajang" in page.evaluate("location.href")


def test_presentation_fills_a_full_hd_screen_and_moves_with_the_keyboard(server, browser):
    tab = browser.new_page(viewport={"width": 1920, "height": 1080})
    tab.goto(f"{server}/?mode=presentasi&kecamatan=Lumajang")
    expect(tab.get_by_text("Kecamatan Lumajang · 1 / 6")).to_be_visible(timeout=30000)
    expect(_slide_chart(tab)).to_be_visible(timeout=20000)
    chart = _slide_chart(tab).bounding_box()
    assert chart["height"] >= 0.6 * 1080 and chart["width"] >= 0.9 * 1920 - 200
    buttons = tab.get_by_role("button", name="Keluar").bounding_box()
    assert buttons["y"] + buttons["height"] <= 1080  # the way out stays on screen, no scrolling
    for key, shown in (("ArrowRight", 2), ("PageDown", 3), ("PageUp", 2), ("ArrowLeft", 1), ("PageDown", 2)):
        settled(tab)  # a key pressed while the page still runs can reach it before its shortcuts do
        tab.keyboard.press(key)
        expect(tab.get_by_text(f"Kecamatan Lumajang · {shown} / 6")).to_be_visible(timeout=20000)
    assert "slide=2" in tab.evaluate("location.href")
    tab.set_viewport_size({"width": 1280, "height": 800})  # a two-line takeaway on a smaller screen
    expect(tab.get_by_text("paling sedikit pada Sekretaris (1).")).to_be_visible()
    tab.wait_for_timeout(500)
    buttons = tab.get_by_role("button", name="Keluar").bounding_box()
    assert buttons["y"] + buttons["height"] <= 800
    tab.keyboard.press("Escape")
    expect(tab.get_by_role("heading", name=PAGES[""])).to_be_visible(timeout=20000)
    tab.close()


def test_two_downloads_clicked_at_once_both_arrive(server, browser, tmp_path):
    """A click no longer reruns the page, so the second button's file is still there when it is asked for."""
    tab = browser.new_page(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    tab.goto(f"{server}/jelajah?kecamatan=Lumajang")
    expect(tab.get_by_text("33 indikator ditampilkan.")).to_be_visible(timeout=30000)
    arrived = []
    tab.on("download", lambda download: arrived.append(download))
    tab.get_by_role("button", name="Unduh CSV").click()
    tab.get_by_role("button", name="Unduh XLSX").click()
    sidebar = tab.locator("[data-testid='stSidebar']")
    sidebar.get_by_role("button", name="Unduh buku kerja (XLSX)").click()
    for _ in range(60):
        if len(arrived) == 3:
            break
        tab.wait_for_timeout(500)
    names = sorted(d.suggested_filename for d in arrived)
    assert names == ["indikator.csv", "indikator.xlsx", "kinerja_kecamatan.xlsx"]
    csv = Path(arrived[[d.suggested_filename for d in arrived].index("indikator.csv")].path()).read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf") and csv.decode("utf-8-sig").count("\n") == 34  # header + 33
    assert tab.get_by_text("Deferred").count() == 0 and tab.get_by_text("not found").count() == 0
    tab.close()


def test_a_link_to_a_page_that_does_not_exist_says_so_in_indonesian(server, browser):
    tab = browser.new_page(viewport={"width": 1280, "height": 800})
    tab.goto(f"{server}/tidakada?kecamatan=Lumajang")
    expect(tab.get_by_text("Halaman “/tidakada” tidak ada; yang tampil halaman Ringkasan.")).to_be_visible(timeout=30000)
    expect(tab.get_by_role("heading", name=PAGES[""])).to_be_visible()
    expect(tab.get_by_text("8 dari 33 indikator (24%) punya formula yang menghitung capaian.")).to_be_visible(timeout=20000)
    tab.wait_for_timeout(1000)
    assert tab.get_by_text("Page not found").count() == 0 and tab.locator("[data-testid='stDialog']").count() == 0
    assert "kecamatan=Lumajang" in tab.evaluate("location.href")
    tab.get_by_role("link", name="Cakupan jabatan").click()
    expect(tab.get_by_role("heading", name="Cakupan jabatan")).to_be_visible(timeout=20000)
    assert tab.get_by_text("tidak ada; yang tampil").count() == 0  # said once, not on every page after
    tab.close()


def _shown_text(element) -> str:
    """What a person sees in an element: the text of its visible parts, and the words CSS writes
    before and after them (the uploader's Indonesian is written that way)."""
    return element.evaluate(
        """root => {
            const parts = [root.innerText];
            for (const part of [root, ...root.querySelectorAll('*')]) {
                if (!part.checkVisibility()) continue;
                for (const pseudo of ['::before', '::after']) {
                    const content = getComputedStyle(part, pseudo).content;
                    if (content.startsWith('"')) parts.push(content.slice(1, -1));
                }
            }
            return parts.join('\\n');
        }"""
    )


def test_the_upload_box_speaks_indonesian_and_states_the_servers_limit(server, page, tmp_path):
    import tomllib

    limit = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]["maxUploadSize"]
    page.goto(f"{server}/{site.page_of_view('capaian').url}?kecamatan=Lumajang")
    expect(page.get_by_role("heading", name=PAGES["capaian"])).to_be_visible(timeout=30000)
    sign_in(page)  # the upload is an editor's
    uploader = page.locator(".st-key-unggah [data-testid='stFileUploader']")
    expect(uploader).to_be_attached(timeout=30000)
    uploader.scroll_into_view_if_needed()
    expect(uploader).to_be_visible()
    shown = _shown_text(uploader)
    assert "Seret dan lepas berkas di sini" in shown and f"Batas {limit} MB per berkas • XLSX, CSV" in shown, shown
    english = ("Drag and drop", "200MB", "MB per file", "Upload", "Browse files")
    assert [w for w in english if w in shown] == [], shown
    expect(uploader.get_by_role("button", name="Pilih berkas")).to_be_visible()
    page.screenshot(path=str(tmp_path / "unggah.png"))

    dragged = page.evaluate_handle("() => { const d = new DataTransfer(); d.items.add(new File(['x'], 'isi.csv')); return d; }")
    uploader.locator("[data-testid='stFileUploaderDropzone']").dispatch_event("dragenter", {"dataTransfer": dragged})
    overlay = uploader.locator("[data-testid='stFileUploaderDropzoneInput'] + div")  # drawn while a file is dragged over
    expect(overlay).to_be_attached()
    assert _shown_text(overlay) == "\nSeret dan lepas berkas di sini"  # no text of its own, the Indonesian from CSS
    assert "Drag and drop" not in _shown_text(uploader)


def test_a_viewer_is_offered_no_write_controls_until_an_editor_signs_in(server, browser, tmp_path):
    """Target vs realisasi and Tambah dokumen as a viewer (the sidebar's Masuk, no uploader, no
    editor, the reason said), a wrong password refused, then as the editor, and after Keluar."""
    tab = browser.new_page(viewport={"width": 1280, "height": 800})
    sidebar = tab.locator("[data-testid='stSidebar']")
    tab.goto(f"{server}/{site.page_of_view('capaian').url}?kecamatan=Lumajang")
    expect(tab.get_by_text("Masuk sebagai editor untuk mengunggah, mengubah di tabel, atau membatalkan impor")).to_be_visible(
        timeout=30000
    )
    settled(tab)
    tab.get_by_role("heading", name="Isi target dan realisasi").scroll_into_view_if_needed()
    tab.screenshot(path=str(tmp_path / "target_pembaca.png"))
    assert tab.locator("[data-testid='stFileUploader']").count() == 0
    assert tab.get_by_role("tab", name="Ubah di tabel").count() == 0  # no table editor either
    expect(tab.get_by_role("button", name="Unduh templat (XLSX)")).to_be_visible()  # the template stays

    sidebar.locator(".st-key-masuk_buka summary").click()
    sidebar.get_by_label("Nama").fill(EDITOR[0])
    sidebar.get_by_label("Kata sandi").fill("bukan-kata-sandinya")
    sidebar.get_by_role("button", name="Masuk").click()
    expect(sidebar.get_by_text("Nama atau kata sandi salah.")).to_be_visible(timeout=30000)
    expect(sidebar.get_by_label("Kata sandi")).to_have_value("")  # the wrong password is not kept
    tab.screenshot(path=str(tmp_path / "masuk_salah.png"))
    assert tab.locator("[data-testid='stFileUploader']").count() == 0

    sidebar.get_by_label("Kata sandi").fill(EDITOR[1])
    sidebar.get_by_label("Kata sandi").press("Enter")
    expect(sidebar.get_by_text("Masuk sebagai Sri Wahyuni (editor)")).to_be_visible(timeout=30000)
    expect(tab.get_by_role("tab", name="Ubah di tabel")).to_be_visible(timeout=30000)
    expect(tab.locator(".st-key-unggah [data-testid='stFileUploader']")).to_be_attached()
    tab.screenshot(path=str(tmp_path / "target_editor.png"))

    sidebar.get_by_role("link", name="Tambah dokumen").click()  # the same session: still signed in
    expect(tab.get_by_role("heading", name=PAGES["dokumen"])).to_be_visible(timeout=30000)
    expect(tab.locator("[data-testid='stFileUploader']")).to_be_visible(timeout=30000)
    expect(tab.get_by_text("Berhenti memakai sebuah dokumen")).to_be_visible()
    tab.screenshot(path=str(tmp_path / "dokumen_editor.png"))
    sidebar.get_by_role("button", name="Keluar").click()
    expect(tab.get_by_text("Masuk sebagai editor untuk menambah dokumen")).to_be_visible(timeout=30000)
    settled(tab)
    assert tab.locator("[data-testid='stFileUploader']").count() == 0
    assert tab.get_by_text("Berhenti memakai sebuah dokumen").count() == 0
    expect(tab.get_by_role("heading", name="Dokumen tersimpan")).to_be_visible()  # the register stays
    tab.screenshot(path=str(tmp_path / "dokumen_pembaca.png"))
    tab.close()


# The 33 kecamatan of Kabupaten Malang, each with Wonorejo's document of 2024: a regency's slides.
MALANG = (
    "Ampelgading", "Bantur", "Bululawang", "Dampit", "Dau", "Donomulyo", "Gedangan", "Gondanglegi", "Jabung",
    "Kalipare", "Karangploso", "Kasembon", "Kepanjen", "Kromengan", "Lawang", "Ngajung", "Ngantang", "Pagak",
    "Pagelaran", "Pakis", "Pakisaji", "Poncokusumo", "Pujon", "Singosari", "Sumbermanjing Wetan", "Sumberpucung",
    "Tajinan", "Tirtoyudo", "Tumpang", "Turen", "Wagir", "Wajak", "Wonosari",
)  # fmt: skip


@pytest.fixture(scope="module")
def regency_server(tmp_path_factory):
    from kinerja.build import Source, build_dataset, write_dataset
    from tests.conftest import FIXTURES

    out = tmp_path_factory.mktemp("kabupaten") / "normalised"
    sources = [Source(FIXTURES / "iki_wonorejo_numbered.txt", name, "Malang", "Jawa Timur", 2024) for name in MALANG]
    write_dataset(build_dataset(sources, corrections=[]), out)
    with _running_server(out, tmp_path_factory.mktemp("realisasi_kabupaten")) as url:
        yield url


@pytest.mark.parametrize("width, height", [(1280, 800), (1920, 1080)])
def test_a_regencys_slides_name_every_kecamatan_on_one_line_apart_and_fit_the_screen(regency_server, browser, width, height):
    """Every slide of 33 kecamatan: each name once, on one line, none touching the next, and the buttons
    on the screen; a link to a slide past the end says which one it shows."""
    tab = browser.new_page(viewport={"width": width, "height": height})
    for number in range(1, 7):  # the seventh, Harmonisasi, names positions
        tab.goto(f"{regency_server}/?mode=presentasi&slide={number}")
        expect(tab.get_by_text(f"Semua kecamatan, tahun, dan jabatan · {number} / 7")).to_be_visible(timeout=30000)
        names = _slide_chart(tab).locator(".ytick text")
        expect(names).to_have_count(len(MALANG), timeout=20000)
        assert sorted(names.all_text_contents()) == sorted(MALANG), number  # two lines would be "SumbermanjingWetan"
        boxes = sorted((n.bounding_box() for n in names.all()), key=lambda box: box["y"])
        size = float(names.first.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))
        pitch = min(b["y"] - a["y"] for a, b in zip(boxes, boxes[1:], strict=False))
        assert pitch >= size and size >= (14 if width == 1920 else 10), (number, pitch, size)  # no name over the next
        chart, buttons = _slide_chart(tab).bounding_box(), tab.get_by_role("button", name="Keluar").bounding_box()
        assert chart["y"] + chart["height"] <= buttons["y"] and buttons["y"] + buttons["height"] <= height, number
    tab.goto(f"{regency_server}/?mode=presentasi&slide=9")
    expect(tab.get_by_text("Slide 9 tidak ada; yang tampil slide 7.")).to_be_visible(timeout=30000)
    expect(tab.get_by_role("heading", name="Harmonisasi indikator antarkecamatan")).to_be_visible()
    assert "slide=7" in tab.evaluate("location.href")
    tab.close()
