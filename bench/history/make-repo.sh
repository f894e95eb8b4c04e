#!/usr/bin/env bash
# Synthetic git repository for benchmarking and validating docpulse's history stage.
#
#   bench/history/make-repo.sh DIR [FILES] [COMMITS]      defaults: 3000 files, 5000 commits
#
# DIR must not exist yet. The result:
#   DIR/docs/...        FILES Markdown pages in nested folders (2-4 levels, a few names with
#                       spaces and non-ASCII letters); 95% of them come in the first commit, the
#                       other 5% are added one by one over the first half of the history
#   DIR/src/, DIR/README.md, DIR/CHANGELOG.md   files outside docs/ (edited now and then)
#   COMMITS non-merge commits (the first one included), each with a fixed committer and author
#   date (committer dates strictly increasing, 10 min to 2 h apart, in six time zones; the author
#   date is 0-48 h before the committer date, as after a rebase), by one of six authors.
#   A docs commit edits 1-5 random pages, each a real change of words: it appends a new
#   sentence, or rewrites the page's "Status:" sentence (line 3) with the commit number in it.
#   No deletions, renames, mode changes or whitespace-only edits, so
#   `git log -1 --format=%cI -- FILE` is the ground truth of "last real change" for every page...
#   except for one kind of commit that is made on purpose, see OVERLAP below.
#
#   Every BRANCH_EVERY (100) commits: a feature branch. Branch commits (2-4) rewrite Status lines;
#   main goes on meanwhile (1-3 commits, interleaved in time with the branch's) appending only,
#   so every merge is clean; then `git merge --no-ff`. In every OVERLAP-th (2nd) window a main
#   commit also appends to a page the branch changed: that page is then changed on both sides
#   and the merge commit is TREESAME to neither parent, so `git log -1 -- FILE` names the
#   merge commit itself (with the merge's date), while docpulse skips merges by design and
#   names the newest non-merge commit. Pages can also be changed on both sides by chance (main's
#   random picks). OVERLAP=0 turns both off (branch and main then never pick the same page in a
#   window, and git log is the ground truth for every page); it gives another repository than
#   the default.
#
# Deterministic: bash RANDOM seeded with 42, fixed dates, fixed identities, so the same
# arguments give the same commit ids. Needs only git and bash (no global git config: identities
# are passed with `git -c user.name=... -c user.email=...`). Ends with `git gc -q` (packed, as
# a real clone is).
set -euo pipefail

usage() { echo "usage: $0 DIR [FILES] [COMMITS]" >&2; exit 2; }
[ "$#" -ge 1 ] || usage
DIR="$1"
FILES="${2:-3000}"
COMMITS="${3:-5000}"
BRANCH_EVERY="${BRANCH_EVERY:-100}"
OVERLAP="${OVERLAP:-2}"
[[ "$FILES" =~ ^[0-9]+$ && "$FILES" -ge 10 ]] || { echo "FILES must be a number >= 10" >&2; exit 2; }
[[ "$COMMITS" =~ ^[0-9]+$ && "$COMMITS" -ge 2 ]] || { echo "COMMITS must be a number >= 2" >&2; exit 2; }
[ ! -e "$DIR" ] || { echo "make-repo.sh: $DIR exists already" >&2; exit 1; }

export LC_ALL=C.UTF-8 TZ=UTC
mkdir -p "$DIR"
cd "$DIR"
git init -q -b main .
git config gc.auto 0            # local to this repository: no automatic gc while building it
git config core.quotepath false

RANDOM=42
AUTHORS=("Alice Martin" "Bob Chen" "Chandra Rao" "Dana Müller" "Eve O'Brien" "Farid Haddad")
EMAILS=(alice@example.org bob@example.org chandra@example.org dana@example.org eve@example.org farid@example.org)
ZONES=("+0000" "+0200" "-0500" "+0530" "-0800" "+0100")
WORDS=(build cache deploy index search render theme config release review owner budget anchor
       link table image draft section folder history commit branch merge runbook)
