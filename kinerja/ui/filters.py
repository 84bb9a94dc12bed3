"""The sidebar filters: one widget per field of kinerja.filters.FIELDS, each bound to its URL
parameter so a copied link opens the same view."""

import pandas as pd
import streamlit as st

from kinerja import db
from kinerja.filters import FIELDS, Field, Filters
from kinerja.ui import data

_CHOSEN = "filters"  # session key: the filters of this run, for the page the router runs


def _options() -> dict[str, list[str]]:
    frame = db.run_query(data.connection(), "nilai_filter")
    return {name: group["nilai"].tolist() for name, group in frame.groupby("filter")}


def _widget(field: Field, options: list[str]):
    if field.kind == "text":
        return st.text_input(field.label, key=field.key, bind="query-params", placeholder="mis. seksi pem, pengadministrasi")
    if field.kind == "codes":
        options = [code for code in field.labels if code in options]  # the vocabulary's order
        return st.multiselect(
            field.label, options, format_func=field.labels.get, key=field.key, bind="query-params", placeholder="Semua"
        )
    return st.multiselect(field.label, options, key=field.key, bind="query-params", placeholder="Semua")


def _listed(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _accept_codes_in_url() -> None:
    """A link may name coded values by code (?jenis=camat) or by label (?jenis=Camat), as presentation
    mode reads them; a bound widget reads only labels, so codes are handed to it as its first value."""
    for field in FIELDS:
        if field.kind == "codes" and field.key in st.query_params and field.key not in st.session_state:
            given = st.query_params.get_all(field.key)
            labels = field.encode(field.decode(given))
            if labels != given:
                st.query_params[field.key] = labels
                st.rerun()


def _available(field: Field, options: dict[str, list[str]], region: pd.DataFrame, chosen: dict) -> list[str]:
    """The field's options; a region field's narrowed by what the fields above it chose."""
    if not field.narrowed_by:
        return options.get(field.name, [])
    rows = region
    for name in field.narrowed_by:
        above = next(f for f in FIELDS if f.name == name)
        picked = [str(v) for v in above.decode(_listed(chosen.get(above.key)))]
        if picked:
            rows = rows[rows[name].isin(picked)]
    return sorted(set(rows[field.name]))


def _not_available(field: Field, available: list[str]) -> list[str]:
    """What the link asks of this field that the data (under the other choices) does not have."""
    asked = st.query_params.get_all(field.key)
    if field.kind == "text" or not asked:
        return []
    if field.kind == "codes":  # a code or its label; what decodes to nothing is not there either
        decoded = [(v, field.decode([v])) for v in asked]
        return [v for v, codes in decoded if not codes or codes[0] not in available]
    return [v for v in asked if v not in available]


def sidebar() -> Filters:
    """Draw the filters in the sidebar, say on the page what a link asked for that is not there, and
    remember what they say for the page of this run."""
    _accept_codes_in_url()
    options = _options()
    region = db.run_query(data.connection(), "wilayah")
    chosen, ignored = {}, []
    with st.sidebar:
        st.header("Filter")
        for field in FIELDS:
            available = _available(field, options, region, chosen)
            ignored += [f"{field.label} {value}" for value in _not_available(field, available)]
            chosen[field.key] = _widget(field, available)
        st.caption("Filter kosong berarti semua. Salin alamat halaman untuk membagikan tampilan ini.")
    if ignored:
        st.warning(f"Tidak ada dalam data (untuk pilihan filter lainnya), jadi diabaikan: {'; '.join(ignored)}.")
    filters = Filters.from_query(lambda key: _listed(chosen[key]))
    st.session_state[_CHOSEN] = filters
    return filters


def from_url() -> Filters:
    """The filters read straight from the URL, for views that draw no sidebar (presentation mode)."""
    return Filters.from_query(st.query_params.get_all)


def current() -> Filters:
    """The filters the sidebar set in this run."""
    return st.session_state.get(_CHOSEN, Filters())
