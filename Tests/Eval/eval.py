#!/usr/bin/env python3
"""Measures extraction quality: runs `diplo import DOC --dry-run --format json` (plus `--source URL`
when the gold file records a `source`; never `--published`) on every test
document of Tests/Eval/docs (and on the shared sample article), or with --holdout on every document
of the held-out set Tests/Eval/holdout/docs (without the sample), scores what it prints against the
document's gold file with ../shared/tools/score.py, and prints one line per document, then precision,
recall and F1 per category summed over the documents (micro-average): over all of them, over each
language, and over the sample article alone. The last line is 'F1 X.XXX' over persons, countries,
events, partnerships and anniversaries of all documents together.

A document the binary fails on (an error, a crash, a timeout, output that is not JSON) counts as
predicting nothing, and its line says so. The script always exits 0 (64 for bad usage).

Usage: python3 Tests/Eval/eval.py [--holdout] [--diplo PATH] [--self-check] [--verbose] [--keep DIR] [NAME...]
  --holdout      score the held-out set (holdout/docs against holdout/gold) instead of the main set
  --diplo PATH   the binary (default: $DIPLO, else .build/release/diplo under the project root)
  --self-check   score each gold file turned into a perfect prediction (gold_to_pred.py) instead of
                 running the binary: every line must read F1 1.000
  --verbose      also print score.py's own report for each document
  --keep DIR     keep each document's prediction in DIR as NAME.pred.json
  NAME...        only the documents whose file name contains one of these
Plain python3, standard library only."""
import json, os, re, subprocess, sys, tempfile
from pathlib import Path

import options

HERE = Path(__file__).resolve().parent           # Tests/Eval
HOLDOUT = HERE / "holdout"                       # the held-out set: holdout/docs, holdout/gold
ROOT = HERE.parent.parent                        # the project root
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "tools" / "score.py"
SAMPLE_DOC = SHARED / "corpus" / "vi" / "000_151135e62e69d177.txt"
SAMPLE_GOLD = SHARED / "gold" / "000_151135e62e69d177.gold.json"
CATEGORIES = ["persons", "countries", "events", "partnerships", "anniversaries", "organizations(recall)"]
SCORED = CATEGORIES[:5]                          # organisations count for recall only, as in score.py
TIMEOUT = 300
EMPTY = {"format": "diplo/1", "documents": [], "entities": [], "events": [], "partnerships": [], "anniversaries": []}


def usage(message):
    print(f"eval.py: {message}", file=sys.stderr)
    print("usage: python3 Tests/Eval/eval.py [--holdout] [--diplo PATH] [--self-check] [--verbose] [--keep DIR] [NAME...]",
          file=sys.stderr)
    sys.exit(64)


def parse_args(argv):
    return options.parse(
        argv, __doc__, usage,
        {"diplo": os.environ.get("DIPLO") or ".build/release/diplo", "self_check": False,
         "verbose": False, "keep": None, "holdout": False, "names": []},
        values=("--diplo", "--keep"),
        flags={"--self-check": "self_check", "--verbose": "verbose", "--holdout": "holdout"})


def resolve_binary(path):
    p = Path(path)
    if p.is_absolute():
        return p
    # relative to where the user stands, else to the project root (make runs from the root)
    return p.resolve() if p.exists() else (ROOT / p)


def documents(names, holdout=False):
    """(name, doc path, gold path) for each test document with a gold file, then the sample; with
    holdout, the documents of the held-out set (holdout/docs, holdout/gold) and no sample."""
    base = HOLDOUT if holdout else HERE
    out = []
    for doc in sorted((base / "docs").glob("*.txt")):
        gold = base / "gold" / (doc.stem + ".gold.json")
        if gold.exists():
            out.append((doc.name, doc, gold))
        else:
            print(f"warning: {doc.name} has no gold file ({gold.name}); skipped", file=sys.stderr)
    if holdout:
        pass  # the sample article is not held out: the project starts from it
    elif SAMPLE_DOC.exists() and SAMPLE_GOLD.exists():
        out.append(("sample:" + SAMPLE_DOC.name, SAMPLE_DOC, SAMPLE_GOLD))
    else:
        print(f"warning: the sample article or its gold file is missing under {SHARED}", file=sys.stderr)
    if names:
        out = [d for d in out if any(n in d[0] for n in names)]
    return out


