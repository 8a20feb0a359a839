#!/bin/sh
# screenshot.sh - make docs/pager.png from a real capture of the pager: run
# build/exoread in a detached tmux window, send it keys, take the pane with its
# colours (capture-pane -e), and draw the cells with ImageMagick in DejaVu Sans
# Mono. Run by `make screenshot`. Needs tmux, perl and ImageMagick; installs them
# with apt-get when run as root, as mk/deps.sh does.
#
# Settings (environment): SHOT_COLS, SHOT_ROWS (100x30), SHOT_ARGS (the program's
# arguments), SHOT_KEYS (tmux send-keys arguments, run one by one), SHOT_WAIT
# (text that shows the screen is ready), SHOT_OUT (docs/pager.png).
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"

COLS=${SHOT_COLS:-100}
ROWS=${SHOT_ROWS:-30}
ARGS=${SHOT_ARGS:---content content read side-effects/allergic}
KEYS=${SHOT_KEYS:-}
WAIT=${SHOT_WAIT:-}
OUT=${SHOT_OUT:-docs/pager.png}
FONT_DIR=/usr/share/fonts/truetype/dejavu
FONT=$FONT_DIR/DejaVuSansMono.ttf
BOLD=$FONT_DIR/DejaVuSansMono-Bold.ttf

missing=""
command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
command -v perl >/dev/null 2>&1 || missing="$missing perl"
# Some systems put a stand-in under the name convert; the real one says so.
convert -version 2>/dev/null | grep -q ImageMagick || missing="$missing imagemagick"
[ -f "$FONT" ] && [ -f "$BOLD" ] || missing="$missing fonts-dejavu-core"
if [ -n "$missing" ]; then
	echo "screenshot: missing Debian packages:$missing" >&2
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		export DEBIAN_FRONTEND=noninteractive
		apt-get install -y -q --no-install-recommends $missing >&2 ||
			{ apt-get update -q >&2 && apt-get install -y -q --no-install-recommends $missing >&2; }
	else
		echo "screenshot: install them with: sudo apt-get install$missing" >&2
		exit 1
	fi
fi
[ -x build/exoread ] || { echo "screenshot: build/exoread is missing; run make" >&2; exit 1; }

