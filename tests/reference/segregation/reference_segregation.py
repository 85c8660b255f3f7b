#!/usr/bin/env python3
"""Independent check of Leefkracht's segregation indices: the published formulas (Massey and Denton 1988; Theil and
Finizza 1971; PySAL segregation's dissim.py, isolation.py, entropy.py; R segregation::mutual_total) written out with
the Python standard library, applied to the Amsterdam buurten of KWB 2019 straight from the sample CSV.

Run from the repository root:
    python3 tests/reference/segregation/reference_segregation.py > tests/reference/segregation/amsterdam2019.json
"""
import csv, gzip, json, math

FILE = "data/sample/amsterdam/kwb2019_amsterdam_GM0363_statline.csv.gz"
KIND, CODE = "Regioaanduiding.Soort.regio..omschrijving.", "Regioaanduiding.Codering..code."
HOUSEHOLDS = "Bevolking.Particuliere.huishoudens.Huishoudens.totaal..aantal."
DWELLINGS = "Wonen.Woningvoorraad..aantal."
SHARES = {
    "low_income": ("Inkomen.Inkomen.van.huishoudens.Huishoudens.met.een.laag.inkomen....", HOUSEHOLDS),
    "social_minimum": ("Inkomen.Inkomen.van.huishoudens.Huish..onder.of.rond.sociaal.minimum....", HOUSEHOLDS),
    "corporation": ("Wonen.Woningen.naar.eigendom.Huurwoningen.In.bezit.woningcorporatie....", DWELLINGS),
    "dwellings_owner_occupied_pct": ("Wonen.Woningen.naar.eigendom.Koopwoningen....", DWELLINGS),
}


def number(text):
    text = text.strip()
    return None if text in ("", ".", "NA") else float(text.replace(",", "."))


rows = [r for r in csv.DictReader(gzip.open(FILE, "rt", encoding="utf-8")) if r[KIND].strip() == "Buurt"]


def counts(group, extra=()):
    """(code, [group counts...], base) for buurten with every share and a positive base."""
    names = [group, *extra]
    out = []
    for r in rows:
        base = number(r[SHARES[group][1]])
        shares = [number(r[SHARES[g][0]]) for g in names]
        if base is None or base <= 0 or any(s is None for s in shares):
            continue
        out.append((r[CODE].strip(), [s / 100 * base for s in shares], base))
    return sorted(out)


def entropy2(p):
    return sum(-q * math.log(q) for q in (p, 1 - p) if q > 0)


def two_group(group):
    data = counts(group)
    x = [c[1][0] for c in data]
    t = [c[2] for c in data]
    y = [ti - xi for xi, ti in zip(x, t)]
    X, Y, T = sum(x), sum(y), sum(t)
    P = X / T
    E = entropy2(P)
    return {
        "buurten": len(data),
        "share": P,
        "dissimilarity": 0.5 * sum(abs(xi / X - yi / Y) for xi, yi in zip(x, y)),  # the ½Σ|x/X − y/Y| form
        "isolation": sum(xi / X * xi / ti for xi, ti in zip(x, t)),
        "exposure": sum(xi / X * yi / ti for xi, yi, ti in zip(x, y, t)),
        "theil_h": sum(ti * (E - entropy2(xi / ti)) for xi, ti in zip(x, t)) / (E * T),
        "location_quotients": {c[0]: (c[1][0] / c[2]) / P for c in data},
    }


def multigroup(groups):
    data = counts(groups[0], groups[1:])
    table = [[*c[1], max(0.0, c[2] - sum(c[1]))] for c in data]  # the groups plus the rest of the base
    N = sum(map(sum, table))
    pg = [sum(row[g] for row in table) / N for g in range(len(table[0]))]
    M = 0.0
    for row in table:
        pu = sum(row) / N
        for g, c in enumerate(row):
            if c > 0:
                M += c / N * math.log((c / N) / (pu * pg[g]))
    E = -sum(p * math.log(p) for p in pg if p > 0)
    return {"buurten": len(data), "M": M, "H": M / E}


print(json.dumps({
    "gemeente": "GM0363", "year": 2019,
    "two_group": {g: two_group(g) for g in ("low_income", "social_minimum", "corporation")},
    "multigroup": {"corporation,dwellings_owner_occupied_pct": multigroup(["corporation", "dwellings_owner_occupied_pct"])},
}, indent=1, sort_keys=True))
