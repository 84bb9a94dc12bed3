"""Dasbor Kinerja Kecamatan: IKI documents in, comparable indicator data out."""
