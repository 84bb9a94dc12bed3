-- Every indicator id of the dataset, whatever the filters: stored values are checked against them (a value
-- whose indicator is gone is reported, never silently dropped).
SELECT indikator_id FROM indikator
