"""Meta-tests that keep the house standing: each stage imports only what it declares, streamlit and
the normaliser stay in their rooms, pages draw and do no arithmetic, and the page list lives in one place."""

import ast
import importlib
import sys
from pathlib import Path

import pytest

from kinerja import GROUND_FLOOR, site
from kinerja.paths import APP_PAGES, ROOT

LIBRARY = ROOT / "kinerja"
PAGE_FILES = sorted(APP_PAGES.glob("*.py"))
APP_FILES = [ROOT / "dashboard.py", *PAGE_FILES]
# What the router and the pages may use: streamlit glue, views, and ground-floor words.
APP_MAY_IMPORT = ("kinerja.ui", "kinerja.presentation.views", "kinerja.site", "kinerja.vocab", "kinerja.paths")
AGGREGATIONS = {
    "agg", "aggregate", "count", "cumsum", "describe", "groupby", "max", "mean", "median", "min", "nlargest",
    "nsmallest", "nunique", "pivot", "pivot_table", "quantile", "resample", "size", "std", "sum", "value_counts",
}  # fmt: skip


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    relative = Path(*name.split("."))
    return (ROOT / relative).with_suffix(".py").exists() or (ROOT / relative / "__init__.py").exists()


def _imports(path: Path) -> set[str]:
    """Every module the file imports, `from kinerja import x` counted as kinerja.x when x is a module."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if _is_module(candidate) else node.module)
    return found


def _library_files() -> list[Path]:
    return sorted(LIBRARY.rglob("*.py"))


def _stage(module: str) -> str:
    """The unit that declares the module's imports: its package, or the module itself at the top."""
    parts = module.split(".")
    return ".".join(parts[:2])


def _allowed(stage: str) -> tuple[str, ...]:
    if stage in GROUND_FLOOR or stage == "kinerja":
        return GROUND_FLOOR
    return importlib.import_module(stage).MAY_IMPORT


def _within(name: str, allowed: tuple[str, ...]) -> bool:
    return name == "kinerja" or any(name == a or name.startswith(a + ".") for a in allowed)


def test_every_stage_declares_what_it_may_import():
    stages = {_stage(_module_name(p)) for p in _library_files()} - {"kinerja", *GROUND_FLOOR, "kinerja.__main__"}
    undeclared = [s for s in sorted(stages) if not hasattr(importlib.import_module(s), "MAY_IMPORT")]
    assert undeclared == []


