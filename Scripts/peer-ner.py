#!/usr/bin/env python3
"""A peer's named-entity recognition over the given pages, timed, for `diplo-bench extract`.

    python3 Scripts/peer-ner.py underthesea PAGE...   # Vietnamese: underthesea.ner, sentence by sentence
    python3 Scripts/peer-ner.py spacy PAGE...         # English: en_core_web_sm, its NER alone

Prints one JSON line: {"peer", "pages", "bytes", "seconds", "entities"} (for spaCy also
"pipeline_seconds": its whole default pipeline, as `nlp(text)` runs it), or {"peer", "missing"}
when the peer or its model is not installed (exit 0 either way: the benchmark goes on).
Only the NER work is timed: imports, model load and one warm-up call come before the clock.
DIPLO_BENCH_SPACY_MODEL names another package of the same model (en_core_web_sm by default).
"""
import json
import os
import sys
import time


def underthesea_ner():
    from underthesea import ner, sent_tokenize

    ner("Ông Putin ca ngợi Liên Xô")  # the CRF model loads on the first call

    def run(text):
        return sum(
            1 for sentence in sent_tokenize(text) for token in ner(sentence) if token[-1].startswith("B-")
        )

    return {"seconds": run}


def spacy_ner():
    import spacy

    model = os.environ.get("DIPLO_BENCH_SPACY_MODEL", "en_core_web_sm")
    try:
        nlp = spacy.load(model)
    except OSError:
        raise ImportError(f"{model} (python3 -m spacy download en_core_web_sm)")
    nlp("Warm up.")

    def ner_alone(text):
        # The small pipeline's NER has a tok2vec of its own: the tagger, parser and lemmatizer
        # are not needed for entities (the peer at its fastest).
        with nlp.select_pipes(enable=["ner"]):
            return len(nlp(text).ents)

    return {"seconds": ner_alone, "pipeline_seconds": lambda text: len(nlp(text).ents)}


def main():
    peer, pages = sys.argv[1], sys.argv[2:]
    try:
        runs = {"underthesea": underthesea_ner, "spacy": spacy_ner}[peer]()
    except ImportError as error:
        missing = f"{error.name} (pip install {error.name})" if error.name else str(error)
        print(json.dumps({"peer": peer, "missing": missing}))
        return
    texts = [open(page, encoding="utf-8").read() for page in pages]
    line = {"peer": peer, "pages": len(texts), "bytes": sum(len(text.encode("utf-8")) for text in texts)}
    for key, run in runs.items():
        start = time.perf_counter()
        line["entities"] = sum(run(text) for text in texts)
        line[key] = time.perf_counter() - start
    print(json.dumps(line))


if __name__ == "__main__":
    main()
