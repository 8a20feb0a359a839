#!/bin/sh
# scale.sh SRC DEST N - make DEST hold N times the content of SRC, with unique ids.
#
# DEST gets SRC's files as they are, plus N-1 copies. Copy k is one file,
# copy-kK.yaml, holding one section "copy-kK" whose subsections are SRC's
# topics, so the copies add no files beyond one each (a content folder may
# hold at most 10000 files; 1000x of a dozen topic files would not fit).
# Section ids inside a copy are relative, so they stay unique under their new
# parent; see_also entries (full ids) get the "copy-kK/" prefix.
set -eu
SRC=$1 DEST=$2 N=$3
mkdir -p "$DEST"
cp "$SRC"/*.yaml "$DEST"/
# One copy's body, made once: every topic indented as a list item of
# `sections:`, its see_also entries prefixed with the placeholder @K@.
for f in "$SRC"/*.yaml; do
	[ "$(basename "$f")" = sources.yaml ] && continue
	awk '
	function prefix(line,    head, list, n, parts, i, out) {
		head = substr(line, 1, index(line, "["))
		list = substr(line, index(line, "[") + 1)
		sub(/\].*$/, "", list)
		n = split(list, parts, /, */)
		out = ""
		for (i = 1; i <= n; i++)
			out = out (i > 1 ? ", " : "") "copy-k@K@/" parts[i]
		return head out "]"
	}
	/^[ \t]*#/ || /^[ \t]*$/ { next }
	# A sign is written once: in the copies, signs are plain items, actions
	# paragraphs, and signs blocks are left out.
	/^ *urgency: / || /^ *level: / || /^ *- signs: \[/ { next }
	# Review dates belong to topic files, not to the sections of a copy.
	/^reviewed: / { next }
	{
		sub(/- sign: .*$/, "-")
		sub(/- action: /, "- p: ")
		if ($0 ~ /^ *see_also: \[.*\] *$/) $0 = prefix($0)
		if (!started) { print "  - " $0; started = 1 } else print "    " $0
	}' "$f"
done >"$DEST/.copy.tmpl"
k=2
while [ "$k" -le "$N" ]; do
	{
		printf 'id: copy-k%d\ntitle: Copy %d of the content\nsections:\n' "$k" "$k"
		sed "s/@K@/$k/g" "$DEST/.copy.tmpl"
	} >"$DEST/copy-k$(printf %04d "$k").yaml"
	k=$((k + 1))
done
rm -f "$DEST/.copy.tmpl"
