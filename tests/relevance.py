#!/usr/bin/env python3
"""relevance.py - how well `exoread search` ranks, against a plain bm25 baseline.

Reads tests/relevance.tsv (kind<TAB>query<TAB>expected ids, "-" for a question
the content cannot answer), runs each query through `exoread search --format
tsv`, and the same query through SQLite FTS5 bm25 over the same sections
(their own title, also_called, headings, the questions they answer and body
text, taken from `exoread print --format json`). Prints, by kind and overall, for both:

  P@1  share of queries whose first hit is an expected section
  P@3  share of queries with an expected section among the first three hits
  MRR  mean of 1/rank of the first expected section (0 when not in the top 10)

A "none" query counts as right (1 on every measure) only when nothing is
returned. With --floor KIND=P (KIND "all" for every query) and --min-lead,
also prints PASS:/FAIL: lines for tests/run.sh: P@1 of each kind named at
least P percent, and overall P@1 at least --min-lead points above the
baseline's.
"""
import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys

LIMIT = 10

# The reader's own settings stay out of the figures: a configured emergency
# number is one more word the index holds.
ENV = {k: v for k, v in os.environ.items()
       if k not in ("EXOREAD_EMERGENCY_NUMBER", "EXOREAD_CLINIC_PHONE")}
ENV["XDG_CONFIG_HOME"] = "/nonexistent"


def read_suite(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"{path}:{n}:1: want kind<TAB>query<TAB>expected")
            kind, query, want = parts
            rows.append((kind, query, [] if want == "-" else want.split()))
    return rows


def exoread_hits(exo, content, query):
    p = subprocess.run([exo, "--content", content, "search", "--format", "tsv",
                        "--limit", str(LIMIT), query],
                       capture_output=True, text=True, env=ENV)
    if p.returncode not in (0, 1):
        sys.exit(f"relevance: exoread exited {p.returncode} for {query!r}: {p.stderr}")
    return [l.split("\t")[0] for l in p.stdout.splitlines() if l and not l.startswith("#")]


def sections(exo, content):
    """(id, title, also_called, headings and questions, body) of each section, its own text."""
    ids = subprocess.run([exo, "--content", content, "list", "--format", "tsv"],
                         capture_output=True, text=True, check=True, env=ENV).stdout
    top = [l.split("\t")[0] for l in ids.splitlines() if "/" not in l.split("\t")[0]]
    out = subprocess.run([exo, "--content", content, "print", "--format", "json"] + top,
                         capture_output=True, text=True, check=True, env=ENV).stdout
    rows = []

    def walk(s):
        also, head, body = list(s.get("also_called", [])), list(s.get("questions", [])), []
        for b in s.get("body", []):
            t = b.get("type")
            if t == "qa":
                head.append(b.get("question", ""))
                body.append(b.get("answer", ""))
            elif t == "term":
                head.append(b.get("term", ""))
                body.append(b.get("text", ""))
                also += b.get("also_called", [])
            elif t == "list":
                head.append(b.get("text", ""))
                for it in b.get("items", []):
                    body.append(it.get("text", ""))
                    also += it.get("also_called", [])
            else:
                body.append(b.get("text", ""))
                body.append(b.get("context", ""))
        rows.append((s["id"], s.get("title", ""), " ; ".join(also), " ; ".join(head),
                     " ".join(body)))
        for k in s.get("sections", []):
            walk(k)

    for s in json.loads(out)["sections"]:
        walk(s)
    return rows


class Baseline:
    def __init__(self, rows):
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE s USING fts5(id UNINDEXED, title, also, head, body,"
                        " tokenize='porter unicode61 remove_diacritics 2')")
        self.db.executemany("INSERT INTO s VALUES (?, ?, ?, ?, ?)", rows)

    def hits(self, query):
        words = re.findall(r"\w+", query.lower())
        if not words:
            return []
        q = " OR ".join('"%s"' % w for w in words)
        return [r[0] for r in self.db.execute(
            "SELECT id FROM s WHERE s MATCH ? ORDER BY bm25(s) LIMIT ?", (q, LIMIT))]


def grade(hits, want):
    """(p1, p3, rr) for one query."""
    if not want:
        ok = 1.0 if not hits else 0.0
        return ok, ok, ok
    rank = next((i + 1 for i, h in enumerate(hits) if h in want), 0)
    return (1.0 if rank == 1 else 0.0, 1.0 if 0 < rank <= 3 else 0.0,
            1.0 / rank if rank else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exo", default="build/exoread")
    ap.add_argument("--content", default="content")
    ap.add_argument("--floor", action="append", default=[], metavar="KIND=P")
    ap.add_argument("--min-lead", type=float)
    ap.add_argument("--misses", action="store_true", help="list the queries exoread gets wrong")
    ap.add_argument("suite", nargs="?", default="tests/relevance.tsv")
    a = ap.parse_args()

    rows = read_suite(a.suite)
    base = Baseline(sections(a.exo, a.content))
    kinds = []
    res = {}
    misses = []
    for kind, query, want in rows:
        if kind not in kinds:
            kinds.append(kind)
        ours = exoread_hits(a.exo, a.content, query)
        g1, g2 = grade(ours, want), grade(base.hits(query), want)
        res.setdefault(kind, []).append((g1, g2))
        if g1[0] < 1:
            misses.append((kind, query, " ".join(want) or "-", " ".join(ours[:3]) or "-"))

    def avg(items, who, k):
        return 100.0 * sum(x[who][k] for x in items) / len(items)

    print("%-11s %4s | %-21s | %-21s" % ("", "", "exoread", "bm25 (FTS5)"))
    print("%-11s %4s | %6s %6s %7s | %6s %6s %7s" %
          ("kind", "n", "P@1", "P@3", "MRR", "P@1", "P@3", "MRR"))
    allrows = []
    table = {}
    for kind in kinds + ["all"]:
        items = allrows if kind == "all" else res[kind]
        if kind != "all":
            allrows += items
        f = [avg(items, w, k) for w in (0, 1) for k in (0, 1, 2)]
        table[kind] = f
        print("%-11s %4d | %5.1f%% %5.1f%% %7.3f | %5.1f%% %5.1f%% %7.3f" %
              (kind, len(items), f[0], f[1], f[2] / 100, f[3], f[4], f[5] / 100))
    if a.misses:
        for m in misses:
            print("miss: [%s] %s: want %s, got %s" % m)
    for fl in a.floor:
        kind, _, want = fl.partition("=")
        p1 = table[kind][0] if kind in table else -1.0
        tag = "PASS" if p1 >= float(want) else "FAIL"
        print("%s: relevance P@1 %s %.1f%% >= %s%%" % (tag, kind, p1, want))
    if a.min_lead is not None:
        lead = table["all"][0] - table["all"][3]
        tag = "PASS" if lead >= a.min_lead else "FAIL"
        print("%s: relevance P@1 lead over bm25 %.1f >= %.1f points" % (tag, lead, a.min_lead))
    if a.floor or a.min_lead is not None:
        for m in misses:
            print("  miss: [%s] %s: want %s, got %s" % m)


if __name__ == "__main__":
    main()