SECTIONS=(guides reference how-to runbooks api adr onboarding "release notes" tutorials internals)
T=1600000000                   # 2020-09-13T12:26:40Z, the first commit's committer date
N=0                            # non-merge commits made so far
M=0                            # merges made so far

rnd() { # rnd N -> R in [0, N)
  R=$(( (RANDOM * 32768 + RANDOM) % $1 ))
}

# ---- page paths -----------------------------------------------------------------------------
PATHS=()
for (( i = 0; i < FILES; i++ )); do
  sec="${SECTIONS[i % ${#SECTIONS[@]}]}"
  sub="area-$(( (i / ${#SECTIONS[@]}) % 12 ))"
  name="page-$i.md"
  (( i % 97 == 5 )) && name="café notes $i.md"
  (( i % 89 == 7 )) && name="Über $i.md"
  if (( i % 4 == 0 )); then
    PATHS+=("docs/$sec/$sub/topic-$(( i % 7 ))/$name")
  elif (( i % 4 == 1 )); then
    PATHS+=("docs/$sec/$name")
  else
    PATHS+=("docs/$sec/$sub/$name")
  fi
done
LATE=$(( FILES / 20 ))          # pages added after the first commit
EXIST=$(( FILES - LATE ))       # pages that exist now (PATHS[0..EXIST-1])
ADD_EVERY=$(( LATE > 0 ? (COMMITS / 2) / LATE : 0 ))
(( LATE > 0 && ADD_EVERY < 1 )) && ADD_EVERY=1
NEXT_ADD=$ADD_EVERY             # the next late page comes with the first docs commit at or after this
OUTSIDE=(README.md CHANGELOG.md)
for (( j = 0; j < 40; j++ )); do OUTSIDE+=("src/module-$(( j % 8 ))/file-$j.txt"); done

new_page() { # new_page INDEX AUTHOR
  local f="${PATHS[$1]}"
  mkdir -p "$(dirname "$f")"
  printf '# Page %d\n\nStatus: revision %d of page %d, written by %s.\n\nThis page describes the %s of %s.\n' \
    "$1" "$N" "$1" "$2" "${WORDS[$1 % ${#WORDS[@]}]}" "${WORDS[($1 * 7) % ${#WORDS[@]}]}" > "$f"
}

append_sentence() { # append_sentence FILE AUTHOR
  printf '\nNote %d: %s added a sentence about %s and %s.\n' "$N" "$2" \
    "${WORDS[RANDOM % ${#WORDS[@]}]}" "${WORDS[RANDOM % ${#WORDS[@]}]}" >> "$1"
}

change_status() { # change_status FILE AUTHOR   (rewrites line 3, the Status sentence)
  local -a L
  mapfile -t L < "$1"
  L[2]="Status: revision $N of this page, rewritten by $2 to explain the ${WORDS[RANDOM % ${#WORDS[@]}]}."
  printf '%s\n' "${L[@]}" > "$1"
}

edit_outside() {
  rnd "${#OUTSIDE[@]}"
  local f="${OUTSIDE[R]}"
  mkdir -p "$(dirname "$f")"
  printf 'line %d by %s\n' "$N" "$1" >> "$f"
}

# commit_now MESSAGE [git commit args...]: commit with the next date and a random author;
# sets WHO for the next commit before the caller edits files (see pick_author)
pick_author() {
  rnd "${#AUTHORS[@]}"; A=$R
  WHO="${AUTHORS[A]}"
}
tick() {
  rnd 6600; T=$(( T + 600 + R ))
  rnd "${#ZONES[@]}"; Z="${ZONES[R]}"
  rnd 172800; AD=$(( T - R ))
}
git_as() { # git_as AUTHOR_INDEX git-args...
  local a="$1"; shift
  GIT_AUTHOR_DATE="$AD $Z" GIT_COMMITTER_DATE="$T $Z" \
    git -c user.name="${AUTHORS[a]}" -c user.email="${EMAILS[a]}" -c commit.gpgsign=false "$@"
}
commit_now() {
  tick
  git add -A
  git_as "$A" commit -q --no-verify -m "$1"
  N=$(( N + 1 ))
}