WORK=$(mktemp -d)
SOCK=$WORK/tmux.sock
cleanup() {
	tmux -S "$SOCK" kill-server 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# A private tmux server: no user configuration, a known terminal, no status line.
tmux -S "$SOCK" -f /dev/null new-session -d -x "$COLS" -y "$ROWS" \
	"env TERM=tmux-256color LC_ALL=C.UTF-8 ./build/exoread $ARGS; sleep 30"
tmux -S "$SOCK" set-option -g status off
tmux -S "$SOCK" resize-window -x "$COLS" -y "$ROWS" 2>/dev/null || true

# settle: wait until the pane shows WAIT (when given) and stops changing.
settle() {
	prev="" i=0
	while [ $i -lt 100 ]; do
		sleep 0.1
		cur=$(tmux -S "$SOCK" capture-pane -p -e)
		if [ -n "$cur" ] && [ "$cur" = "$prev" ]; then
			if [ -z "$WAIT" ] || printf '%s' "$cur" | grep -qF -- "$WAIT"; then
				return 0
			fi
		fi
		prev=$cur i=$((i + 1))
	done
	echo "screenshot: the screen did not settle${WAIT:+ on \"$WAIT\"}" >&2
	printf '%s\n' "$cur" >&2
	return 1
}

settle
# Each key group is one send-keys call, so names such as Enter or PageDown work.
if [ -n "$KEYS" ]; then
	for k in $KEYS; do
		tmux -S "$SOCK" send-keys "$k"
		settle
	done
fi
tmux -S "$SOCK" capture-pane -p -e -N >"$WORK/screen.ansi"

# Draw the capture with ImageMagick: for each row one -draw argument (MVG) with
# a rectangle for every run of cells with a background colour and a text
# primitive for every run of characters with one style, each placed on the cell
# grid. Perl runs convert itself with the arguments as a list: no shell quoting,
# and no MVG file, which ImageMagick's usual security policy refuses to read.
mkdir -p "$(dirname "$OUT")"
perl - "$WORK/screen.ansi" "$COLS" "$ROWS" "$FONT" "$BOLD" "$OUT" <<'PERL'
use strict;
use warnings;
use Encode qw(encode);
my ($file, $cols, $rows, $font, $bold, $out) = @ARGV;
my ($cw, $ch, $pt, $pad) = (12, 24, 20, 16);	# DejaVu Sans Mono at 20 px advances 12.04 px
my $bg0 = '#1d1f21';
my $fg0 = '#d8dadc';
my @pal = ('#1d1f21', '#cc342b', '#198844', '#c4a000', '#3971ed', '#a36ac7', '#06989a',
	   '#c5c8c6', '#767676', '#ff5f56', '#2ec26e', '#fba922', '#5c9dff', '#c792ea',
	   '#56b6c2', '#ffffff');
sub c256 {
	my $n = shift;
	return $pal[$n] if $n < 16;
	if ($n < 232) {
		$n -= 16;
		my @v = map { $_ ? 55 + 40 * $_ : 0 } (int($n / 36), int($n / 6) % 6, $n % 6);
		return sprintf('#%02x%02x%02x', @v);
	}
	my $g = 8 + 10 * ($n - 232);
	return sprintf('#%02x%02x%02x', $g, $g, $g);
}

open(my $in, '<:encoding(UTF-8)', $file) or die "$file: $!";
my @grid;	# [row][col] = [char, fg, bg, bold, underline]
my $r = 0;
# tmux carries the attributes over from one line to the next.
my ($fg, $bg, $b, $u, $rev) = (undef, undef, 0, 0, 0);
while (my $line = <$in>) {
	last if $r >= $rows;
	chomp $line;
	my $c = 0;
	while (length $line) {
		if ($line =~ s/^\e\[([0-9;:]*)m//) {
			my @p = split /[;:]/, $1;
			@p = (0) unless @p;
			while (@p) {
				my $x = shift @p;
				$x = 0 if $x eq '';
				if ($x == 0) { ($fg, $bg, $b, $u, $rev) = (undef, undef, 0, 0, 0) }
				elsif ($x == 1) { $b = 1 }
				elsif ($x == 4) { $u = 1 }
				elsif ($x == 7) { $rev = 1 }
				elsif ($x == 22) { $b = 0 }
				elsif ($x == 24) { $u = 0 }
				elsif ($x == 27) { $rev = 0 }
				elsif ($x >= 30 && $x <= 37) { $fg = $pal[$x - 30] }
				elsif ($x >= 90 && $x <= 97) { $fg = $pal[$x - 82] }
				elsif ($x >= 40 && $x <= 47) { $bg = $pal[$x - 40] }
				elsif ($x >= 100 && $x <= 107) { $bg = $pal[$x - 92] }
				elsif ($x == 39) { $fg = undef }
				elsif ($x == 49) { $bg = undef }
				elsif ($x == 38 || $x == 48) {
					my $mode = shift(@p) // 5;
					my $col = $mode == 2
					    ? sprintf('#%02x%02x%02x', map { shift(@p) // 0 } 1 .. 3)
					    : c256(shift(@p) // 0);
					if ($x == 38) { $fg = $col } else { $bg = $col }
				}
			}
			next;
		}
		if ($line =~ s/^\e[\[\]][^a-zA-Z]*[a-zA-Z]//) { next }	# other sequences
		my $ch = substr($line, 0, 1, '');
		next if $ch =~ /[\x00-\x1f]/;
		next if $c >= $cols;
		my ($f, $k) = ($fg // $fg0, $bg // $bg0);
		($f, $k) = ($k, $f) if $rev;
		$grid[$r][$c++] = [$ch, $f, $k, $b, $u];
	}
	$r++;
}
for my $y (0 .. $rows - 1) {
	for my $x (0 .. $cols - 1) {
		$grid[$y][$x] //= [' ', $fg0, $bg0, 0, 0];
	}
}

my ($w, $h) = ($cols * $cw + 2 * $pad, $rows * $ch + 2 * $pad);
my @draw;
sub esc { my $s = shift; $s =~ s/(['\\])/\\$1/g; return $s }
for my $y (0 .. $rows - 1) {
	my $row = $grid[$y];
	my $top = $pad + $y * $ch;
	my $m = "font-size $pt\n";
	# Backgrounds first, one rectangle per run of one colour.
	my $x = 0;
	while ($x < $cols) {
		my $k = $row->[$x][2];
		my $e = $x;
		$e++ while $e + 1 < $cols && $row->[$e + 1][2] eq $k;
		if ($k ne $bg0) {
			$m .= sprintf "fill '%s'\nrectangle %d,%d %d,%d\n", $k, $pad + $x * $cw, $top,
			    $pad + ($e + 1) * $cw - 1, $top + $ch - 1;
		}
		$x = $e + 1;
	}
	# Then the text, one primitive per run of one style; spaces end runs so
	# every word starts exactly on its cell.
	$x = 0;
	while ($x < $cols) {
		my $c = $row->[$x];
		my $e = $x;
		if ($c->[0] ne ' ') {
			while ($e + 1 < $cols) {
				my $d = $row->[$e + 1];
				last if $d->[0] eq ' ' || $d->[1] ne $c->[1] || $d->[3] != $c->[3]
				    || $d->[4] != $c->[4];
				$e++;
			}
			my $s = join '', map { $row->[$_][0] } $x .. $e;
			$m .= sprintf "font '%s'\nfill '%s'\ntext %d,%d '%s'\n",
			    $c->[3] ? $bold : $font, $c->[1], $pad + $x * $cw, $top + 18, esc($s);
		}
		if ($c->[4]) {
			$m .= sprintf "stroke '%s'\nline %d,%d %d,%d\nstroke none\n", $c->[1],
			    $pad + $x * $cw, $top + $ch - 4, $pad + ($e + 1) * $cw - 1, $top + $ch - 4;
		}
		$x = $e + 1;
	}
	push @draw, '-draw', encode('UTF-8', $m);
}
my @cmd = ('convert', '-size', "${w}x${h}", "xc:$bg0", @draw, '-strip',
	   '-define', 'png:compression-level=9', $out);
system(@cmd) == 0 or die "screenshot: convert failed\n";
print "screenshot: wrote $out (${cols}x${rows} cells, ${w}x${h} pixels)\n";
PERL

