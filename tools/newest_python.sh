#!/usr/bin/env bash
# Prints the path of the newest Python (3.14, 3.13 or 3.12) that runs on this machine, looking
# on the PATH and then among pyenv's versions; prints nothing when there is none.
for v in 3.14 3.13 3.12; do
  candidates=("$(command -v "python$v" 2>/dev/null)")
  if command -v pyenv >/dev/null 2>&1; then
    candidates+=($(ls -d "$(pyenv root)"/versions/"$v"*/bin/python"$v" 2>/dev/null | sort -V -r))
  fi
  for p in "${candidates[@]}"; do
    if [ -n "$p" ] && "$p" -c 'import sys, venv' >/dev/null 2>&1; then echo "$p"; exit 0; fi
  done
done
