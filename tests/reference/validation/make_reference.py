"""Independent reference numbers for the validation statistics (tests/Leefkracht.Monitor.Tests/Validation).

Inputs (copied from the yardstick research, /work/research/yardstick/out):
  wijk_predictions_research.csv  per wijk: gemeente, LBM 2018 afw and the research's out-of-sample prediction
  cv_folds.csv                   the research's leave-gemeenten-out folds (common.gemeente_folds)
Output: reference.json - Spearman and Pearson (scipy.stats), the 9 x 9 confusion table of the derived LBM
classes (pandas.crosstab), the share-ranks within each gemeente (pandas groupby rank(pct=True)).

Run: /usr/bin/python3 make_reference.py   (numpy, pandas, scipy)
"""
import json

import numpy as np
import pandas as pd
from scipy import stats

p = pd.read_csv("wijk_predictions_research.csv")
x, y = p.pred_afw_oos.values, p.lbm_afw_2018.values

# Derived LBM 3.0 class bounds (docs/leefbaarometer.md): equal steps anchored at lbm 3.81 and afw 0.
ref = 4.102264851143685
h = (ref - 3.81) / 3
bounds = np.array([(3.81 - ref) + (k - 3) * h for k in range(1, 9)])
ours = np.searchsorted(bounds, x, side="right") + 1
theirs = np.searchsorted(bounds, y, side="right") + 1
table = pd.crosstab(pd.Categorical(ours, categories=range(1, 10)), pd.Categorical(theirs, categories=range(1, 10)), dropna=False)

ranks_ours = p.groupby("gm_code").pred_afw_oos.rank(pct=True, method="average")
ranks_lbm = p.groupby("gm_code").lbm_afw_2018.rank(pct=True, method="average")

out = {
    "n": int(len(p)),
    "spearman": float(stats.spearmanr(x, y).statistic),
    "pearson": float(stats.pearsonr(x, y).statistic),
    "confusion": table.values.astype(int).tolist(),
    "exact": float(np.mean(ours == theirs)),
    "within_one": float(np.mean(np.abs(ours - theirs) <= 1)),
    "ranks_ours": {c: float(r) for c, r in zip(p.code, ranks_ours)},
    "ranks_lbm": {c: float(r) for c, r in zip(p.code, ranks_lbm)},
}
with open("reference.json", "w") as f:
    json.dump(out, f, indent=1)
print(out["n"], out["spearman"], out["pearson"], out["exact"], out["within_one"])
