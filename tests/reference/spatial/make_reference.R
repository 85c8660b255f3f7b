#!/usr/bin/env Rscript
# Reference outputs of R spdep (Debian r-cran-spdep 1.2-7, r-cran-sf 1.0-9) for Leefkracht's spatial statistics.
#
# Run from the repository root (about 7 minutes; cases can be chosen: buurt2024, utrecht2023, wijk2016):
#   Rscript tests/reference/spatial/make_reference.R [CASE ...]
# Needs: apt-get install -y r-cran-spdep r-cran-sf
#
# Reads only data/sample. Writes tests/reference/spatial/*.csv.gz:
#   neighbours_<case>_<rule>.csv.gz  code, neighbours (codes separated by spaces)
#   local_<case>.csv.gz              per area: value, local Moran (both moment conventions, permutations), Gi*
#   global_<case>.csv                global Moran's I (moran.test under normality and randomisation, moran.mc)
# Polygons are projected to RD New (EPSG:28992) with st_transform so that tolerances and distances are metres.
suppressMessages({
  library(sf)
  library(spdep)
})
sf_use_s2(FALSE)
out <- "tests/reference/spatial"
cases <- commandArgs(trailingOnly = TRUE)
if (length(cases) == 0L) cases <- c("buurt2024", "utrecht2023", "wijk2016")
set.seed(20240101)
nsim <- 999L

write_gz <- function(df, name) {
  con <- gzfile(file.path(out, name), "w")
  write.csv(df, con, row.names = FALSE, quote = FALSE, na = "")
  close(con)
}

# spdep's nb object as "code,neighbour codes"; islands (0) become an empty list.
write_nb <- function(nb, codes, name) {
  txt <- vapply(nb, function(x) if (length(x) == 1L && x[1] == 0L) "" else paste(codes[x], collapse = " "), "")
  write_gz(data.frame(code = codes, neighbours = txt), name)
}

# Boundary-distance contiguity: polygons within `tol` metres of each other (GEOS distance, exact; 0 when they
# overlap). Candidate pairs come from envelopes grown by `tol` (st_is_within_distance on all pairs is too slow).
fuzzy_nb <- function(geom, tol) {
  bb <- t(vapply(geom, function(g) as.numeric(st_bbox(g)), numeric(4)))
  envs <- st_as_sfc(lapply(seq_len(nrow(bb)), function(i) {
    b <- bb[i, ] + c(-tol, -tol, tol, tol)
    st_polygon(list(rbind(b[c(1, 2)], b[c(3, 2)], b[c(3, 4)], b[c(1, 4)], b[c(1, 2)])))
  }))
  candidates <- st_intersects(envs)
  pairs <- do.call(rbind, lapply(seq_along(candidates), function(i) {
    j <- candidates[[i]][candidates[[i]] > i]
    if (length(j)) cbind(i, j) else NULL
  }))
  near <- as.numeric(st_distance(geom[pairs[, 1]], geom[pairs[, 2]], by_element = TRUE)) <= tol
  pairs <- pairs[near, , drop = FALSE]
  hits <- split(c(pairs[, 2], pairs[, 1]), factor(c(pairs[, 1], pairs[, 2]), levels = seq_along(geom)))
  nb <- lapply(hits, function(j) if (length(j) == 0L) 0L else sort(as.integer(j)))
  names(nb) <- NULL
  class(nb) <- "nb"
  attr(nb, "region.id") <- as.character(seq_along(nb))
  nb
}

centroids <- function(geom) st_coordinates(st_centroid(geom))

# Gi* with conditional permutations that hold x_i fixed (also in its own term) and draw the other neighbours'
# values without replacement: an independent R implementation of the convention Leefkracht follows.
gstar_perm_fixed <- function(x, lw, nsim) {
  n <- length(x)
  total <- sum(x)
  p <- rep(NA_real_, n)
  for (i in seq_len(n)) {
    nb <- lw$neighbours[[i]]
    w <- lw$weights[[i]]
    other <- nb != i
    k <- sum(other)
    if (k == 0L) next
    observed <- sum(w * x[nb]) / total
    pool <- x[-i]
    draws <- vapply(seq_len(nsim), function(s) sum(w[other] * sample(pool, k)), 0)
    g <- (draws + sum(w[!other]) * x[i]) / total
    ge <- sum(g >= observed)
    p[i] <- (min(ge, nsim - ge) + 1) / (nsim + 1)
  }
  p
}

