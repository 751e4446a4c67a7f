#!/usr/bin/env python3
"""Checks each base chain of an nftables file that filters input or forward: its policy is drop, and its last two
statements are a (rate-limited) log and a named counter that drops, so nothing falls through to the policy
uncounted and unlogged. Prints the offending chains and exits 1; --list prints the chains it checks.

    base-chains.py FILE        base-chains.py --list FILE
"""
import re
import sys


def chains(text):
    """(table, chain, [statements]) for every chain, statements without comments and blank lines."""
    table, chain, body, out = None, None, [], []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"table\s+\S+\s+(\S+)\s*\{", line)
        if m:
            table = m.group(1)
            continue
        m = re.match(r"chain\s+(\S+)\s*\{", line)
        if m:
            chain, body = m.group(1), []
            continue
        if chain and line == "}":
            out.append((table, chain, body))
            chain = None
        elif chain:
            body.append(line)
    return out


def problems(table, chain, body):
    head = " ".join(s for s in body if s.startswith("type "))
    if not re.search(r"\bhook\s+(input|forward)\b", head):
        return None
    errors = []
    if not re.search(r"\bpolicy\s+drop\s*;", head):
        errors.append("policy is not drop")
    rules = [s for s in body if not s.startswith("type ")]
    if len(rules) < 2 or "log prefix" not in rules[-2]:
        errors.append("the last rule but one is not a log")
    if not rules or not re.search(r"\bcounter\s+name\s+\S+\s+drop$", rules[-1]):
        errors.append("the last rule is not a named counter that drops")
    return [f"{table}/{chain}: {e}" for e in errors]


def main(argv):
    listing = argv[:1] == ["--list"]
    path = argv[-1]
    checked, errors = [], []
    for table, chain, body in chains(open(path, encoding="utf-8").read()):
        found = problems(table, chain, body)
        if found is not None:
            checked.append(chain)
            errors += found
    if listing:
        print(" ".join(checked))
        return 0
    if not checked:
        errors.append(f"{path}: no base chain hooks input or forward")
    print("\n".join(errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
