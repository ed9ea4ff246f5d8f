#!/usr/bin/env python3
"""Turns a gold file (Tests/Eval/gold/*.gold.json, ../shared/gold/*.gold.json) into the interchange
format that `diplo import FILE --dry-run --format json` prints: the prediction a perfect extractor
would make. Scoring it with ../shared/tools/score.py must give F1 1.000; that checks that a gold file
is well-formed and consistent with itself (every country an event, person or partnership names is
among the document's countries, every participant among its persons, every anniversary points to a
partnership of the same parties and level), and it exercises eval.py's scoring path without the
extractor (`eval.py --self-check`).

Usage: gold_to_pred.py GOLD.json [OUT.json]   (problems go to stderr, exit 1 when there are any)
Plain python3, standard library only."""
import json, re, sys, unicodedata


def fold(s):
    s = (s or "").replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


def is_iso(x):
    return isinstance(x, str) and re.fullmatch(r"[A-Z]{2}", x) is not None


def convert(gold):
    """(interchange document, [problems])"""
    problems = []
    doc_id = gold.get("document", "doc")
    entities, by_iso, by_name, orgs = [], {}, {}, {}

    for iso in gold.get("countries", []):
        if not is_iso(iso):
            problems.append(f"countries: {iso!r} is not an ISO 3166-1 alpha-2 code")
            continue
        eid = "c-" + iso.lower()
        by_iso[iso] = eid
        entities.append({"id": eid, "type": "country", "name": iso, "iso": iso})

    def country_id(iso, where):
        if iso is None:
            return None
        if iso not in by_iso:
            problems.append(f"{where}: country {iso} is not among the document's countries")
            return None
        return by_iso[iso]

    for i, p in enumerate(gold.get("persons", [])):
        eid = f"p{i + 1}"
        ent = {"id": eid, "type": "person", "name": p["name"],
               "offices": [{"title": t} for t in p.get("offices", [])]}
        c = country_id(p.get("country"), f"person {p['name']}")
        if c:
            ent["country"] = c
        entities.append(ent)
        by_name[fold(p["name"])] = eid

    for i, o in enumerate(gold.get("organizations", [])):
        eid = f"o{i + 1}"
        orgs[fold(o)] = eid
        entities.append({"id": eid, "type": "organization", "name": o})

    def person_id(name, where):
        eid = by_name.get(fold(name))
        if not eid:
            problems.append(f"{where}: {name!r} is not among the document's persons")
        return eid

    events, event_ids = [], []
    for i, g in enumerate(gold.get("events", [])):
        eid = f"e{i + 1}"
        where = f"event {g.get('title')!r}"
        ev = {"id": eid, "kind": g["kind"], "title": g.get("title", ""), "status": g.get("status", "unknown")}
        for k in ("start", "end"):
            if g.get(k):
                ev[k] = g[k]
        if g.get("within"):
            ev["within"] = g["within"]
        parts, seen = [], set()
        for name in g.get("participants", []):
            pid = person_id(name, where)
            if pid and pid not in seen:
                seen.add(pid)
                parts.append({"entity": pid, "role": "attendee"})
        if g.get("invited_by"):
            pid = person_id(g["invited_by"], where)
            if pid:
                parts.append({"entity": pid, "role": "invited_by"})
        for iso in g.get("countries", []):
            c = country_id(iso, where)
            if c and c not in seen:
                seen.add(c)
                parts.append({"entity": c, "role": "side"})
        ev["participants"] = parts
        ev["sources"] = [{"document": doc_id, "note": "gold"}]
        events.append(ev)
        event_ids.append((g["kind"], eid))

    def party_id(x, where):
        if is_iso(x):
            return country_id(x, where)
        eid = orgs.get(fold(x))
        if not eid:
            problems.append(f"{where}: party {x!r} is neither a country code nor one of the organisations")
        return eid

    partnerships = []
    for i, g in enumerate(gold.get("partnerships", [])):
        pid = f"r{i + 1}"
        where = f"partnership {g.get('parties')} {g.get('level')}"
        parties = [party_id(x, where) for x in g.get("parties", [])]
        pa = {"id": pid, "parties": [x for x in parties if x], "level": g["level"]}
        if g.get("established"):
            pa["established"] = g["established"]
        if g.get("history"):
            pa["history"] = g["history"]
        pa["sources"] = [{"document": doc_id, "note": "gold"}]
        partnerships.append(pa)

    anniversaries = []
    for g in gold.get("anniversaries", []):
        where = f"anniversary {g.get('years')} years of {g.get('what')} {g.get('parties')}"
        want = sorted(party_id(x, where) or "?" for x in g.get("parties", []))
        match = [p for p, gp in zip(partnerships, gold.get("partnerships", []))
                 if sorted(p["parties"]) == want and gp["level"] == g.get("what")]
        if not match:
            problems.append(f"{where}: no partnership of these parties at level {g.get('what')}")
            continue
        an = {"partnership": match[0]["id"], "years": g["years"], "stated": True,
              "sources": [{"document": doc_id, "note": "gold"}]}
        if g.get("year_of"):
            an["date"] = g["year_of"]
        # the event it is tied to: of the kind named, preferring one whose countries are the parties'
        isos = {x for x in g.get("parties", []) if is_iso(x)}
        marked = sorted((not isos <= set(ge.get("countries") or []), eid)
                        for (k, eid), ge in zip(event_ids, gold.get("events", [])) if k == g.get("marked_by"))
        marked = [eid for _, eid in marked]
        if g.get("marked_by") and not marked:
            problems.append(f"{where}: marked_by {g['marked_by']!r} but no event of that kind")
        if marked:
            an["event"] = marked[0]
        anniversaries.append(an)

    doc = {"id": doc_id, "lang": gold.get("lang")}
    if gold.get("published"):
        doc["published"] = gold["published"]
    return ({"format": "diplo/1", "documents": [doc], "entities": entities, "events": events,
             "partnerships": partnerships, "anniversaries": anniversaries}, problems)


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        sys.exit(64)
    with open(sys.argv[1], encoding="utf-8") as f:
        pred, problems = convert(json.load(f))
    text = json.dumps(pred, ensure_ascii=False, indent=1)
    if len(sys.argv) == 3:
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        print(text)
    for p in problems:
        print(f"{sys.argv[1]}: {p}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
