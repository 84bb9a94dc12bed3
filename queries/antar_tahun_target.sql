-- The targets that moved under the filters: indicators kept or reworded from the year before whose
-- target went up or down, changed unit, was set for the first time or given up; the largest moves in
-- one unit first (by the share of the earlier target; a move from 0 before all), then by region and
-- year. Parameters: $filter.
SELECT provinsi, kabupaten, kecamatan, tahun_sebelum, tahun, jabatan, jabatan_baku, jenis_perubahan, indikator_sebelum,
       indikator, target_sebelum, target_satuan_sebelum, target, target_satuan, gerak_target, selisih_target,
       indikator_id
FROM antar_tahun_terfilter($filter)
WHERE gerak_target IN ('naik', 'turun', 'satuan_beda', 'target_baru', 'target_hilang')
ORDER BY coalesce(abs(selisih_target) / nullif(abs(target_sebelum), 0),
                  CASE WHEN selisih_target <> 0 THEN 'infinity'::DOUBLE END) DESC NULLS LAST, kabupaten, kecamatan, tahun,
         jabatan_urutan, urutan_baris
