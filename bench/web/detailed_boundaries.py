#!/usr/bin/env python3
"""A national buurt boundary file at full detail, generated from the sample's real (generalised) 2024 buurten.

The repository holds no full-detail national buurt boundaries (docs/benchmarks.md, "Map: one canvas for every area").
The sample's 2024 buurten (derived from PDOK's buurt_gegeneraliseerd) have 2.0 points per km of boundary, like the
generalised CBS gemeenten of 2022 (2.3); the real full-detail wijken of Haaglanden in ../shared/data/boundaries
(wijk_haaglanden_4gm_wgs84) have 68. This densifies every edge of every buurt to that density (a point every
1000 / DENSITY metres) and moves each new point off the straight edge by a small wave (AMPLITUDE metres, a
wavelength of 60 m) so that a simplifier cannot drop it for free, as it could drop points on a straight line: the
shapes stay within AMPLITUDE of the real generalised ones, with the point count and bytes of full-detail boundaries.

Usage: python3 bench/web/detailed_boundaries.py OUT.geojson.gz [DENSITY=68] [AMPLITUDE=3]
Reads data/sample/boundaries/cbs_buurt_2024_approx_wgs84.geojson.gz; writes the same features (codes, names) with
the denser rings. Deterministic: the same input gives the same file.
"""
import gzip
import json
import math
import sys

SOURCE = "data/sample/boundaries/cbs_buurt_2024_approx_wgs84.geojson.gz"
WAVELENGTH = 60.0
# Metres per degree here (52° N): longitude, latitude.
M_LON = 111_320 * math.cos(math.radians(52.1))
M_LAT = 110_540


def densify(ring, spacing, amplitude):
    """The ring with a point every `spacing` metres along each edge, each new point moved off the edge by the wave."""
    out = []
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        dx, dy = (x2 - x1) * M_LON, (y2 - y1) * M_LAT
        length = math.hypot(dx, dy)
        out.append([round(x1, 6), round(y1, 6)])
        steps = int(length // spacing)
        if steps < 1 or length == 0:
            continue
        # The unit normal of the edge, in metres.
        nx, ny = -dy / length, dx / length
        for k in range(1, steps + 1):
            t = k / (steps + 1)
            s = t * length
            # The wave is zero at both ends of the edge, so the original corners stay where they were.
            off = amplitude * math.sin(2 * math.pi * s / WAVELENGTH) * math.sin(math.pi * t)
            x = x1 + t * (x2 - x1) + off * nx / M_LON
            y = y1 + t * (y2 - y1) + off * ny / M_LAT
            out.append([round(x, 6), round(y, 6)])
    out.append(out[0])
    return out


def main():
    target = sys.argv[1]
    density = float(sys.argv[2]) if len(sys.argv) > 2 else 68.0
    amplitude = float(sys.argv[3]) if len(sys.argv) > 3 else 3.0
    spacing = 1000.0 / density
    with gzip.open(SOURCE, "rt", encoding="utf-8") as f:
        layer = json.load(f)
    points = 0
    for feature in layer["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        dense = [[densify(ring, spacing, amplitude) for ring in polygon] for polygon in polygons]
        points += sum(len(r) for p in dense for r in p)
        geometry["coordinates"] = dense[0] if geometry["type"] == "Polygon" else dense
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=6) as f:
        json.dump(layer, f, separators=(",", ":"))
    print(f"{len(layer['features'])} buurten, {points} points ({density} a km, wave {amplitude} m) -> {target}")


if __name__ == "__main__":
    main()
