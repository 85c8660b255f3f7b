#!/usr/bin/env python3
"""Generates the KWB buurt/wijk/gemeente selection of every year 2013-2025 at the 2024 size from the real 2024
national file, for the national multi-year benchmark (bench/national/multi-year.sh, docs/benchmarks.md).

How a year differs from 2024 (docs/benchmarks.md "National multi-year store" lists the same):
- drift: the columns the real gemeente panel 2020-2025 (data/sample/national/kwb2020-2025_gemeente_housing_panel)
  holds change by the median yearly log change of that panel (inhabitants, households, WOZ, owner-occupied share,
  density); the count columns that scale with inhabitants follow inhabitants; income per inhabitant by +2.5 % a
  year (CBS: disposable income per inhabitant rose by about that much a year 2013-2022); the rest have no drift;
- noise: per area a random walk away from 2024, 2 % a year for counts and money, 1 point a year for percentages and
  the crime rate (whose walk is 4 %), so neighbouring years stay close and far years drift apart;
- boundary changes: per year before 2024, 1 % of the buurten (cumulative, so 11 % by 2013) carry another code (a
  buurt that was later split or merged), and per year after 2024 0.5 % get a new code.
The 2024 rows are the real ones. Seeded: the same output every run.

Usage: python3 bench/national/generate_years.py OUT_DIR [FIRST LAST]
"""
import csv, gzip, math, os, random, statistics, sys
from collections import defaultdict

root = os.path.join(os.path.dirname(__file__), "..", "..")
out = sys.argv[1]
first, last = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) > 3 else (2013, 2025)
base_year = 2024
os.makedirs(out, exist_ok=True)

with gzip.open(os.path.join(root, "data/sample/national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz"), "rt", newline="") as f:
    reader = csv.DictReader(f)
    header = reader.fieldnames
    rows = list(reader)

# Median yearly log change per panel column over the gemeenten present in both 2020 and 2025.
panel = defaultdict(dict)
with gzip.open(os.path.join(root, "data/sample/national/kwb2020-2025_gemeente_housing_panel.csv.gz"), "rt", newline="") as f:
    for r in csv.DictReader(f):
        panel[r["gwb_code"]][int(r["year"])] = r

def panel_growth(column):
    changes = []
    for years in panel.values():
        if 2020 in years and 2025 in years:
            try:
                a, b = float(years[2020][column]), float(years[2025][column])
            except ValueError:
                continue
            if a > 0 and b > 0:
                changes.append(math.log(b / a) / 5)
    return statistics.median(changes)

inhabitants = panel_growth("a_inw")
drift = {
    "inwoners": inhabitants, "inwoners65plus": inhabitants + 0.02, "inwoners0tot15": inhabitants - 0.01,
    "huishoudens": panel_growth("a_hh"), "dichtheid": panel_growth("bev_dich"), "adressendichtheid": panel_growth("a_woning"),
    "wozWaarde": panel_growth("g_wozbag_euro"), "koopwoningen": panel_growth("p_koopw"),
    "inkomenPerInwoner": math.log(1.025), "misdrijven_laatste12mnd": inhabitants,
}
percent = {"koopwoningen", "eengezinswoning", "goed_ervaren_gezondheid_pct_2024"}
walk = {c: 0.02 for c in ("inwoners", "inwoners65plus", "inwoners0tot15", "huishoudens", "dichtheid", "adressendichtheid",
                          "wozWaarde", "inkomenPerInwoner", "misdrijven_laatste12mnd")}
walk["misdrijven_per1000_laatste12mnd"] = 0.04
integer = {"inwoners", "inwoners65plus", "inwoners0tot15", "huishoudens", "dichtheid", "adressendichtheid", "wozWaarde",
           "koopwoningen", "eengezinswoning", "misdrijven_laatste12mnd"}
print("yearly drift (log):", {k: round(v, 4) for k, v in drift.items()}, file=sys.stderr)

random.seed(20241206)
codes = {r["code"] for r in rows}
buurten = [i for i, r in enumerate(rows) if r["level"] == "Buurt"]
renamed = {}  # row index -> (year from which the old code holds going back, or forward, old code)

def fresh_code(code):
    while True:
        candidate = code[:-2] + f"{random.randrange(50, 100):02d}"
        if candidate not in codes:
            codes.add(candidate)
            return candidate

# Cumulative code changes: going back from 2024, 1 % more of the buurten each year carry another code.
order = random.sample(buurten, len(buurten))
back_changes = {}
for step, year in enumerate(range(base_year - 1, first - 1, -1)):
    for i in order[step * len(buurten) // 100:(step + 1) * len(buurten) // 100]:
        back_changes[i] = (year, fresh_code(rows[i]["code"]))
forward_changes = {}
for step, year in enumerate(range(base_year + 1, last + 1)):
    for i in order[-(step + 1) * len(buurten) // 200:len(order) - step * len(buurten) // 200]:
        forward_changes[i] = (year, fresh_code(rows[i]["code"]))

def value_of(text):
    try:
        return float(text)
    except ValueError:
        return None

def write(year, table):
    path = os.path.join(out, f"kwb{year}_synthetic_nl_all_buurten.csv.gz")
    with gzip.open(path, "wt", newline="", compresslevel=1) as f:
        w = csv.DictWriter(f, fieldnames=header)
        w.writeheader()
        w.writerows(table)

def years_away(direction):
    """The rows of each year walking away from 2024 in one direction (+1 or -1)."""
    state = [dict(r) for r in rows]
    shift = [defaultdict(float) for _ in rows]
    year = base_year
    while first <= year + direction <= last:
        year += direction
        table = []
        for i, r in enumerate(state):
            new = dict(r)
            for column in header:
                x = value_of(rows[i][column])
                if x is None or column in ("postcode",):
                    continue
                if column in percent or column == "goed_ervaren_gezondheid_pct_2024":
                    shift[i][column] += random.gauss(0, 1.0)
                    g = drift.get(column, 0.0)
                    y = min(100.0, max(0.0, x * math.exp(g * (year - base_year)) + shift[i][column]))
                elif column in walk or column in drift:
                    shift[i][column] += random.gauss(0, walk.get(column, 0.02))
                    y = x * math.exp(drift.get(column, 0.0) * (year - base_year) + shift[i][column])
                else:
                    continue
                new[column] = str(round(y)) if column in integer else f"{y:.1f}"
            change = (back_changes if direction < 0 else forward_changes).get(i)
            if change and (year <= change[0] if direction < 0 else year >= change[0]):
                new["code"] = change[1]
            table.append(new)
        write(year, table)
        print(f"{year}: {len(table)} rows", file=sys.stderr)

if first <= base_year <= last:
    write(base_year, rows)
years_away(-1)
years_away(+1)
