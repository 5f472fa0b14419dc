#!/usr/bin/env python3
"""Prints PIT's mutations.csv as a Markdown table per top-level class (issue 17).

Usage: python3 build/pit-table.py <module>/target/pit-reports/mutations.csv

Columns: mutations (all but NON_VIABLE), killed (KILLED + TIMED_OUT + MEMORY_ERROR + RUN_ERROR, what PIT
counts as detected: DetectionStatus.isDetected(); RUN_ERROR is a test minion the mutant made exit abnormally), survived, no coverage, score = killed / mutations. Nested classes count with their outer class.
"""
import csv
import sys
from collections import defaultdict


def main(path):
    rows = defaultdict(lambda: defaultdict(int))
    with open(path, newline="", encoding="utf-8") as f:
        for rec in csv.reader(f):
            if len(rec) < 6:
                raise SystemExit(f"{path}: a row with {len(rec)} fields, expected at least 6: {rec[:2]}")
            cls, status = rec[1].split("$")[0], rec[5]
            rows[cls][status] += 1
    print("| class | mutations | killed | survived | no coverage | score |")
    print("|---|---:|---:|---:|---:|---:|")
    total = defaultdict(int)
    for cls in sorted(rows):
        c = rows[cls]
        n = sum(v for k, v in c.items() if k != "NON_VIABLE")
        killed = c["KILLED"] + c["TIMED_OUT"] + c["MEMORY_ERROR"] + c["RUN_ERROR"]
        for k, v in (("n", n), ("k", killed), ("s", c["SURVIVED"]), ("u", c["NO_COVERAGE"])):
            total[k] += v
        score = f"{100.0 * killed / n:.1f} %" if n else "—"
        print(f"| `{cls.rsplit('.', 1)[-1]}` | {n} | {killed} | {c['SURVIVED']} | {c['NO_COVERAGE']} | {score} |")
    if total["n"]:
        print(f"| **all** | {total['n']} | {total['k']} | {total['s']} | {total['u']} |"
              f" **{100.0 * total['k'] / total['n']:.1f} %** |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
