#!/usr/bin/env python3
"""Independent check of Leefkracht's estimated weights (leefkracht model fit): weighted ridge regression with an
unpenalised intercept, sandwich standard errors and k-fold cross-validation, computed with numpy from the design
that `leefkracht model fit --design-out` writes. Also checks the design itself against the raw CBS file: the target
is log(wozWaarde) of the wijk, the weight its inhabitants, and the directly published predictors are standardised
with the population-weighted moments of all buurten.

Regenerate (from the repository root, numpy required):
  leefkracht import --db /tmp/nat.db data/sample/national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz \
      data/sample/national/politie_47022NED_misdrijven_totaal_per_jaar_2021-2025.csv.gz
  leefkracht model fit --db /tmp/nat.db --target woz --year 2024 --level wijk --out /tmp/m.json \
      --design-out tests/reference/indices/hedonic_design_wijk_2024.csv && gzip -f -9 tests/reference/indices/hedonic_design_wijk_2024.csv
  /usr/bin/python3 tests/reference/indices/ridge_reference.py > tests/reference/indices/hedonic_reference_wijk_2024.json   # Debian python3-numpy
"""
import csv, gzip, json, math
import numpy as np

DESIGN = "tests/reference/indices/hedonic_design_wijk_2024.csv.gz"
SELECTION = "data/sample/national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz"
LAMBDA_FACTORS = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1]
DIRECT = {  # predictors published for wijken as they are (no aggregation from buurten)
    "dwellings_owner_occupied_pct": "koopwoningen",
    "dwellings_single_family_pct": "eengezinswoning",
    "address_density": "adressendichtheid",
    "distance_gp": "afstandHuisarts",
    "distance_supermarket": "afstandSupermarkt",
    "distance_school": "afstandSchool",
    "schools_within_3km": "scholenBinnen3km",
}

def number(text):
    text = text.strip()
    return None if text in ("", ".") else float(text)

# --- the design, as Leefkracht wrote it
with gzip.open(DESIGN, "rt") as f:
    rows = list(csv.reader(f))
header, data = rows[0], rows[1:]
predictors = header[5:]
codes = [r[0] for r in data]
w = np.array([float(r[2]) for r in data])
y = np.array([float(r[3]) for r in data])
folds = np.array([int(r[4]) for r in data])
X = np.array([[float(v) for v in r[5:]] for r in data])

# --- independent checks of the design against the raw selection
raw = list(csv.DictReader(gzip.open(SELECTION, "rt", encoding="utf-8")))
by_code = {r["code"]: r for r in raw}
buurten = [r for r in raw if r["level"] == "Buurt" and number(r["inwoners"]) and number(r["inwoners"]) > 0]
checks = {"rows": len(codes), "target_and_weight": 0, "standardised_columns": []}
for i, code in enumerate(codes):
    r = by_code[code]
    assert abs(y[i] - math.log(number(r["wozWaarde"]))) < 1e-12, code
    assert w[i] == number(r["inwoners"]), code
    checks["target_and_weight"] += 1
for cid, column in DIRECT.items():
    pairs = [(number(b["inwoners"]), number(b[column])) for b in buurten if number(b[column]) is not None]
    weight = sum(p for p, _ in pairs)
    mean = sum(p * v for p, v in pairs) / weight
    sd = math.sqrt(sum(p * (v - mean) ** 2 for p, v in pairs) / weight)
    j = predictors.index(cid)
    for i, code in enumerate(codes):
        expected = (number(by_code[code][column]) - mean) / sd
        assert abs(X[i, j] - expected) < 1e-9 * max(1, abs(expected)), (cid, code, X[i, j], expected)
    checks["standardised_columns"].append(cid)

# --- weighted ridge, written out from the formulas (docs/indices.md#estimated-weights)
def fit(X, y, w, lam):
    w = w * len(w) / w.sum()
    xm = (w[:, None] * X).sum(0) / w.sum()
    ym = (w * y).sum() / w.sum()
    Xc, yc = X - xm, y - ym
    G = Xc.T @ (w[:, None] * Xc)
    A = G + lam * np.eye(X.shape[1])
    Ainv = np.linalg.inv(A)
    beta = Ainv @ (Xc.T @ (w * yc))
    intercept = ym - xm @ beta
    e = y - intercept - X @ beta
    rss = (w * e * e).sum()
    tss = (w * yc * yc).sum()
    df = 1 + np.trace(Ainv @ G)
    sigma2 = rss / max(len(y) - df, 1)
    cov = sigma2 * Ainv @ G @ Ainv
    return intercept, beta, np.sqrt(np.diag(cov)), 1 - rss / tss, df

wn = w * len(w) / w.sum()
results = []
for factor in LAMBDA_FACTORS:
    lam = factor * len(y)
    predicted = np.empty_like(y)
    for k in range(folds.max() + 1):
        train, test = folds != k, folds == k
        b0, b, _, _, _ = fit(X[train], y[train], wn[train], lam)
        predicted[test] = b0 + X[test] @ b
    ym = (wn * y).sum() / wn.sum()
    oof = 1 - (wn * (y - predicted) ** 2).sum() / (wn * (y - ym) ** 2).sum()
    b0, b, se, r2, df = fit(X, y, w, lam)
    results.append({"lambda": lam, "rSquaredOutOfFold": oof, "intercept": b0, "coefficients": dict(zip(predictors, b.tolist())),
                    "standardErrors": dict(zip(predictors, se.tolist())), "rSquared": r2, "degreesOfFreedom": df})
best = max(results, key=lambda r: r["rSquaredOutOfFold"])
print(json.dumps({"design": DESIGN, "checks": checks, "chosenLambda": best["lambda"], "fits": results}, indent=2))