def first_line(text):
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def predict(binary, doc, gold, workdir):
    """(prediction, None) or (EMPTY, why it failed)"""
    if not binary.exists():
        return EMPTY, f"no binary at {binary}"
    db = Path(workdir) / "eval.sqlite"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    cmd = [str(binary), "import", str(doc), "--dry-run", "--format", "json", "--db", str(db)]
    # what a user gives: the file and, when known, where it comes from; never the gold's
    # publication date (a hint from the answer key), so a missing year must come from the page
    if gold.get("source"):
        cmd += ["--source", str(gold["source"])]
    try:
        run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return EMPTY, f"diplo ran over {TIMEOUT}s"
    except OSError as e:
        return EMPTY, f"diplo could not run ({e})"
    if run.returncode != 0:
        why = first_line(run.stderr) or first_line(run.stdout) or "no message"
        why = why.replace(str(doc), doc.name)
        if run.returncode < 0:
            return EMPTY, f"diplo was killed by signal {-run.returncode}: {why}"
        return EMPTY, f"diplo exited {run.returncode}: {why}"
    try:
        pred = json.loads(run.stdout)
    except json.JSONDecodeError as e:
        return EMPTY, f"diplo printed no valid JSON ({e.msg} at line {e.lineno})"
    if not isinstance(pred, dict):
        return EMPTY, "diplo printed JSON that is not an object"
    return pred, None


def self_check_prediction(gold):
    sys.path.insert(0, str(HERE))
    from gold_to_pred import convert
    pred, problems = convert(gold)
    return pred, ("gold problems: " + "; ".join(problems)) if problems else None


ROW = re.compile(r"^\s*(\S+)\s+tp=\s*(\d+)\s+pred=\s*(\d+)\s+gold=\s*(\d+)")


