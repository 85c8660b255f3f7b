"""Writes tests/reference/yardstick/research_scores.csv: the research's scores of wijken and gemeenten of the
sample's cities and of every gemeente, from its own code (model.py: Reference, Imputer), for the C# tests.

Columns: code, level, inhabitants, the 18 raw indicator values under their catalog ids (empty = missing), afw
(full-data model; imputed where an indicator is missing), imputation_sd (without inflation), in_sample (the
research's pred_afw_in, empty where the research did not predict the area because it lacks an indicator).
Usage: cd /work/research/yardstick && python3 /work/wt-yardstick/scripts/research/make_yardstick_reference.py OUT.csv
"""
import json, sys
import numpy as np
import pandas as pd
sys.path.insert(0, ".")
from model import CORE, Imputer, Reference, raw_values, SPEC  # noqa: E402

IDS = {"woz": "woz_mean", "owner_occ_pct": "dwellings_owner_occupied_pct", "single_family_pct": "dwellings_single_family_pct",
       "oad": "address_density", "pop_density": "population_density", "dist_gp": "distance_gp",
       "dist_supermarket": "distance_supermarket", "dist_school": "distance_school", "schools_3km": "schools_within_3km",
       "health_pct": "good_health_pct", "hh_size": "household_size", "pct_0_14": "age_0_14_pct", "pct_15_24": "age_15_24_pct",
       "pct_25_44": "age_25_44_pct", "pct_65plus": "age_65_plus_pct", "crimes_per_1000": "crimes_per_1000_5y_mean",
       "crimes_per_km2": "crimes_per_km2", "crimes_per_1000hh": "crimes_per_household"}
m = json.load(open("out/model_calibrated.json"))
names = [i["id"] for i in m["indicators"]]
beta = {i["id"]: i["beta"] for i in m["indicators"]}
ref = Reference(2024, {i["id"]: i["mu"] for i in m["indicators"]}, {i["id"]: i["sd"] for i in m["indicators"]})
imp_j = json.load(open("out/imputer_2024.json"))
imp = Imputer(imp_j["names"], np.array(imp_j["mean"]), np.array(imp_j["cov"]))
CITIES = {"GM0344", "GM0363", "GM0518", "GM0599", "GM0917"}
rows = []
for level in ["wijk", "gemeente"]:
    t = pd.read_csv(f"out/indicators_2024_{level}.csv", dtype={"code": str}).set_index("code")
    if level == "wijk":
        t = t[t.gm_code.isin(CITIES)]
    raw = raw_values(t)
    z = ref.z(raw, names)
    filled, conds = imp.fill(z)
    sd = imp.score_sd(conds, beta, len(filled))
    afw = m["intercept"] + filled[names].values @ np.array([beta[k] for k in names])
    pred = pd.read_csv(f"out/predictions_{level}.csv", dtype={"code": str}).set_index("code")
    o = pd.DataFrame({"code": t.index, "level": level, "inhabitants": t.inwoners.values})
    for k in names:
        v = raw[k].values.astype(float)
        if k == "crimes_per_1000hh":
            v = v / 1000  # the catalog indicator is per household; the model multiplies by 1,000
        o[IDS[k]] = v
    o["afw"] = afw
    o["imputation_sd"] = sd
    o["in_sample"] = pred.pred_afw_in.reindex(t.index).values
    keep = o.inhabitants.fillna(0) >= 50
    rows.append(o[keep.values])
res = pd.concat(rows)
res.to_csv(sys.argv[1], index=False, float_format="%.17g")
print(len(res), "rows;", int(res.in_sample.notna().sum()), "with an in-sample prediction;", int((res.imputation_sd > 0).sum()), "imputed")
# the research's own check: where it predicted, afw equals pred_afw_in
d = (res.afw - res.in_sample).abs().max()
print("max |afw - pred_afw_in| =", d)
