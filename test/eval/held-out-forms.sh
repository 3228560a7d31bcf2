#!/usr/bin/env bash
# The word-forms eval's held-out measurement, for each worktree given (this branch and a detached
# worktree of main, in one job): the fixed seed through `npm run eval:forms -- --runs 1` (recall of
# Verbatim and both FTS5 tokenizers, the keyword set, index bytes), then the fresh seeds 101-110
# through explain-form-misses.ts with `--limit 0`, which prints each seed's recall beside FTS5
# `porter` and none of its misses: held-out queries are measured, never looked at.
# Usage: test/eval/held-out-forms.sh OUT_DIR TREE...
set -euo pipefail
out=$1
shift
mkdir -p "$out"
for tree in "$@"; do
  name=$(basename "$tree")
  (cd "$tree" && node --import tsx test/eval/eval-word-forms.ts --runs 1 >"$out/$name-fixed.json")
  (cd "$tree" && node --import tsx test/eval/explain-form-misses.ts --seeds 101,102,103,104,105,106,107,108,109,110 --limit 0 >"$out/$name-fresh.txt")
done
