#!/usr/bin/env bash
# Every reference to a design document must resolve inside the repository, so that a person who clones it can
# follow it. In the tracked text files, this finds each mention of `design.md`, `paper-notes.md`, `paper-notes §`
# and `conventions.md`, and each `algorithm.md §N`:
#   - a file name must be a path to a tracked file, from the repository root or from the citing file's folder
#     (`docs/design-space.md` is fine; a bare `design.md` that no tracked file answers is not);
#   - `paper-notes §N` names no file at all, so it never resolves;
#   - `docs/algorithm.md §N` must name a section `## N.` that docs/algorithm.md has.
# It prints every offender as file:line: reason, and exits 1 if there is any, 0 otherwise.
#
#   scripts/check-doc-references.sh
set -euo pipefail
cd "$(dirname "$0")/.."
self=scripts/check-doc-references.sh

python3 - "$self" <<'PY'
import os, re, subprocess, sys

self = sys.argv[1]
tracked = set(subprocess.run(["git", "ls-files", "-z"], check=True, capture_output=True)
              .stdout.decode().split("\0")) - {""}
# a path-like token that ends in one of the names, e.g. docs/design.md or ../shared/docs/paper-notes.md
FILE = re.compile(r"[A-Za-z0-9_.~/-]*(?<![A-Za-z0-9_-])(design|paper-notes|conventions)\.md")
BARE_SECTION = re.compile(r"(?<![A-Za-z0-9_./-])paper-notes §")
SECTION = re.compile(r"([A-Za-z0-9_./-]*algorithm\.md) §\s?(\d+)")


def sections(path):
    with open(path, encoding="utf-8") as f:
        return {m.group(1) for m in (re.match(r"##\s+(\d+)\.", line) for line in f) if m}


def resolves(token, citing):
    """The tracked file a path names, from the root or from the citing file's folder, never outside the tree."""
    for base in ("", os.path.dirname(citing)):
        p = os.path.normpath(os.path.join(base, token))
        if not p.startswith("..") and not os.path.isabs(p) and p in tracked:
            return p
    return None


offenders = []
for path in sorted(tracked):
    if path == self or not os.path.isfile(path):
        continue
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except UnicodeDecodeError:
        continue  # binary files
    for no, line in enumerate(lines, 1):
        for m in FILE.finditer(line):
            if resolves(m.group(0), path) is None:
                offenders.append(f"{path}:{no}: '{m.group(0)}' is not a file in the repository")
        for m in BARE_SECTION.finditer(line):
            offenders.append(f"{path}:{no}: 'paper-notes §' names no file in the repository; "
                             "cite docs/algorithm.md §N")
        for m in SECTION.finditer(line):
            target = resolves(m.group(1), path)
            if target is None:
                offenders.append(f"{path}:{no}: '{m.group(1)}' is not a file in the repository")
            elif m.group(2) not in sections(target):
                offenders.append(f"{path}:{no}: {target} has no section '## {m.group(2)}.'")

for o in offenders:
    print(o)
if offenders:
    print(f"check-doc-references: {len(offenders)} reference(s) outside the repository or to a missing section",
          file=sys.stderr)
    sys.exit(1)
print("check-doc-references: every design-document reference resolves inside the repository")
PY