random_page() { rnd "$EXIST"; P="${PATHS[R]}"; }

# ---- first commit -----------------------------------------------------------------------------
pick_author
for (( i = 0; i < EXIST; i++ )); do new_page "$i" "$WHO"; done
printf '# Synthetic docs repository\n\nMade by bench/history/make-repo.sh.\n' > README.md
printf '# Changelog\n' > CHANGELOG.md
for f in "${OUTSIDE[@]:2}"; do mkdir -p "$(dirname "$f")"; printf 'start\n' > "$f"; done
commit_now "Initial import of $EXIST pages"

# ---- history ------------------------------------------------------------------------------------
docs_commit() { # a normal commit on main: 1-5 pages, appends or status rewrites, sometimes a new page
  pick_author
  local k n msg="Edit"
  rnd 100
  if (( R < 8 )); then
    edit_outside "$WHO"; commit_now "Outside docs: code change $N"; return
  fi
  rnd 5; k=$(( R + 1 ))
  for (( n = 0; n < k; n++ )); do
    random_page
    rnd 2
    if (( R == 0 )); then append_sentence "$P" "$WHO"; else change_status "$P" "$WHO"; fi
  done
  rnd 100; (( R < 20 )) && edit_outside "$WHO"
  if (( ADD_EVERY > 0 && EXIST < FILES && N >= NEXT_ADD )); then
    new_page "$EXIST" "$WHO"; EXIST=$(( EXIST + 1 )); NEXT_ADD=$(( NEXT_ADD + ADD_EVERY )); msg="Add a page; edit"
  fi
  commit_now "$msg $k pages ($N)"
}

feature_window() {
  local k nb nm b=0 m=0 w=$(( M + 1 )) br="feature/f$(( M + 1 ))" n step
  local -a touched=()
  local -A branch_touched=() main_touched=()
  rnd 3; nb=$(( R + 2 ))
  rnd 3; nm=$(( R + 1 ))
  git branch "$br"
  for (( step = 0; b < nb || m < nm; step++ )); do
    (( N >= COMMITS )) && break
    if (( b < nb && (step % 2 == 0 || m >= nm) )); then
      git checkout -q "$br"
      pick_author
      rnd 3; k=$(( R + 1 ))
      for (( n = 0; n < k; n++ )); do
        random_page
        if (( OVERLAP == 0 )); then while [[ -n "${main_touched[$P]:-}" ]]; do random_page; done; fi
        change_status "$P" "$WHO"; touched+=("$P"); branch_touched[$P]=1
      done
      commit_now "Feature f$w: rewrite status ($N)"
      git checkout -q main
      b=$(( b + 1 ))
    else
      pick_author
      rnd 2; k=$(( R + 1 ))
      for (( n = 0; n < k; n++ )); do
        random_page
        if (( OVERLAP == 0 )); then while [[ -n "${branch_touched[$P]:-}" ]]; do random_page; done; fi
        append_sentence "$P" "$WHO"; main_touched[$P]=1
      done
      if (( OVERLAP > 0 && w % OVERLAP == 0 && m == 0 && ${#touched[@]} > 0 )); then
        append_sentence "${touched[0]}" "$WHO"   # the same page changed on both sides
      fi
      commit_now "Main during f$w: append ($N)"
      m=$(( m + 1 ))
    fi
  done
  pick_author; tick
  git_as "$A" merge -q --no-ff --no-edit -m "Merge branch '$br'" "$br" >/dev/null
  git branch -q -d "$br"
  M=$(( M + 1 ))
}

while (( N < COMMITS )); do
  if (( BRANCH_EVERY > 0 && N % BRANCH_EVERY == BRANCH_EVERY / 2 && N + 2 <= COMMITS )); then
    feature_window
  else
    docs_commit
  fi
done

git gc -q
echo "make-repo.sh: $DIR: $(git ls-files docs | wc -l) pages, $N non-merge commits, $M merges," \
  "last commit $(git log -1 --format=%cI)" >&2
