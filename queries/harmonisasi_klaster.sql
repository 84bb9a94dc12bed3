-- The clusters of one position ($jabatan_klaster, a jabatan baku; '' for every position in two places
-- or more) under the filters, the most held first: name, the places holding it and those having the
-- position without it, how many wordings, and whether it goes to the proposed standard set.
-- Parameters: $filter, $porsi_standar, $jabatan_klaster.
SELECT jabatan_baku, klaster_id, klaster_nama, tempat, tempat_jabatan, punya, tanpa, indikator, rumusan, oleh_petugas,
       standar
FROM klaster_tempat($filter, $porsi_standar)
WHERE jabatan_baku = $jabatan_klaster OR ($jabatan_klaster = '' AND tempat_jabatan >= 2)
ORDER BY tempat_jabatan DESC, jabatan_baku, tempat DESC, klaster_nama, klaster_id
