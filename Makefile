# Diplo: the usual entry points. `make demo` shows it working, `make test` runs the tests.
SWIFT ?= swift
PREFIX ?= /usr/local
DIPLO := .build/debug/diplo
# Extra flags for release builds; CI passes -Xswiftc -warnings-as-errors.
RELEASE_FLAGS ?=

.PHONY: build release test demo install bench fuzz eval eval-gate eval-docs eval-holdout clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release $(RELEASE_FLAGS)

# The suite, then the reader's gate on the shared real pages (when ../shared is beside the project).
test:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@if [ -d ../shared/corpus ]; then python3 Tests/Eval/corpus.py --diplo .build/debug/diplo --gate; \
	else echo "eval gate skipped: ../shared/corpus is not beside the project"; fi

demo: build
	$(DIPLO) demo

install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/diplo
	install -m 755 .build/release/diplo $(PREFIX)/bin/diplo
	cp -R SampleData $(PREFIX)/share/diplo/

# Speed and memory, each benchmark in its own process (see Sources/diplo-bench).
bench:
	$(SWIFT) build -c release --product diplo
	$(SWIFT) build -c release --product diplo-bench
	@for b in $$(.build/release/diplo-bench --list | cut -f1); do .build/release/diplo-bench $$b || exit 1; done

# Mutated documents through the readers and the merge (release build): no crash, no hang, every
# refusal one sentence. FUZZ_RUNS=1000 for a short run; FUZZ_SEED to replay another sequence.
FUZZ_RUNS ?= 10000
FUZZ_SEED ?= 1
fuzz:
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product diplo-fuzz
	.build/release/diplo-fuzz --runs $(FUZZ_RUNS) --seed $(FUZZ_SEED) --limit 10 Tests/Eval/docs Tests/Eval/holdout/docs SampleData \
		$$( [ -d ../shared/corpus ] && echo ../shared/corpus )

# Extraction quality on the shared real pages (../shared/corpus), scored as the product is judged:
# per page, per category, micro F1, and what changed against Tests/Eval/baseline.json.
eval: release
	python3 Tests/Eval/corpus.py

# Fails (exit 1) when the debug build's micro F1 on the real pages falls more than 0.02 below the
# baseline, or one page's F1 more than 0.15.
eval-gate: build
	python3 Tests/Eval/corpus.py --diplo .build/debug/diplo --gate

# The project's own written documents (Tests/Eval/docs) and the sample article.
eval-docs: release
	python3 Tests/Eval/eval.py

# The same on the held-out set (Tests/Eval/holdout), scored apart from the written documents.
eval-holdout: release
	python3 Tests/Eval/eval.py --holdout

clean:
	rm -rf .build diplo-demo.sqlite*
