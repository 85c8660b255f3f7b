#!/usr/bin/env Rscript
# The R half of bench/spatial/compare-spdep.sh: on all 2024 buurten with a share of owner-occupied dwellings, times
# spdep's queen contiguity (poly2nb, snap 5 m) + row standardisation + local Moran with 999 permutations
# (localmoran_perm), and writes the local statistics for comparison.
# Usage: Rscript bench/spatial/spdep_timing.R OUT.csv CORES
suppressMessages({
  library(sf)
  library(spdep)
})
args <- commandArgs(trailingOnly = TRUE)
cores <- as.integer(args[2])
if (cores > 1L) invisible(set.coresOption(cores))
sf_use_s2(FALSE)
buurten <- st_read("/vsigzip/data/sample/boundaries/cbs_buurt_2024_approx_wgs84.geojson.gz", quiet = TRUE)
buurten <- buurten[order(buurten$statcode), ]
kwb <- read.csv(gzfile("data/sample/national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz"), colClasses = "character")
kwb <- kwb[kwb$level == "Buurt", ]
x <- suppressWarnings(as.numeric(kwb$koopwoningen[match(buurten$statcode, kwb$code)]))
keep <- !is.na(x)
geom <- st_transform(st_geometry(buurten)[keep], 28992)
x <- x[keep]
cat(sprintf("spdep %s: %d buurten with a value, %d core(s)\n", packageVersion("spdep"), length(x), cores))

t_weights <- system.time({
  nb <- poly2nb(geom, snap = 5, queen = TRUE)
  lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
})[["elapsed"]]
t_lisa <- system.time(
  lisa <- localmoran_perm(x, lw, nsim = 999, zero.policy = TRUE, iseed = 1)
)[["elapsed"]]
cat(sprintf("spdep_weights_s=%.3f spdep_lisa_s=%.3f spdep_total_s=%.3f links=%d islands=%d\n",
  t_weights, t_lisa, t_weights + t_lisa, sum(card(nb)), sum(card(nb) == 0L)))
write.csv(data.frame(code = buurten$statcode[keep], Ii = lisa[, "Ii"], Z = localmoran(x, lw, zero.policy = TRUE)[, "Z.Ii"],
  p_folded = lisa[, "Pr(folded) Sim"]), args[1], row.names = FALSE, quote = FALSE, na = "")
