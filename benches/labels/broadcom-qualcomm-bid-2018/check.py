#!/usr/bin/env python3
"""Consistency check for the broadcom-qualcomm-bid-2018 labels (sentences, alignment, quotes, conflicts).

    python3 check.py            # checks and counts
    python3 check.py --show     # also prints every group's member texts (read from the corpus, never stored)

The corpus is read from $PARALLAX_SHARED/corpus/broadcom-qualcomm-bid-2018 (default: ../../../../shared
relative to this file, i.e. /work/shared). Exit status 1 if any check fails.
"""
import itertools
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLUSTER = "broadcom-qualcomm-bid-2018"
SHARED = Path(os.environ.get("PARALLAX_SHARED", HERE.parents[3] / "shared"))
CORPUS = SHARED / "corpus" / CLUSTER
REPORTS = ["01", "02", "03", "04", "05", "06"]
QUOTE_MARKS = "\"“”‘’'"
LABELS = {"paraphrase": 0, "rewrite": 1, "verbatim": 2}

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def load(name):
    with open(HERE / name, encoding="utf-8") as f:
        return json.load(f)


sentences = load("sentences.json")
alignment = load("alignment.json")
quotes = load("quotes.json")
conflicts = load("conflicts.json")

# ---------------------------------------------------------------- licensing: no stored texts
def walk(obj, path=""):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("text", "text_trimmed"):
                err(f"stored text field at {path}/{k}")
            yield from walk(v, f"{path}/{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk(v, f"{path}[{i}]")
    elif isinstance(obj, str):
        yield path, obj


# ---------------------------------------------------------------- sentences
texts = {}
units = {}
if sorted(sentences) != REPORTS:
    err(f"sentences.json reports {sorted(sentences)} != {REPORTS}")
for nn in REPORTS:
    rep = sentences[nn]
    path = CORPUS / rep["file"]
    if not rep["file"].startswith(nn + "_"):
        err(f"{nn}: file {rep['file']} has another prefix")
    t = path.read_text(encoding="utf-8")
    texts[nn] = t
    if rep["length"] != len(t):
        err(f"{nn}: length {rep['length']} != {len(t)}")
    covered = [False] * len(t)
    prev_end = 0
    for k, u in enumerate(rep["units"], 1):
        uid = u["id"]
        if uid != f"{nn}:s{k}":
            err(f"{nn}: unit {k} has id {uid}")
        if u["kind"] not in ("sentence", "heading", "boilerplate"):
            err(f"{uid}: bad kind {u['kind']}")
        s, e = u["start"], u["end"]
        if not (0 <= s < e <= len(t)):
            err(f"{uid}: offsets {s},{e} out of range")
            continue
        if s < prev_end:
            err(f"{uid}: overlaps the previous unit")
        prev_end = e
        if t[s].isspace() or t[e - 1].isspace():
            err(f"{uid}: unit starts or ends with whitespace")
        for i in range(s, e):
            covered[i] = True
        units[uid] = dict(u, report=nn)
    for i, c in enumerate(t):
        if not covered[i] and not c.isspace():
            err(f"{nn}: non-whitespace character {c!r} at {i} is not covered by a unit")


def utext(uid):
    u = units[uid]
    return texts[u["report"]][u["start"]:u["end"]]


def known(uid, where):
    if uid not in units:
        err(f"{where}: unknown unit {uid}")
        return False
    return True


# ---------------------------------------------------------------- alignment
group_ids = set()
listed_pairs = Counter()
distinct = {}
strong_distinct = set()
memberships = partial_members = 0
in_group = set()
per_group_rows = []
for g in alignment["groups"]:
    gid = g["group_id"]
    if gid in group_ids:
        err(f"duplicate group id {gid}")
    group_ids.add(gid)
    if g.get("strength") not in ("strong", "weak"):
        err(f"{gid}: strength {g.get('strength')}")
    mem = [m["unit"] for m in g["members"]]
    if len(mem) != len(set(mem)):
        err(f"{gid}: repeated member")
    ok = all(known(u, gid) for u in mem)
    if not ok:
        continue
    reps = sorted({units[u]["report"] for u in mem})
    if len(reps) < 2:
        err(f"{gid}: members from fewer than two reports")
    if reps != g["reports"]:
        err(f"{gid}: reports {g['reports']} != members' {reps}")
    for m in g["members"]:
        memberships += 1
        partial_members += bool(m["partial"])
        in_group.add(m["unit"])
        if units[m["unit"]]["kind"] == "boilerplate":
            err(f"{gid}: boilerplate member {m['unit']}")
        if m["kind"] != units[m["unit"]]["kind"]:
            err(f"{gid}: {m['unit']} kind {m['kind']} != {units[m['unit']]['kind']}")
    seen = set()
    for p in g["pairs"]:
        a, b = p["a"], p["b"]
        if a not in mem or b not in mem:
            err(f"{gid}: pair {a}-{b} not among the members")
            continue
        same = units[a]["report"] == units[b]["report"]
        if same and not p.get("same_report"):
            err(f"{gid}: pair {a}-{b} in one report without same_report")
        if bool(p.get("same_report")) != same:
            err(f"{gid}: pair {a}-{b} same_report flag wrong")
        if p["label"] not in LABELS:
            err(f"{gid}: pair {a}-{b} label {p['label']}")
        key = tuple(sorted((a, b)))
        if key in seen:
            err(f"{gid}: pair {a}-{b} listed twice")
        seen.add(key)
        if same:
            continue
        listed_pairs[p["label"]] += 1
        if key in distinct and distinct[key] != p["label"]:
            err(f"pair {a}-{b} labelled {distinct[key]} and {p['label']} in different groups")
        distinct[key] = p["label"]
        if g["strength"] == "strong":
            strong_distinct.add(key)
    # every cross-report pair listed
    for a, b in itertools.combinations(mem, 2):
        if units[a]["report"] != units[b]["report"] and tuple(sorted((a, b))) not in seen:
            err(f"{gid}: cross-report pair {a}-{b} missing from pairs")
    # member label = strongest of its pairs
    for m in g["members"]:
        labs = [p["label"] for p in g["pairs"] if m["unit"] in (p["a"], p["b"]) and not p.get("same_report")]
        best = max(labs, key=LABELS.get) if labs else None
        if best and m["label"] != best:
            err(f"{gid}: member {m['unit']} label {m['label']} != strongest pair label {best}")
    per_group_rows.append((gid, g["strength"], len(mem), len([p for p in g["pairs"] if not p.get("same_report")])))

content = [uid for uid, u in units.items() if u["kind"] != "boilerplate"]
unique = [x["unit"] for x in alignment["unique_units"]]
for u in unique:
    if known(u, "unique_units") and u in in_group:
        err(f"unique unit {u} is in a group")
for u in content:
    if u not in in_group and u not in unique:
        err(f"content unit {u} is neither grouped nor unique")
for x in alignment["partially_unique_content"]:
    if known(x["unit"], "partially_unique_content"):
        u = units[x["unit"]]
        if not (u["start"] <= x["start"] < x["end"] <= u["end"]):
            err(f"partially unique span {x['unit']} {x['start']}-{x['end']} outside its unit")
        if x["unit"] not in in_group:
            err(f"partially unique span in ungrouped unit {x['unit']}")

# ---------------------------------------------------------------- quotes
def para_end(t, s):
    e = t.find("\n", s)
    e = len(t) if e < 0 else e
    while e > s and t[e - 1] == " ":
        e -= 1
    return e


n_q = n_u = 0
q_per_report = Counter()
conf = Counter()
cross_clusters = 0
cids = set()
for c in quotes["clusters"]:
    cid = c["cluster_id"]
    if cid in cids:
        err(f"duplicate cluster {cid}")
    cids.add(cid)
    reps = sorted({i["report"] for i in c["instances"]})
    if reps != c["reports"]:
        err(f"{cid}: reports {c['reports']} != {reps}")
    if c["cross_report"] != (len(reps) > 1):
        err(f"{cid}: cross_report flag wrong")
    cross_clusters += len(reps) > 1
    nq = sum(i["quoted"] for i in c["instances"])
    if nq == 0:
        err(f"{cid}: no quoted instance")
    if c["n_quoted"] != nq or c["n_unquoted"] != len(c["instances"]) - nq:
        err(f"{cid}: n_quoted/n_unquoted wrong")
    for i in c["instances"]:
        uid = i["unit"]
        if not known(uid, cid):
            continue
        if units[uid]["report"] != i["report"]:
            err(f"{cid}: {uid} not in report {i['report']}")
        if units[uid]["kind"] == "boilerplate":
            err(f"{cid}: instance in boilerplate {uid}")
        t = texts[i["report"]]
        s, e = i["start"], i["end"]
        lo, hi = units[uid]["start"], units[uid]["end"]
        if i.get("spans_units"):
            for v in i["spans_units"]:
                known(v, cid)
            hi = units[i["spans_units"][-1]]["end"]
            if i["spans_units"][0] != uid:
                err(f"{cid}: spans_units does not start with {uid}")
        if not (lo <= s < e <= hi):
            err(f"{cid}: span {s}-{e} outside unit(s) of {uid}")
        if i.get("speaker_from_unit"):
            known(i["speaker_from_unit"], cid)
        if i.get("confidence") not in ("high", "medium", "low"):
            err(f"{cid}: confidence {i.get('confidence')}")
        conf[i["confidence"]] += 1
        if i["quoted"]:
            n_q += 1
            q_per_report[i["report"]] += 1
            if t[s - 1] != i["open_mark"] or i["open_mark"] not in QUOTE_MARKS:
                err(f"{cid}: {uid} opening mark mismatch")
            if i["close_mark"] is None:
                if not i.get("unclosed") or e != para_end(t, s):
                    err(f"{cid}: {uid} unclosed span must run to the end of the paragraph")
            elif t[e] != i["close_mark"] or i["close_mark"] not in QUOTE_MARKS:
                err(f"{cid}: {uid} closing mark mismatch")
            if any(m in t[s:e] for m in "“”"):
                err(f"{cid}: {uid} span contains a double curly mark")
            if not (s <= i["trim_start"] <= i["trim_end"] <= e):
                err(f"{cid}: {uid} trim offsets")
            if bool(i.get("in_heading")) != (units[uid]["kind"] == "heading"):
                err(f"{cid}: {uid} in_heading flag wrong")
            # spans_units must be set exactly when the span crosses units
            crossed = sorted({v for v, u in units.items() if u["report"] == i["report"]
                              and u["start"] < e and s < u["end"]}, key=lambda v: int(v.split(":s")[1]))
            if len(crossed) > 1 and crossed != i.get("spans_units"):
                err(f"{cid}: {uid} spans_units should be {crossed}")
            if len(crossed) == 1 and i.get("spans_units"):
                err(f"{cid}: {uid} spans_units set for a one-unit span")
        else:
            n_u += 1

# all quotation marks in content units belong to some quoted instance (apostrophes aside)
spans = defaultdict(list)
for c in quotes["clusters"]:
    for i in c["instances"]:
        if i["quoted"]:
            spans[i["report"]].append((i["start"] - 1, i["end"]))
for uid in content:
    u = units[uid]
    t = texts[u["report"]]
    for k in range(u["start"], u["end"]):
        ch = t[k]
        if ch not in QUOTE_MARKS:
            continue
        if ch in "’'‘" and 0 < k < len(t) - 1 and (t[k - 1].isalpha() or t[k - 1] == ".") and t[k + 1].isalpha():
            continue  # apostrophe inside or after a word (don't, Inc.’s, QUALCOMM‘S)
        if ch in "'’" and t[k - 1] in "s" and not t[k + 1].isalpha():
            continue  # plural possessive (consumers', Technologies')
        if not any(a <= k <= b for a, b in spans[u["report"]]):
            err(f"{uid}: quotation mark {ch!r} at {k} not in any quoted instance")

# ---------------------------------------------------------------- conflicts
kinds = Counter()
for n, c in enumerate(conflicts):
    kinds[c["kind"]] += 1
    if c["kind"] not in ("conflict", "precision-difference", "detail-only-in-some"):
        err(f"conflict {n}: kind {c['kind']}")
    if sorted(c["per_report"]) != REPORTS:
        err(f"conflict '{c['topic']}': per_report keys {sorted(c['per_report'])}")
    mentioned = {k for k, v in c["per_report"].items() if v != "not mentioned"}
    for u in c["units"]:
        if known(u, f"conflict '{c['topic']}'") and units[u]["report"] not in mentioned:
            err(f"conflict '{c['topic']}': unit {u} in a report marked not mentioned")
    if len(c["units"]) != len(set(c["units"])):
        err(f"conflict '{c['topic']}': repeated unit")

# ---------------------------------------------------------------- licensing: no long copied runs
words = {nn: re.findall(r"[\w$.%’'-]+", t.lower()) for nn, t in texts.items()}
ngrams = set()
N = 7
for w in words.values():
    for k in range(len(w) - N + 1):
        ngrams.add(tuple(w[k:k + N]))
strings = []
for name, obj in (("alignment", alignment), ("quotes", quotes), ("conflicts", conflicts), ("sentences", sentences)):
    strings += [(name + p, s) for p, s in walk(obj)]
strings.append(("README.md", (HERE / "README.md").read_text(encoding="utf-8")))
for p, s in strings:
    w = re.findall(r"[\w$.%’'-]+", s.lower())
    for k in range(len(w) - N + 1):
        if tuple(w[k:k + N]) in ngrams:
            warnings.append(f"{p}: {N}-word run copied from a report: {' '.join(w[k:k + N])}")
            if p != "README.md":
                break

# ---------------------------------------------------------------- counts
print(f"corpus: {CORPUS}")
print("units by kind per report:")
print("  report  units  sentence  heading  boilerplate")
tot = Counter()
for nn in REPORTS:
    k = Counter(u["kind"] for u in sentences[nn]["units"])
    n = len(sentences[nn]["units"])
    tot.update(k)
    tot["all"] += n
    print(f"  {nn}      {n:5d}  {k['sentence']:8d}  {k['heading']:7d}  {k['boilerplate']:11d}")
print(f"  all     {tot['all']:5d}  {tot['sentence']:8d}  {tot['heading']:7d}  {tot['boilerplate']:11d}")
ng = len(alignment["groups"])
nw = sum(g["strength"] == "weak" for g in alignment["groups"])
print(f"groups: {ng} ({ng - nw} strong, {nw} weak); memberships {memberships}, partial {partial_members}")
print(f"cross-report pair entries (as listed): {sum(listed_pairs.values())} {dict(listed_pairs)}")
dl = Counter(distinct.values())
print(f"distinct cross-report pairs: {len(distinct)} {dict(dl)}; in a strong group: {len(strong_distinct)}; weak-only: {len(distinct) - len(strong_distinct)}")
byrep = Counter(units[u]["report"] for u in in_group)
print("content units in a group per report:", dict(sorted(byrep.items())))
print(f"unique units: {len(unique)}", dict(sorted(Counter(units[u]['report'] for u in unique).items())))
print(f"partially unique spans: {len(alignment['partially_unique_content'])}")
print(f"quote clusters: {len(quotes['clusters'])} ({cross_clusters} cross-report); instances {n_q + n_u}: {n_q} quoted, {n_u} unquoted")
print("quoted instances per report:", {nn: q_per_report.get(nn, 0) for nn in REPORTS}, "confidence:", dict(conf))
print(f"conflict topics: {len(conflicts)}", dict(kinds))

if "--show" in sys.argv:
    for g in alignment["groups"]:
        print(f"\n{g['group_id']} [{g['strength']}] {g['gist']}")
        for m in g["members"]:
            print(f"   {m['unit']:7s} {'P' if m['partial'] else ' '} {m['label'][:4]}  {utext(m['unit'])}")
        for p in g["pairs"]:
            if p["label"] != "paraphrase":
                print(f"      {p['label']}: {p['a']} - {p['b']}")

for w in warnings:
    print("WARNING", w)
if errors:
    for e in errors:
        print("ERROR", e)
    print(f"{len(errors)} error(s)")
    sys.exit(1)
print("OK: all checks passed")
