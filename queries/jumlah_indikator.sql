-- How many indicators the filters leave: capaian lists them one by one up to a limit, and sums the ones
-- without a stored value per document beyond it.
-- Parameters: the shared filters ($filter).
SELECT count(*) AS indikator FROM indikator_terfilter($filter)
