# shellcheck shell=bash
# generate_clones WORK DIR N: N clones of one small repository under DIR (repo-1 ... repo-N), a mix like a real
# fleet: 15 % dirty, 10 % ahead of their upstream, 5 % on an unpushed branch, 10 % with a stash, the rest
# clean. Their remote is WORK/template.git, a bare repository made first (WORK/seed is a scratch clone).
# Sourced by audit.sh and dashboard.sh; runs in a subshell, so the caller's environment and folder are kept.
generate_clones() (
  set -euo pipefail
  export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org
  local work=$1 dir=$2 n=$3 i f
  rm -rf "$work/template.git" "$work/seed"
  git init -q --bare -b main "$work/template.git"
  git clone -q "$work/template.git" "$work/seed" 2>/dev/null
  cd "$work/seed"
  for f in $(seq 1 40); do echo "line $f" >"file$f.txt"; done
  git add . && git commit -qm seed && git push -q origin main
  mkdir -p "$dir"
  for i in $(seq 1 "$n"); do
    git clone -q --local "$work/template.git" "$dir/repo-$i" 2>/dev/null
    cd "$dir/repo-$i"
    case $((i % 20)) in
      0 | 1 | 2) echo dirty >>file1.txt ;;                                  # 15 % dirty
      3 | 4) echo ahead >>file2.txt && git commit -qam ahead ;;              # 10 % ahead
      5) git switch -q -c wip && echo wip >>file3.txt && git commit -qam wip ;; # 5 % unpushed branch
      6 | 7) echo stash >>file4.txt && git stash -q ;;                       # 10 % stashed
    esac
  done
  rm -rf "$work/seed"
)