statistics <- function(x, nb, codes, case) {
  lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
  mt_r <- moran.test(x, lw, randomisation = TRUE, zero.policy = TRUE)
  mt_n <- moran.test(x, lw, randomisation = FALSE, zero.policy = TRUE)
  mc <- moran.mc(x, lw, nsim = nsim, zero.policy = TRUE)
  write.csv(data.frame(
    n = length(x), islands = sum(card(nb) == 0L),
    I = mt_r$estimate[["Moran I statistic"]], expected = mt_r$estimate[["Expectation"]],
    variance_randomisation = mt_r$estimate[["Variance"]], variance_normality = mt_n$estimate[["Variance"]],
    z_randomisation = mt_r$statistic[[1]], z_normality = mt_n$statistic[[1]],
    p_randomisation = mt_r$p.value, p_normality = mt_n$p.value,
    permutations = nsim, p_permutation_spdep = mc$p.value,
    permutations_at_least = sum(mc$res[seq_len(nsim)] >= mc$statistic)
  ), file.path(out, paste0("global_", case, ".csv")), row.names = FALSE)

  lm_c <- localmoran(x, lw, zero.policy = TRUE, conditional = TRUE)
  lm_t <- localmoran(x, lw, zero.policy = TRUE, conditional = FALSE)
  lm_p <- localmoran_perm(x, lw, nsim = nsim, zero.policy = TRUE, iseed = 20240101)
  lw_self <- nb2listw(include.self(nb), style = "W", zero.policy = TRUE)
  g <- localG(x, lw_self, zero.policy = TRUE, return_internals = TRUE)
  g_p <- gstar_perm_fixed(x, lw_self, nsim)
  folded <- lm_p[, "Pr(folded) Sim"]
  write_gz(data.frame(
    code = codes, x = x, cardinality = card(nb),
    Ii = lm_c[, "Ii"], E_conditional = lm_c[, "E.Ii"], Var_conditional = lm_c[, "Var.Ii"], Z_conditional = lm_c[, "Z.Ii"],
    P_conditional = lm_c[, 5],
    E_total = lm_t[, "E.Ii"], Var_total = lm_t[, "Var.Ii"], Z_total = lm_t[, "Z.Ii"], P_total = lm_t[, 5],
    quadrant = as.character(attr(lm_c, "quadr")$pysal),
    perm_E = lm_p[, "E.Ii"], perm_Var = lm_p[, "Var.Ii"], perm_Z = lm_p[, "Z.Ii"], perm_p_folded = folded,
    perm_q_bh = p.adjust(folded, method = "BH"), perm_q_by = p.adjust(folded, method = "BY"),
    P_conditional_q_bh = p.adjust(lm_c[, 5], method = "BH"),
    Gstar_z = as.numeric(g), Gstar_G = attr(g, "internals")[, 1], Gstar_p = attr(g, "internals")[, 5],
    Gstar_perm_p_folded = g_p
  ), paste0("local_", case, ".csv.gz"))
}

# Consecutive repeated vertices removed, as Leefkracht's import does: spdep would count a repeated vertex twice,
# which turns a single shared point into a rook contact.
without_repeats <- function(geom) {
  st_sfc(lapply(geom, function(g) {
    st_multipolygon(lapply(unclass(st_cast(st_sfc(g), "MULTIPOLYGON")[[1]]), function(polygon) {
      lapply(polygon, function(ring) ring[c(TRUE, rowSums(abs(diff(ring))) > 0), , drop = FALSE])
    }))
  }), crs = st_crs(geom))
}

