#!/usr/bin/env python3
"""Rewrites the indicator table at the end of docs/indicators.md from src/Leefkracht.Data/Catalog/indicators.json.
Run after editing the catalog: python3 scripts/indicator-table.py (a test checks that every indicator is listed)."""
import json, pathlib
root = pathlib.Path(__file__).resolve().parent.parent
catalog = json.loads((root / "src/Leefkracht.Data/Catalog/indicators.json").read_text())
doc_path = root / "docs/indicators.md"
doc = doc_path.read_text()
marker = "## The indicators\n"
head = doc[: doc.index(marker) + len(marker)]
rows = ["", "| id | Nederlands | English | unit | theme | dimension | direction | kwb | aliases |", "|---|---|---|---|---|---|---|---|---|"]
for i in catalog["indicators"]:
    kwb = f"`{i['kwb']}`" if i.get("kwb") else ""
    rows.append(f"| `{i['id']}` | {i['nl']} | {i['en']} | {i['unit']} | {i['theme']} | {i.get('dimension') or ''} | {i['direction']} | {kwb} | {len(i['aliases'])} |")
derived = catalog.get("derivedIndicators", [])
if derived:
    rows += ["", "### Derived indicators", "", "Computed when a year is scored, only where the data have no published value of their own:", "",
             "| id | = numerator / denominator × factor (or a second source where the first has no value) |", "|---|---|"]
    for d in derived:
        if d.get("denominator"):
            rows.append(f"| `{d['id']}` | `{d['numerator']}` / `{d['denominator']}` × {d['factor']:g} |")
        else:
            rows.append(f"| `{d['id']}` | `{d['numerator']}` × {d['factor']:g} where `{d['id']}` itself is missing: {d.get('reason', '')} |")
doc_path.write_text(head + "\n".join(rows) + "\n")
