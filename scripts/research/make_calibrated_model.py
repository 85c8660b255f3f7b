"""Writes src/Leefkracht.Monitor/Models/leefkracht-lbm-calibrated.json from the research artefacts.

Input: the research folder's out/ (model_calibrated.json, imputer_2024.json, residual_quantiles.csv,
s05_yardstick.json, lbm_classes.json), produced by /work/research/yardstick/run_all.py. Numbers are copied at full
precision (Python repr of the doubles), so the C# scores reproduce the research's to rounding error.
Usage: python3 scripts/research/make_calibrated_model.py RESEARCH_OUT_DIR
"""
import csv, json, sys, os

out = sys.argv[1]
model = json.load(open(os.path.join(out, "model_calibrated.json")))
imputer = json.load(open(os.path.join(out, "imputer_2024.json")))
align = json.load(open(os.path.join(out, "s05_yardstick.json")))["time_alignment"]

IDS = {
    "woz": ("woz_mean", 1), "owner_occ_pct": ("dwellings_owner_occupied_pct", 1),
    "single_family_pct": ("dwellings_single_family_pct", 1), "oad": ("address_density", 1),
    "pop_density": ("population_density", 1), "dist_gp": ("distance_gp", 1),
    "dist_supermarket": ("distance_supermarket", 1), "dist_school": ("distance_school", 1),
    "schools_3km": ("schools_within_3km", 1), "health_pct": ("good_health_pct", 1),
    "hh_size": ("household_size", 1), "pct_0_14": ("age_0_14_pct", 1), "pct_15_24": ("age_15_24_pct", 1),
    "pct_25_44": ("age_25_44_pct", 1), "pct_65plus": ("age_65_plus_pct", 1),
    "crimes_per_1000": ("crimes_per_1000_5y_mean", 1), "crimes_per_km2": ("crimes_per_km2", 1),
    "crimes_per_1000hh": ("crimes_per_household", 1000),
}
DIMS = {"won": "Woningvoorraad", "fys": "FysiekeOmgeving", "vrz": "Voorzieningen", "soc": "SocialeSamenhang",
        "onv": "OverlastEnOnveiligheid"}
TRANSFORM = {"log": "Log", "log1p": "Log1p", "id": "Identity"}
REASONS = {
    "woz": "Dwelling value: the price side of livability; higher WOZ goes with a higher Leefbaarometer score at equal composition.",
    "oad": "Address density of the surroundings: at equal population density, more addresses (offices, shops) weigh slightly negative.",
    "pop_density": "Population density (log): denser areas score lower in the Leefbaarometer at equal composition (noise, lack of green).",
    "dist_gp": "Distance to the GP practice (log): nearer is slightly better.",
    "schools_3km": "Choice of primary schools within 3 km (log): the amenity side that the open statistics carry best.",
    "health_pct": "Share of adults in good perceived health (RIVM): the strongest single correlate of the Leefbaarometer; it carries the social make-up that income and benefits would (39 % of the weight).",
    "hh_size": "Average household size: at equal age structure, larger households mean crowding and lower scores.",
    "pct_0_14": "Share of children 0-14: a small positive weight (families).",
    "pct_15_24": "Share of young people 15-24: student and starter areas score lower in the Leefbaarometer.",
    "pct_25_44": "Share of 25-44: high turnover of young adults goes with lower scores.",
    "pct_65plus": "Share of 65+: settled, long-resident populations go with higher scores.",
}
DIM_REASONS = {
    "won": "Housing stock: WOZ value only; owner-occupation and single-family share got no weight under the sign constraints (their information is in health and household composition).",
    "fys": "Physical environment: density and address density (urbanity), both negative.",
    "vrz": "Amenities: school choice and GP distance; supermarket and school distances got no weight.",
    "soc": "Social make-up: health, household size and age structure; ethnic composition is deliberately left out (stigmatising; the Leefbaarometer 3.0 dropped it too).",
}

names = imputer["names"]
assert names == [i["id"] for i in model["indicators"]], "imputer and model must list the indicators in one order"
woz_index = {int(k): v for k, v in align["woz_national_index_vs_2024"].items()}
health = {int(k): v for k, v in align["health_national_mean_by_edition"].items()}
health_offset = {k: v - health[2024] for k, v in health.items()}