def score(gold_path, pred, workdir):
    """({category: (tp, pred, gold)}, F1 as score.py gives it, China events, score.py's report) or None"""
    pred_path = Path(workdir) / "pred.json"
    pred_path.write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    try:
        run = subprocess.run([sys.executable, str(SCORE), str(gold_path), str(pred_path)],
                             capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return None
    rows, f1, china = {}, None, 0
    for line in run.stdout.splitlines():
        m = ROW.match(line)
        if m:
            rows[m.group(1)] = tuple(int(x) for x in m.group(2, 3, 4))
        elif line.startswith("F1 "):
            f1 = float(line.split()[1])
        elif "events placed in China" in line:
            china = int(line.rsplit(":", 1)[1])
    if f1 is None or any(c not in rows for c in CATEGORIES):
        return None
    return rows, f1, china, run.stdout + run.stderr


def prf(tp, npred, ngold):  # as score.py computes it
    p = tp / npred if npred else (1.0 if ngold == 0 else 0.0)
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def table(title, results):
    print(f"\n{title}")
    print(f"  {'category':22s} {'tp':>5s} {'pred':>5s} {'gold':>5s}   {'P':>5s} {'R':>5s} {'F1':>5s}")
    T = P = G = 0
    for c in CATEGORIES:
        tp = sum(r["rows"][c][0] for r in results)
        n_p = sum(r["rows"][c][1] for r in results)
        n_g = sum(r["rows"][c][2] for r in results)
        p, rr, f = prf(tp, n_p, n_g)
        if c == "organizations(recall)":
            print(f"  {c:22s} {tp:5d} {'':>5s} {n_g:5d}   {'':>5s} {rr:5.2f} {'':>5s}")
        else:
            print(f"  {c:22s} {tp:5d} {n_p:5d} {n_g:5d}   {p:5.2f} {rr:5.2f} {f:5.2f}")
            T += tp; P += n_p; G += n_g
    p, rr, f = prf(T, P, G)
    print(f"  {'all five':22s} {T:5d} {P:5d} {G:5d}   {p:5.2f} {rr:5.2f} {f:5.2f}")
    return f


def main():
    opts = parse_args(sys.argv[1:])
    if not SCORE.exists():
        print(f"eval.py: the scorer {SCORE} is missing; nothing to measure.")
        return
    binary = resolve_binary(opts["diplo"])
    docs = documents(opts["names"], opts["holdout"])
    if not docs:
        print("eval.py: no documents to score.")
        return
    keep = Path(opts["keep"]) if opts["keep"] else None
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
    source = "gold_to_pred.py (self-check)" if opts["self_check"] else str(binary)
    which = "the held-out set (Tests/Eval/holdout)" if opts["holdout"] else "the evaluation set"
    print(f"Extraction quality on {which}: {len(docs)} documents, predictions from {source}\n")

    results = []
    with tempfile.TemporaryDirectory(prefix="diplo-eval-") as work:
        for name, doc, gold_path in docs:
            try:
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                print(f"  {name:48s} skipped: its gold file cannot be read ({e})")
                continue
            if opts["self_check"]:
                pred, failure = self_check_prediction(gold)
            else:
                pred, failure = predict(binary, doc, gold, work)
            scored = score(gold_path, pred, work)
            if scored is None and pred is not EMPTY:
                failure = (failure + "; " if failure else "") + "score.py could not read the prediction"
                pred = EMPTY
                scored = score(gold_path, pred, work)
            if scored is None:
                print(f"  {name:48s} skipped: score.py failed on it")
                continue
            rows, f1, china, report = scored
            if keep:
                (keep / (Path(name.replace("sample:", "")).stem + ".pred.json")).write_text(
                    json.dumps(pred, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            lang = gold.get("lang") or "?"
            counts = " ".join(f"{c[:4]} {rows[c][0]}/{rows[c][2]}+{rows[c][1] - rows[c][0]}" for c in SCORED)
            note = ""
            if failure:
                note = f"  [counted as empty: {failure}]"
            elif china:
                note = f"  [scored 0: {china} event(s) placed in China, which only the page's surroundings mention]"
            print(f"  {name:48s} {lang}  F1 {f1:.3f}   {counts}{note}")
            if opts["verbose"]:
                print("    " + report.rstrip().replace("\n", "\n    "))
            results.append({"name": name, "lang": lang, "rows": rows, "f1": f1, "failed": bool(failure),
                            "china": china, "sample": name.startswith("sample:")})

    if not results:
        print("\nNo document could be scored.")
        return
    print("\n  (per category: found/gold+extra, i.e. true positives / gold items + false positives)")
    overall = table(f"All documents ({len(results)}), micro-averaged", results)
    for lang, label in (("vi", "Vietnamese"), ("en", "English")):
        subset = [r for r in results if r["lang"] == lang]
        if subset:
            table(f"{label} documents ({len(subset)})", subset)
    sample = [r for r in results if r["sample"]]
    if sample:
        table("The sample article alone (../shared/corpus/vi/000_151135e62e69d177.txt)", sample)

    failed = sum(r["failed"] for r in results)
    zeroed = sum(1 for r in results if r["china"])
    mean = sum(r["f1"] for r in results) / len(results)
    print(f"\nDocuments: {len(results)} scored, {failed} where diplo failed (counted as empty), "
          f"{zeroed} scored 0 for events placed in China.")
    print(f"Mean per-document F1 (with score.py's penalties): {mean:.3f}")
    print(f"F1 {overall:.3f}")


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # the reader (head, less) went away
        sys.stderr.close()
    sys.exit(0)