# --- Case 1: all approximate 2024 buurten (WGS84 file, projected to RD New) ---------------------------------
if (any(c("buurt2024", "utrecht2023") %in% cases)) {
buurten <- st_read("/vsigzip/data/sample/boundaries/cbs_buurt_2024_approx_wgs84.geojson.gz", quiet = TRUE)
buurten <- buurten[order(buurten$statcode), ]
buurten_rd <- st_transform(st_geometry(buurten), 28992)
codes <- buurten$statcode
write_nb(poly2nb(buurten_rd, snap = 5, queen = TRUE), codes, "neighbours_buurt2024_queen5.csv.gz")
write_nb(poly2nb(buurten_rd, snap = 5, queen = FALSE), codes, "neighbours_buurt2024_rook5.csv.gz")
write_nb(poly2nb(buurten_rd, snap = sqrt(.Machine$double.eps), queen = TRUE), codes, "neighbours_buurt2024_queen0.csv.gz")
write_nb(fuzzy_nb(buurten_rd, 5), codes, "neighbours_buurt2024_fuzzy5.csv.gz")
}
if ("buurt2024" %in% cases) {
xy <- centroids(buurten_rd)
write_nb(knn2nb(knearneigh(xy, k = 6)), codes, "neighbours_buurt2024_knn6.csv.gz")
write_nb(dnearneigh(xy, 0, 2000), codes, "neighbours_buurt2024_band2000.csv.gz")

# Statistics: share of owner-occupied dwellings in every buurt with a value, queen contiguity (snap 5 m) among
# those buurten.
kwb <- read.csv(gzfile("data/sample/national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz"),
  colClasses = "character")
kwb <- kwb[kwb$level == "Buurt", ]
owner <- suppressWarnings(as.numeric(kwb$koopwoningen[match(codes, kwb$code)]))
keep <- !is.na(owner)
statistics(owner[keep], poly2nb(buurten_rd[keep], snap = 5, queen = TRUE), codes[keep], "buurt2024_owner_queen5")

}

# --- Case 2: Utrecht, share of corporation dwellings 2023 on the 2024 buurt polygons, fuzzy contiguity 5 m ------
if ("utrecht2023" %in% cases) {
utrecht <- read.csv("data/sample/utrecht/kwb2023_utrecht_GM0344.csv", colClasses = "character")
corporation <- suppressWarnings(as.numeric(utrecht$p_wcorpw[match(codes, trimws(utrecht$gwb_code_10))]))
keep <- !is.na(corporation) & startsWith(codes, "BU0344")
statistics(corporation[keep], fuzzy_nb(buurten_rd[keep], 5), codes[keep], "utrecht2023_corporation_fuzzy5")
}

# --- Case 3: all 2016 wijken (RD New file, CBS generalised) ------------------------------------------------
# Integer coordinates: a snap of 1.5 m cannot tie with a vertex distance (√1, √2 < 1.5 < √3), so the µm by which
# the stored copy (RD → WGS84 → RD) differs cannot flip a pair.
if ("wijk2016" %in% cases) {
wijken <- st_read("/vsigzip/data/sample/boundaries/cbs_wijk_2016_nl_rd.geojson.gz", quiet = TRUE)
wijken <- wijken[!st_is_empty(wijken) & !duplicated(wijken$WKC), ]  # as Leefkracht's import: empties and repeats rejected
wijken <- wijken[order(wijken$WKC), ]
# Leefkracht's import repairs invalid polygons (NTS GeometryFixer), which can change their vertex lists; the tests
# allow rook differences on these only.
valid <- st_is_valid(wijken, reason = TRUE)
write.csv(data.frame(code = wijken$WKC, reason = valid)[valid != "Valid Geometry", ],
  file.path(out, "wijk2016_invalid.csv"), row.names = FALSE)
wijken_rd <- without_repeats(st_geometry(wijken))
wcodes <- wijken$WKC
write_nb(poly2nb(wijken_rd, snap = 1.5, queen = TRUE), wcodes, "neighbours_wijk2016_queen1.5.csv.gz")
write_nb(poly2nb(wijken_rd, snap = 1.5, queen = FALSE), wcodes, "neighbours_wijk2016_rook1.5.csv.gz")
write_nb(fuzzy_nb(wijken_rd, 1.5), wcodes, "neighbours_wijk2016_fuzzy1.5.csv.gz")
write_nb(knn2nb(knearneigh(centroids(wijken_rd), k = 6)), wcodes, "neighbours_wijk2016_knn6.csv.gz")
}

writeLines(c(
  paste("R", getRversion()), paste("spdep", packageVersion("spdep")), paste("sf", packageVersion("sf")),
  paste("GEOS", sf_extSoftVersion()[["GEOS"]]), paste("PROJ", sf_extSoftVersion()[["PROJ"]])
), file.path(out, "versions_R.txt"))