indicators = []
for i in model["indicators"]:
    cid, factor = IDS[i["id"]]
    item = {"id": cid, "transform": TRANSFORM[i["transform"]], "factor": factor, "dimension": DIMS[i["dimension"]],
            "mean": i["mu"], "standardDeviation": i["sd"], "coefficient": i["beta"], "standardError": i["se"]}
    if i["id"] == "woz":
        item["alignment"] = {"divide": True, "byYear": {str(k): woz_index[k] for k in sorted(woz_index)}}
    if i["id"] == "health_pct":
        item["alignment"] = {"divide": False, "byYear": {str(k): health_offset[k] for k in sorted(health_offset)}}
    indicators.append(item)

total = sum(abs(i["beta"]) for i in model["indicators"])
dimensions = []
for d in ["won", "fys", "vrz", "soc", "onv"]:
    members = [i for i in model["indicators"] if i["dimension"] == d and i["beta"] != 0]
    if not members:
        continue
    dimensions.append({
        "dimension": DIMS[d], "weight": sum(abs(i["beta"]) for i in members) / total, "reason": DIM_REASONS[d],
        "indicators": [{"id": IDS[i["id"]][0], "weight": abs(i["beta"]),
                        "direction": "HigherIsBetter" if i["beta"] > 0 else "HigherIsWorse", "reason": REASONS[i["id"]]}
                       for i in members]})

h = 0.2922648511436851 / 3
bounds = [-0.2922648511436851 + (k - 3) * h for k in range(1, 9)]
level = {"pc4": "Buurt", "wijk": "Wijk", "gemeente": "Gemeente"}
band_min = {0: 0, 1: 1000, 2: 5000}
residuals = []
for r in csv.DictReader(open(os.path.join(out, "residual_quantiles.csv"))):
    residuals.append({"level": level[r["level"]], "minimumInhabitants": 0 if r["level"] == "gemeente" else band_min[int(r["band"])],
                      "q025": float(r["q0.025"]), "q05": float(r["q0.05"]), "q50": float(r["q0.5"]),
                      "q95": float(r["q0.95"]), "q975": float(r["q0.975"])})

doc = {
    "id": "leefkracht-lbm-calibrated",
    "version": 1,
    "method": "calibrated",
    "description": "Weights estimated against the Leefbaarometer 3.0 (open data, PC4, 2018) on open national indicators, on one fixed yardstick: a national 2024 reference, a fixed indicator set and fixed classes, so that a score means the same in every year and place. Sign-constrained weighted ridge fit (docs/indices.md#yardstick); validated out of sample, leave whole gemeenten out: Spearman 0.817 (PC4), 0.736 (wijk), 0.786 (gemeente) against 0.394 / 0.369 / 0.562 for the hand-set model.",
    "rules": {"minimumCoverage": 0.5, "minimumPopulation": 50, "zScoreLimit": model["reference"]["z_limit"],
              "minimumReferenceShare": 0.5, "minimumReferenceCoverage": 0.4},
    "classes": {"upperBounds": bounds,
                "basis": "derived Leefbaarometer 3.0 class bounds on afw (equal steps of 0.0974, anchored at lbm 3.81 = 'lage leefbaarheid' and at the national reference afw = 0); not the official bounds, which are not published in a readable source (afgeleide klassengrenzen)"},
    "changeClasses": {"upperBounds": [-0.09, -0.06, -0.03, -0.012, 0.012, 0.03, 0.06, 0.09],
                      "basis": "symmetric bounds on a change in afw: |change| < 0.012 (a tenth of the buurt-level spread of the score, sd 0.122) is 'no change'"},
    "dimensions": dimensions,
    "yardstick": {
        "reference": {"year": 2024,
                      "description": "the fixed national reference: all inhabited buurten of 2024, weighted by inhabitants",
                      "descriptionDutch": "de vaste landelijke referentie: alle bewoonde buurten van 2024, gewogen naar inwoners"},
        "intercept": model["intercept"],
        "indicators": indicators,
        "imputation": {"inflation": 1.2, "mean": imputer["mean"], "covariance": imputer["cov"]},
        "target": {"name": "Leefbaarometer 3.0", "constant": model["lbm_constant"], "latestMeasurement": 2018,
                   "residuals": residuals},
    },
}
path = os.path.join(os.path.dirname(__file__), "..", "..", "src", "Leefkracht.Monitor", "Models", "leefkracht-lbm-calibrated.json")
with open(path, "w") as f:
    json.dump(doc, f, indent=2)
    f.write("\n")
print("wrote", os.path.normpath(path))