@pytest.mark.parametrize("path", _library_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_each_module_imports_only_what_its_stage_declares(path):
    module = _module_name(path)
    if module == "kinerja.__main__":
        return
    allowed = _allowed(_stage(module))
    stray = sorted(name for name in _imports(path) if name.startswith("kinerja") and not _within(name, allowed))
    assert stray == [], f"{module} may import only {allowed}"


@pytest.mark.parametrize("path", APP_FILES, ids=lambda p: p.name)
def test_router_and_pages_import_only_the_ui_views_and_words(path):
    stray = sorted(name for name in _imports(path) if name.startswith("kinerja") and not _within(name, APP_MAY_IMPORT))
    assert stray == []


def test_streamlit_only_in_the_router_the_pages_and_the_ui_package():
    everything = [*APP_FILES, *_library_files()]  # tests and the benchmark drive the app, they are not part of it
    users = sorted(str(p.relative_to(ROOT)) for p in everything if any(n.split(".")[0] == "streamlit" for n in _imports(p)))
    allowed = {"dashboard.py", *(str(p.relative_to(ROOT)) for p in PAGE_FILES)}
    assert [u for u in users if u not in allowed and not u.startswith("kinerja/ui/")] == []
    assert any(u.startswith("kinerja/ui/") for u in users)


def test_the_similarity_module_is_pure_text_matching():
    """It matches rows a query returned, so other questions can reuse it: no data access, no tables,
    no drawing, nothing else from kinerja."""
    imported = {name.split(".")[0] for name in _imports(LIBRARY / "similarity.py")}
    assert "rapidfuzz" in imported
    assert not imported & {"kinerja", "duckdb", "pandas", "streamlit", "plotly"}


def test_the_gazetteer_imports_only_its_data_package_and_rapidfuzz():
    """Any stage may check a region name, so it depends on nothing of kinerja: the standard library,
    areaid (the names) and rapidfuzz (the suggestions)."""
    imported = {name.split(".")[0] for name in _imports(LIBRARY / "gazetteer.py")}
    assert imported - set(sys.stdlib_module_names) == {"areaid", "rapidfuzz"}


def test_the_normaliser_is_imported_only_by_the_build_stage():
    users = sorted(
        _module_name(p)
        for p in [*APP_FILES, *_library_files()]
        if any(n == "kinerja.build.normalise" or n.endswith(".normalise") for n in _imports(p))
    )
    assert users and all(u.startswith("kinerja.build") for u in users), users


@pytest.mark.parametrize("path", APP_FILES, ids=lambda p: p.name)
def test_pages_do_no_aggregation(path):
    calls = [
        f"line {node.lineno}: .{node.func.attr}()"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in AGGREGATIONS
    ]
    assert calls == [], "aggregate in SQL (queries/) or in a view, not in a page"


def test_the_page_list_is_the_pages_folder():
    assert sorted(p.script for p in site.PAGES) == [p.name for p in PAGE_FILES]
    assert len({p.url for p in site.PAGES}) == len(site.PAGES)
    assert [p.url for p in site.PAGES].count("") == 1


def test_the_page_list_is_written_once():
    """Only kinerja/site.py names more than one page script; everyone else reads the list."""
    scripts = [p.script for p in site.PAGES]
    repeating = []
    for path in sorted(
        [*ROOT.glob("*.py"), *LIBRARY.rglob("*.py"), *(ROOT / "tests").glob("*.py"), *(ROOT / "bench").glob("*.py")]
    ):
        text = path.read_text(encoding="utf-8")
        named = [s for s in scripts if s in text]
        if len(named) > 1 and path != LIBRARY / "site.py":
            repeating.append(f"{path.relative_to(ROOT)}: {named}")
    assert repeating == []


def test_no_pages_folder_beside_the_router():
    """A pages/ folder puts a fresh server in Streamlit's legacy page discovery, which runs a page file
    without the router (no filters, no sidebar); the browser test shows it."""
    assert not (ROOT / "pages").exists()


def test_the_app_sends_no_usage_statistics_and_shows_no_developer_menu():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["toolbarMode"] == "minimal"


def test_every_page_path_old_and_new_is_known_and_anything_else_is_not():
    for p in site.PAGES:
        assert site.unknown_path(f"http://host/{p.url}") == ""
        assert site.unknown_path(f"http://host/basis/{p.old_url}") == ""
    assert site.unknown_path("http://host/") == site.unknown_path(None) == ""
    assert site.unknown_path("http://host/tidak%20ada") == "tidak ada"


def _files_calling_streamlit(name: str) -> list[str]:
    """The app and library files that call st.<name> themselves."""
    return sorted(
        str(path.relative_to(ROOT))
        for path in [*APP_FILES, *_library_files()]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr == name and getattr(node.value, "id", None) == "st"
    )


def test_every_file_uploader_goes_through_the_indonesian_one():
    """Streamlit's uploader speaks English ("Upload", "200MB per file"); kinerja/ui/uploader.py puts it
    in Indonesian, so no other file calls st.file_uploader itself."""
    assert _files_calling_streamlit("file_uploader") == ["kinerja/ui/uploader.py"]


def test_every_download_goes_through_the_one_that_never_reruns():
    """A download that reruns the page withdraws the other buttons' files ('Deferred file … not found')."""
    assert _files_calling_streamlit("download_button") == ["kinerja/ui/widgets.py"]


def test_the_users_module_is_library_code_without_streamlit():
    """kinerja/auth.py holds passwords and roles for the command line and the pages alike: the
    standard library, argon2-cffi (the hashes), tomli_w (the file) and the ground floor only."""
    imported = {name.split(".")[0] for name in _imports(LIBRARY / "auth.py")}
    assert imported - set(sys.stdlib_module_names) == {"argon2", "tomli_w", "kinerja"}
    assert importlib.import_module("kinerja.auth").MAY_IMPORT == GROUND_FLOOR


# The calls that change stored data; the app reaches them only from kinerja/ui/.
WRITES = {("store", "store"), ("store", "undo"), ("store", "import_bytes"), ("intake", "confirm"), ("intake", "withdraw"),
          ("intake", "link_sasaran"), ("intake", "regroup"), ("archive", "apply")}  # fmt: skip


def test_every_write_in_the_app_asks_who_is_writing_first():
    """In kinerja/ui/, a function that writes calls signin.at_write before it, so no write path can
    skip the check of the signed-in editor."""
    unchecked, writes = [], 0
    for path in sorted((LIBRARY / "ui").glob("*.py")):
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(function, ast.FunctionDef):
                continue
            calls = [
                (node.lineno, (node.func.value.id, node.func.attr))
                for node in ast.walk(function)
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
            ]
            checked = [line for line, call in calls if call == ("signin", "at_write")]
            for line, call in calls:
                if call in WRITES:
                    writes += 1
                    if not checked or min(checked) > line:
                        unchecked.append(f"{path.name}:{line} {'.'.join(call)} in {function.name}")
    assert writes == 6  # an import, an undo, documents stored, a document withdrawn, a sasaran linked, clusters corrected
    assert unchecked == []
