#!/usr/bin/env python3
"""Scores Diplo's reader on real pages the way the product is judged, and says what changed.

Each page of the manifest (default ../shared/corpus/manifest.tsv from the project root: file, lang,
source, published; gold files in ../gold/ beside the corpus) goes through
    diplo import PAGE --dry-run --format json --lang LANG --source URL
with DIPLO_DB pointing at a throw-away database (never --published: a user gives the file and where it
comes from), exactly as ../shared/tools/eval_corpus.py does, and ../shared/tools/score.py compares the
output with the page's gold file. A run that fails or prints nothing counts as the prediction {}.
Instead of a manifest, a folder of NN.txt (line 1 'source: URL', line 2 'lang: vi|en', a blank line,
the page) with NN.gold.json beside them is read as eval_corpus.py reads it.

Prints one line per page (F1, and tp/pred/gold per category), then precision, recall and F1 per
category micro-averaged over the pages, the micro F1 over the five scored categories (persons,
countries, events, partnerships, anniversaries; organisations count for recall only and stay out of
it), the mean page F1, and what changed against the committed baseline (Tests/Eval/baseline.json):
every page whose F1 went down or up, each category's change and the micro F1's.

Usage: python3 Tests/Eval/corpus.py [options] [NAME...]
  --diplo PATH        the binary (default: $DIPLO, else .build/release/diplo under the project root)
  --manifest PATH     a manifest.tsv or a folder of NN.txt (default: ../shared/corpus/manifest.tsv)
  --baseline FILE     the baseline to compare with (default: Tests/Eval/baseline.json)
  --keep DIR          keep each page's prediction in DIR as NAME.pred.json
  --jobs N            pages scored at once (default 2)
  --gate              exit 1 when the micro F1 is more than 0.02 below the baseline's, or a page's F1
                      more than 0.15 below its baseline F1 (over the pages both have)
  --update-baseline   rewrite the baseline from this run (all pages; no NAME filter)
  --self-check        score each gold file turned into a perfect prediction (gold_to_pred.py) instead
                      of running the binary: every page must reach F1 1.000 (exit 1 otherwise)
  NAME...             only the pages whose name contains one of these
Exit status: 1 when the binary, the manifest or the scorer is missing, when --gate fails or when
--self-check finds a page below 1.000; 64 for bad usage; 0 otherwise (it measures).
Plain python3, standard library only."""
import concurrent.futures as cf
import hashlib, json, os, re, subprocess, sys, tempfile
from pathlib import Path

import options

HERE = Path(__file__).resolve().parent            # Tests/Eval
ROOT = HERE.parent.parent                         # the project root
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "tools" / "score.py"
MANIFEST = SHARED / "corpus" / "manifest.tsv"
BASELINE = HERE / "baseline.json"
SCORED = ["persons", "countries", "events", "partnerships", "anniversaries"]
ORGS = "organizations(recall)"
CATEGORIES = SCORED + [ORGS]
SHORT = {"persons": "per", "countries": "cou", "events": "eve", "partnerships": "par",
         "anniversaries": "ann", ORGS: "org"}
GATE_MICRO = 0.02       # --gate: largest allowed fall of the micro F1
GATE_PAGE = 0.15        # --gate: largest allowed fall of one page's F1
EPS = 1e-9
TIMEOUT = 300           # seconds for one diplo run
USAGE = ("usage: python3 Tests/Eval/corpus.py [--diplo PATH] [--manifest TSV|DIR] [--baseline FILE] "
         "[--keep DIR] [--jobs N] [--gate] [--update-baseline] [--self-check] [NAME...]")


def usage(message):
    print(f"corpus.py: {message}", file=sys.stderr)
    print(USAGE, file=sys.stderr)
    sys.exit(64)


def parse_args(argv):
    opts = options.parse(
        argv, __doc__, usage,
        {"diplo": os.environ.get("DIPLO") or ".build/release/diplo", "manifest": str(MANIFEST),
         "baseline": str(BASELINE), "keep": None, "jobs": "2", "gate": False, "update": False,
         "self_check": False, "names": []},
        values=("--diplo", "--manifest", "--baseline", "--keep", "--jobs"),
        flags={"--gate": "gate", "--update-baseline": "update", "--self-check": "self_check"})
    if not opts["jobs"].isdigit() or int(opts["jobs"]) < 1:
        usage("--jobs needs a whole number of at least 1")
    opts["jobs"] = int(opts["jobs"])
    if opts["update"] and opts["names"]:
        usage("--update-baseline rewrites the baseline for every page; drop the NAME filter")
    if opts["update"] and (opts["gate"] or opts["self_check"]):
        usage("--update-baseline goes alone, without --gate or --self-check")
    if opts["gate"] and opts["self_check"]:
        usage("--gate compares a binary with the baseline; --self-check runs no binary")
    return opts


