"""Dasbor Kinerja Kecamatan: entry point (`make run`)."""

import streamlit as st

st.set_page_config(page_title="Dasbor Kinerja Kecamatan", layout="wide")
st.title("Dasbor Kinerja Kecamatan")
st.write("Data indikator kinerja individu (IKI) kecamatan. Halaman analisis sedang disiapkan.")
