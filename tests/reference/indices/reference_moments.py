#!/usr/bin/env python3
"""Independent check of Leefkracht's standardisation reference: population-weighted mean and standard deviation of
indicators over all buurten of 2024, computed straight from the sample CSV files with the Python standard library.

Run from the repository root:  python3 tests/reference/indices/reference_moments.py > tests/reference/indices/reference_moments_2024.json
"""
import csv, gzip, json, math

SELECTION = "data/sample/national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz"
POLICE = "data/sample/national/politie_47022NED_misdrijven_totaal_per_jaar_2021-2025.csv.gz"
COLUMNS = {  # catalog id -> column of the selection
    "dwellings_owner_occupied_pct": "koopwoningen",
    "dwellings_single_family_pct": "eengezinswoning",
    "address_density": "adressendichtheid",
    "distance_gp": "afstandHuisarts",
    "distance_supermarket": "afstandSupermarkt",
    "distance_school": "afstandSchool",
    "schools_within_3km": "scholenBinnen3km",
    "good_health_pct": "goed_ervaren_gezondheid_pct_2024",
    "crimes_per_1000_5y_mean": "misdrijven_per1000_laatste12mnd",
}

def number(text):
    text = text.strip()
    return None if text in ("", ".") else float(text)

rows = [r for r in csv.DictReader(gzip.open(SELECTION, "rt", encoding="utf-8")) if r["level"] == "Buurt"]
population = {r["code"]: number(r["inwoners"]) for r in rows}
values = {cid: {r["code"]: number(r[col]) for r in rows} for cid, col in COLUMNS.items()}
crimes = {r["code"]: float(r["geregistreerde_misdrijven_totaal"]) for r in csv.DictReader(gzip.open(POLICE, "rt"))
          if r["jaar"] == "2024" and r["level"] == "Buurt"}
values["crimes_per_1000"] = {c: (crimes[c] / p * 1000 if c in crimes and p and p > 0 else None) for c, p in population.items()}

inhabited = {c: p for c, p in population.items() if p is not None and p > 0}
total = sum(inhabited.values())
result = {}
for cid, by_code in values.items():
    pairs = [(inhabited[c], v) for c, v in by_code.items() if c in inhabited and v is not None]
    weight = sum(p for p, _ in pairs)
    mean = sum(p * v for p, v in pairs) / weight
    sd = math.sqrt(sum(p * (v - mean) ** 2 for p, v in pairs) / weight)
    result[cid] = {"mean": mean, "sd": sd, "areas": len(pairs), "populationShare": weight / total}
print(json.dumps({"period": 2024, "areas": len(inhabited), "population": total, "moments": result}, indent=2, sort_keys=True))