def shown(path):
    """a path as short as it reads well: relative when under the current folder"""
    p = os.path.abspath(path)
    return os.path.relpath(p) if p.startswith(os.getcwd() + os.sep) else str(path)


def resolve(path):
    """a path as given, relative to where the user stands, else to the project root (make runs there)"""
    p = Path(path)
    if p.is_absolute() or p.exists():
        return p.resolve() if p.exists() else p
    return ROOT / p


# --- the pages -----------------------------------------------------------------------------------

def pages(where, workdir):
    """[(name, text path, gold path, lang, source)] as eval_corpus.py reads a manifest or a folder"""
    items = []
    if str(where).endswith(".tsv"):
        base = os.path.dirname(str(where))
        gdir = os.path.join(base, "..", "gold")
        with open(where, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i == 0 or not line.strip():
                    continue
                f, lang, src, _published = (line.rstrip("\n").split("\t") + [""] * 4)[:4]
                name = os.path.basename(f)[:-4]
                items.append((name, os.path.join(base, f), os.path.join(gdir, name + ".gold.json"), lang, src))
    else:
        for f in sorted(os.listdir(where)):
            if not f.endswith(".txt"):
                continue
            p = os.path.join(where, f)
            lines = open(p, encoding="utf-8").read().split("\n")
            try:
                src = lines[0].split(" ", 1)[1].strip()
                lang = lines[1].split(" ", 1)[1].strip()
            except IndexError:
                print(f"warning: {f} does not start with 'source: URL' and 'lang: ..' lines; skipped",
                      file=sys.stderr)
                continue
            body = os.path.join(workdir, f)   # the page without its two header lines and the blank one
            with open(body, "w", encoding="utf-8") as out:
                out.write("\n".join(lines[3:]))
            items.append((f[:-4], body, p[:-4] + ".gold.json", lang, src))
    return items


# --- one page (runs in a worker) -----------------------------------------------------------------

ROW = re.compile(r"^\s+(\S+)\s+tp=\s*(\d+) pred=\s*(\d+) gold=\s*(\d+)", re.M)
F1 = re.compile(r"^F1 ([\d.]+)", re.M)


def first_line(text):
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()[:160]
    return ""


def predict(binary, item, workdir):
    """(the text to score as the prediction, why it is {} or None), as eval_corpus.py runs diplo"""
    name, txt, _gold, lang, src = item
    env = dict(os.environ, DIPLO_DB=os.path.join(workdir, name + ".sqlite"))  # one database per page
    args = [binary, "import", txt, "--dry-run", "--format", "json"]
    args += (["--lang", lang] if lang else []) + (["--source", src] if src else [])
    try:
        r = subprocess.run(args, capture_output=True, text=True, env=env, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return "{}", f"diplo ran over {TIMEOUT}s"
    except OSError as e:
        return "{}", f"diplo could not run ({e})"
    if r.returncode == 0 and r.stdout.strip():
        return r.stdout, None
    why = first_line(r.stderr) or first_line(r.stdout) or "no output"
    why = why.replace(txt, os.path.basename(txt))
    if r.returncode < 0:
        return "{}", f"diplo killed by signal {-r.returncode}: {why}"
    return "{}", (f"diplo exited {r.returncode}: {why}" if r.returncode else "diplo printed nothing")


def perfect(item):
    """the gold file turned into the prediction a perfect reader would print (gold_to_pred.py)"""
    sys.path.insert(0, str(HERE))
    from gold_to_pred import convert
    try:
        with open(item[2], encoding="utf-8") as fh:
            pred, problems = convert(json.load(fh))
    except (OSError, ValueError, KeyError, TypeError) as e:
        return "{}", f"gold_to_pred.py failed on the gold file ({e.__class__.__name__}: {e})"
    return json.dumps(pred, ensure_ascii=False), ("gold_to_pred.py: " + "; ".join(problems)) if problems else None


def score_page(job):
    item, binary, workdir, keep, self_check = job
    name, _txt, gold, _lang, _src = item
    text, note = perfect(item) if self_check else predict(binary, item, workdir)
    pred = os.path.join(keep or workdir, name + ".pred.json")
    with open(pred, "w", encoding="utf-8") as fh:
        fh.write(text)
    r = subprocess.run([sys.executable, str(SCORE), gold, pred], capture_output=True, text=True)
    out = r.stdout
    m = F1.search(out)
    rows = {c: [int(x) for x in mm.group(2, 3, 4)] for mm in ROW.finditer(out) for c in [mm.group(1)]}
    forbidden = ""
    for line in out.splitlines():
        if "events placed in" in line and not line.rstrip().endswith(": 0"):
            places = re.search(r"events placed in (.+?) \(", line)
            forbidden = f"{line.rsplit(':', 1)[1].strip()} event(s) placed in {places.group(1) if places else '?'}"
    scorer = None
    if not m:   # score.py failed: eval_corpus.py counts F1 0 and adds none of the page's counts
        scorer = "score.py failed: " + (first_line(r.stderr.strip().splitlines()[-1] if r.stderr.strip() else "")
                                        or "no F1 line")
    return {"name": name, "f1": float(m.group(1)) if m else 0.0, "rows": rows, "note": note,
            "forbidden": forbidden, "scorer": scorer}


def run_all(jobs, workers):
    if workers <= 1 or len(jobs) <= 1:
        return [score_page(j) for j in jobs]
    try:
        pool = cf.ProcessPoolExecutor(max_workers=workers)
    except (OSError, NotImplementedError):   # no process pool on this system: threads run the same children
        pool = cf.ThreadPoolExecutor(max_workers=workers)
    with pool:
        return list(pool.map(score_page, jobs))   # in the manifest's order


# --- figures ---------------------------------------------------------------------------------------

def totals(results):
    tot = {c: [0, 0, 0] for c in CATEGORIES}
    for r in results:
        for c, v in r["rows"].items():
            t = tot.setdefault(c, [0, 0, 0])
            for k in range(3):
                t[k] += v[k]
    return tot


def prf(tp, p, g):  # as eval_corpus.py computes the totals
    P = tp / p if p else 0
    R = tp / g if g else 0
    return P, R, (2 * P * R / (P + R) if P + R else 0)


def micro(tot):
    T = [sum(v[k] for c, v in tot.items() if "recall" not in c) for k in range(3)]
    return prf(*T)[2]


def mean(results):
    return sum(r["f1"] for r in results) / len(results) if results else 0.0


def page_line(r):
    parts = []
    for c in CATEGORIES:
        if c not in r["rows"]:
            continue
        tp, p, g = r["rows"][c]
        parts.append(f"{SHORT[c]} {tp}/{g}" if c == ORGS else f"{SHORT[c]} {tp}/{p}/{g}")
    notes = []
    if r["note"]:
        notes.append(f"counted as {{}}: {r['note']}" if not r["note"].startswith("gold_to_pred") else r["note"])
    if r["forbidden"]:
        notes.append(f"scored 0: {r['forbidden']}, which only the page's surroundings name")
    if r["scorer"]:
        notes.append(r["scorer"])
    tail = "".join(f"  [{n}]" for n in notes)
    return f"  {r['name']:44s} F1 {r['f1']:.3f}  {'  '.join(parts)}{tail}"


def report(results):
    print("  (per category tp/pred/gold; org: tp/gold, recall only)")
    for r in results:
        print(page_line(r))
    tot = totals(results)
    print(f"\nPer category, micro-averaged over {len(results)} page{'s' if len(results) != 1 else ''}")
    print(f"  {'category':22s} {'tp':>5s} {'pred':>5s} {'gold':>5s}   {'P':>5s} {'R':>5s} {'F1':>5s}")
    for c in CATEGORIES:
        tp, p, g = tot[c]
        P, R, F = prf(tp, p, g)
        if c == ORGS:
            print(f"  {c:22s} {tp:5d} {'':5s} {g:5d}   {'':5s} {R:5.2f}")
        else:
            print(f"  {c:22s} {tp:5d} {p:5d} {g:5d}   {P:5.2f} {R:5.2f} {F:5.2f}")
    failed = [r["name"] for r in results if r["note"] and not r["note"].startswith("gold_to_pred")]
    zeroed = [r["name"] for r in results if r["forbidden"]]
    broken = [r["name"] for r in results if r["scorer"]]
    print(f"\nmicro F1 (five categories) {micro(tot):.3f}")
    print(f"mean page F1 {mean(results):.3f} over {len(results)} page{'s' if len(results) != 1 else ''}")
    if failed:
        print(f"{len(failed)} page(s) where diplo failed, scored as {{}}: {', '.join(failed)}")
    if zeroed:
        print(f"{len(zeroed)} page(s) scored 0 for events placed where only the page's surroundings go: {', '.join(zeroed)}")
    if broken:
        print(f"{len(broken)} page(s) score.py could not score (F1 0, counts left out, as eval_corpus.py does): {', '.join(broken)}")
    return tot


# --- the baseline ------------------------------------------------------------------------------------

def load_baseline(path):
    try:
        with open(path, encoding="utf-8") as fh:
            b = json.load(fh)
        if not isinstance(b.get("pages"), dict):
            return None, f"{path} has no pages"
        return b, None
    except FileNotFoundError:
        return None, f"there is no baseline at {path}"
    except (OSError, ValueError) as e:
        return None, f"the baseline {path} cannot be read ({e})"


def as_results(bpages, names):
    return [{"name": n, "f1": bpages[n]["f1"], "rows": bpages[n].get("counts", {})} for n in names]


def compare(results, base, path, filtered):
    """prints the changes; returns (baseline micro, current micro, [(name, old, new)] of pages in common)"""
    bpages = base["pages"]
    common = [r for r in results if r["name"] in bpages]
    new = [r["name"] for r in results if r["name"] not in bpages]
    ran = {r["name"] for r in results}
    print(f"\nAgainst the baseline ({shown(path)}, made with {base.get('binary', '?')}): "
          f"{len(common)} page(s) in common")
    if new:
        print(f"  not in the baseline, not compared: {', '.join(new)}")
    gone = [n for n in bpages if n not in ran]
    if gone and not filtered:
        print(f"  in the baseline but not among the pages now: {', '.join(gone)}")
    if not common:
        return None, None, []
    changes = [(r["name"], bpages[r["name"]]["f1"], r["f1"]) for r in common]
    down = sorted((c for c in changes if c[2] < c[1] - EPS), key=lambda c: c[2] - c[1])
    up = sorted((c for c in changes if c[2] > c[1] + EPS), key=lambda c: c[1] - c[2])
    if not down and not up:
        print("  no page's F1 changed")
    for label, group in (("down", down), ("up", up)):
        if group:
            print(f"  pages {label} ({len(group)}):")
        for n, old, cur in group:
            print(f"    {n:44s} {old:.3f} → {cur:.3f}  ({cur - old:+.3f})")
    btot, ctot = totals(as_results(bpages, [r["name"] for r in common])), totals(common)
    same = len(common) == len(bpages) and not new
    print("  categories (F1; tp/pred/gold)" if same else "  categories over the pages in common (F1; tp/pred/gold)")
    for c in CATEGORIES:
        (bt, bp, bg), (ct, cp, cg) = btot[c], ctot[c]
        if c == ORGS:
            o, n = prf(bt, bp, bg)[1], prf(ct, cp, cg)[1]
            print(f"    {c:22s} R  {o:.3f} → {n:.3f} ({n - o:+.3f})   {bt}/{bg} → {ct}/{cg}")
        else:
            o, n = prf(bt, bp, bg)[2], prf(ct, cp, cg)[2]
            print(f"    {c:22s} F1 {o:.3f} → {n:.3f} ({n - o:+.3f})   {bt}/{bp}/{bg} → {ct}/{cp}/{cg}")
    bm, cm = micro(btot), micro(ctot)
    bmean = mean(as_results(bpages, [r["name"] for r in common]))
    print(f"  micro F1{'' if same else ' over them'} {bm:.3f} → {cm:.3f} ({cm - bm:+.3f});  mean page F1 {bmean:.3f} → {mean(common):.3f} "
          f"({mean(common) - bmean:+.3f})")
    return bm, cm, changes


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_baseline(path, results, binary, manifest):
    tot = totals(results)
    head = {
        "about": "Tests/Eval/corpus.py --update-baseline: each page's F1 and tp/pred/gold per category "
                 "as score.py gives them; corpus.py compares a run with it and --gate fails on a fall",
        "binary": str(binary), "binary_sha256": sha256(binary),
        "manifest": os.path.relpath(manifest, ROOT),
        "micro_f1": round(micro(tot), 4), "mean_f1": round(mean(results), 4),
        "categories": {c: tot[c] for c in CATEGORIES},
    }
    lines = ["{"]
    for k, v in head.items():
        lines.append(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
    lines.append('  "pages": {')
    body = [f"    {json.dumps(r['name'])}: "
            + json.dumps({"f1": r["f1"], "counts": {c: r["rows"][c] for c in CATEGORIES if c in r["rows"]}})
            for r in results]
    lines.append(",\n".join(body))
    lines.append("  }")
    lines.append("}")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- main ----------------------------------------------------------------------------------------------

def main():
    opts = parse_args(sys.argv[1:])
    manifest = resolve(opts["manifest"])
    binary = resolve(opts["diplo"])
    if not SCORE.exists():
        print(f"corpus.py: the scorer {SCORE} is missing, so nothing can be scored.")
        return 1
    if not manifest.exists():
        print(f"corpus.py: the manifest {manifest} is missing, so there are no pages to score.")
        return 1
    if not opts["self_check"] and not (binary.is_file() and os.access(binary, os.X_OK)):
        print(f"corpus.py: there is no diplo binary at {binary} (give --diplo PATH or $DIPLO, or run make release).")
        return 1
    keep = None
    if opts["keep"]:
        keep = str(Path(opts["keep"]).resolve())
        os.makedirs(keep, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="diplo-corpus-") as work:
        items = pages(str(manifest), work)
        if opts["names"]:
            items = [it for it in items if any(n in it[0] for n in opts["names"])]
        if not items:
            print("corpus.py: no page to score" + (" matches " + " ".join(opts["names"]) if opts["names"] else "") + ".")
            return 1 if opts["gate"] or opts["self_check"] else 0
        what = "gold_to_pred.py (self-check)" if opts["self_check"] else str(binary)
        print(f"Real pages: {len(items)} from {manifest}, predictions from {what}\n")
        jobs = [(it, str(binary), work, keep, opts["self_check"]) for it in items]
        results = run_all(jobs, opts["jobs"])

    report(results)

    if opts["self_check"]:
        flagged = [r["name"] for r in results if r["note"]]
        if flagged:
            print(f"gold_to_pred.py flagged {len(flagged)} gold file(s) (see their lines): {', '.join(flagged)}")
        low = [r["name"] for r in results if r["f1"] < 1.0 - EPS]
        if low:
            print(f"Self-check failed: {len(low)} gold file(s) turned into a perfect prediction score below 1.000: {', '.join(low)}.")
            return 1
        print(f"Self-check passed: all {len(results)} gold files turned into a perfect prediction score 1.000.")
        return 0

    base, why = load_baseline(opts["baseline"])
    bm = cm = None
    changes = []
    if base:
        bm, cm, changes = compare(results, base, opts["baseline"], bool(opts["names"]))
    else:
        print(f"\nNo comparison: {why}.")

    if opts["update"]:
        write_baseline(opts["baseline"], results, binary, manifest)
        print(f"\nBaseline rewritten: {shown(opts['baseline'])} ({len(results)} pages, micro F1 "
              f"{micro(totals(results)):.3f}).")
        return 0

    if opts["gate"]:
        if not base:
            print(f"Gate failed: {why}, so there is nothing to compare with.")
            return 1
        if bm is None:
            print("Gate failed: no page of this run is in the baseline, so there is nothing to compare with.")
            return 1
        failed = False
        if cm < bm - GATE_MICRO - EPS:
            print(f"Gate failed: the micro F1 fell to {cm:.3f}, more than {GATE_MICRO} below the baseline's {bm:.3f}.")
            failed = True
        drops = sorted(((n, o, c) for n, o, c in changes if c < o - GATE_PAGE - EPS), key=lambda d: d[2] - d[1])
        if drops:
            print("Gate failed: " + ", ".join(f"{n} fell from {o:.3f} to {c:.3f}" for n, o, c in drops)
                  + f", more than {GATE_PAGE} below the baseline.")
            failed = True
        if failed:
            return 1
        print(f"Gate passed: micro F1 {cm:.3f} against the baseline's {bm:.3f}, and no page fell more than {GATE_PAGE}.")
    return 0


if __name__ == "__main__":
    try:
        code = main()
    except BrokenPipeError:  # the reader (head, less) went away
        sys.stderr.close()
        code = 0
    sys.exit(code)
