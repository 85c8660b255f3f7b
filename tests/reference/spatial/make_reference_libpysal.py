#!/usr/bin/python3
"""Reference neighbour lists of libpysal (Debian python3-libpysal 4.7, python3-geopandas 0.12) for Leefkracht.

Run from the repository root with Debian's Python (about 2 minutes):
    /usr/bin/python3 tests/reference/spatial/make_reference_libpysal.py
Needs: apt-get install -y python3-libpysal python3-geopandas

Reads only data/sample. Writes tests/reference/spatial/neighbours_<case>_<rule>_libpysal.csv.gz with the columns
code, neighbours (codes separated by spaces). Polygons are projected to RD New (EPSG:28992) first.
"""
import gzip
import io
import warnings

warnings.filterwarnings("ignore")
import geopandas as gpd  # noqa: E402
import libpysal  # noqa: E402
from libpysal.weights import KNN, DistanceBand, Queen, Rook, fuzzy_contiguity  # noqa: E402

OUT = "tests/reference/spatial"


def read(path):
    with gzip.open(path, "rb") as f:
        return gpd.read_file(io.BytesIO(f.read()))


def write(w, codes, name):
    lines = ["code,neighbours"]
    for code in codes:
        lines.append(code + "," + " ".join(sorted(w.neighbors.get(code, []))))
    with gzip.open(f"{OUT}/{name}", "wt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def points(gdf):
    c = gdf.geometry.centroid
    return list(zip(c.x, c.y))


# Case 1: all approximate 2024 buurten.
buurten = read("data/sample/boundaries/cbs_buurt_2024_approx_wgs84.geojson.gz").sort_values("statcode").reset_index(drop=True)
buurten = buurten.to_crs(28992)
codes = list(buurten["statcode"])
write(Queen.from_dataframe(buurten, ids=codes), codes, "neighbours_buurt2024_queen0_libpysal.csv.gz")
write(Rook.from_dataframe(buurten, ids=codes), codes, "neighbours_buurt2024_rook0_libpysal.csv.gz")
xy = points(buurten)
write(KNN.from_array(xy, k=6, ids=codes), codes, "neighbours_buurt2024_knn6_libpysal.csv.gz")
write(DistanceBand.from_array(xy, threshold=2000, binary=True, ids=codes, silence_warnings=True), codes,
      "neighbours_buurt2024_band2000_libpysal.csv.gz")
# Buffering each polygon by 2.5 m makes two polygons intersect when they are within about 5 m of each other.
fuzzy = buurten[["statcode", "geometry"]].set_index("statcode", drop=False)
write(fuzzy_contiguity(fuzzy, buffering=True, buffer=2.5), codes, "neighbours_buurt2024_fuzzy5_libpysal.csv.gz")

# Case 3: all 2016 wijken (already RD New); empties and repeated codes dropped as Leefkracht's import does.
wijken = read("data/sample/boundaries/cbs_wijk_2016_nl_rd.geojson.gz")
wijken = wijken[~wijken.geometry.is_empty & ~wijken.geometry.isna()]
wijken = wijken[~wijken["WKC"].duplicated()].sort_values("WKC").reset_index(drop=True)
wcodes = list(wijken["WKC"])
write(Queen.from_dataframe(wijken, ids=wcodes), wcodes, "neighbours_wijk2016_queen0_libpysal.csv.gz")
write(KNN.from_array(points(wijken), k=6, ids=wcodes), wcodes, "neighbours_wijk2016_knn6_libpysal.csv.gz")

with open(f"{OUT}/versions_libpysal.txt", "w") as f:
    f.write(f"libpysal {libpysal.__version__}\ngeopandas {gpd.__version__}\n")
