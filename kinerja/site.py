"""The dashboard's pages, listed once: the router builds its navigation from this list, and the
tests and the benchmark read it too."""

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from kinerja.paths import APP_PAGES, ROOT

MAY_IMPORT = ("kinerja.paths",)  # a plain list and where its scripts lie


@dataclass(frozen=True)
class Page:
    script: str  # file name in app_pages/
    title: str  # the menu entry
    heading: str  # the page's own title
    url: str  # URL path; "" for the default page, which Streamlit serves at the root
    icon: str
    views: tuple[str, ...]  # the keys of the views the page draws (kinerja.presentation.views)

    @property
    def file(self) -> Path:
        return APP_PAGES / self.script

    @property
    def from_router(self) -> str:
        """The script's path relative to the router (what AppTest.switch_page takes)."""
        return str(self.file.relative_to(ROOT))

    @property
    def old_url(self) -> str:
        """The path links used before the page had its own URL: the script's name."""
        return self.script.removesuffix(".py")


PAGES = (
    Page("ringkasan.py", "Ringkasan", "Ringkasan kinerja kecamatan", "", ":material/dashboard:", ("ringkasan",)),
    Page(
        "cakupan_jabatan.py",
        "Cakupan jabatan",
        "Cakupan jabatan",
        "cakupan",
        ":material/groups:",
        ("cakupan", "cakupan_bidang", "jabatan_tipis", "indikator_sel"),
    ),
    Page(
        "kategori_formula.py",
        "Kategori formula",
        "Kategori formula",
        "kategori",
        ":material/functions:",
        ("kategori", "kategori_jenis", "contoh_kategori"),
    ),
    Page(
        "perbandingan_kecamatan.py",
        "Perbandingan kecamatan",
        "Perbandingan kecamatan",
        "perbandingan",
        ":material/compare_arrows:",
        ("perbandingan", "perbandingan_wilayah", "rumusan_umum"),
    ),
    Page(
        "target_realisasi.py",
        "Target vs realisasi",
        "Target vs realisasi",
        "capaian",
        ":material/target:",
        ("capaian", "progres", "capaian_kecamatan", "capaian_terendah", "belum_dinilai"),
    ),
    Page(
        "kualitas_indikator.py",
        "Kualitas indikator",
        "Kualitas indikator",
        "kualitas",
        ":material/fact_check:",
        ("kualitas", "kualitas_jenis", "kualitas_jabatan", "kualitas_indikator", "kualitas_aturan"),
    ),
    Page(
        "pohon_kinerja.py",
        "Pohon kinerja",
        "Pohon kinerja",
        "pohon",
        ":material/account_tree:",
        ("pohon", "pohon_kecamatan", "sasaran_tanpa_dukungan", "kaitan_usang", "pohon_yatim"),
    ),
    Page(
        "harmonisasi.py",
        "Harmonisasi",
        "Harmonisasi indikator",
        "harmonisasi",
        ":material/join_inner:",
        ("harmonisasi", "harmonisasi_jabatan", "harmonisasi_rumusan", "harmonisasi_standar", "klaster_usang"),
    ),
    Page(
        "antar_tahun.py",
        "Antar tahun",
        "Perubahan indikator antar tahun",
        "antar-tahun",
        ":material/history:",
        ("antar_tahun", "antar_tahun_kecamatan", "antar_tahun_target"),
    ),
    Page("jelajah_indikator.py", "Jelajah indikator", "Jelajah indikator", "jelajah", ":material/search:", ("daftar",)),
    Page("tambah_dokumen.py", "Tambah dokumen", "Tambah dokumen IKI", "dokumen", ":material/upload_file:", ()),
)


DEFAULT_URL = "beranda"  # the default page's own pathname: it is served at the root and never linked


def unknown_path(url: str | None) -> str:
    """The page name a link asks for when no page has it ('' for the root and for every page's path,
    old or new), so the router can answer in Indonesian instead of Streamlit's 'Page not found'."""
    asked = unquote(PurePosixPath(urlparse(url or "").path).name)
    known = {DEFAULT_URL, *(p.url for p in PAGES), *(p.old_url for p in PAGES)}
    return "" if asked in known else asked


def page(script: str) -> Page:
    """The page whose script has this file name."""
    return next(p for p in PAGES if p.script == script)


def page_of_view(key: str) -> Page:
    """The page that draws the view with this key."""
    return next(p for p in PAGES if key in p.views)
