"""The command lines of corpus.py and eval.py, read one way: options that take a value, flags, and
the names left over. Plain python3, standard library only."""
import sys


def parse(argv, doc, usage, opts, values, flags):
    """Reads argv into opts (a dict of the defaults, "names" among them): each option of `values`
    takes the word after it, under its name without the dashes; each flag of `flags` (option ->
    key) sets its key; -h/--help prints `doc` and exits; any other option calls usage(message);
    the other words are names. Returns opts."""
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help"):
            print(doc.strip())
            sys.exit(0)
        elif a in values:
            if i + 1 >= len(argv):
                usage(f"{a} needs a value")
            opts[a[2:]] = argv[i + 1]
            i += 1
        elif a in flags:
            opts[flags[a]] = True
        elif a.startswith("-"):
            usage(f"unknown option {a}")
        else:
            opts["names"].append(a)
        i += 1
    return opts
