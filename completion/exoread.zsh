#compdef exoread
# exoread.zsh - zsh completion for exoread(1): commands, options, format names,
# colour modes, content folders and section ids, as completion/exoread.bash.
# Installed as _exoread in a folder of $fpath (Debian: /usr/share/zsh/vendor-completions).
# Section ids come from the program itself (`exoread list --format tsv`, first
# column), so they always match the content that would be read, including a
# --content folder given earlier on the line.
# Copyright (c) 2026 The exoread authors. MIT licence; see LICENSE.

# _exoread_ids PROG CONTENT: print the section ids of the content PROG would read.
_exoread_ids() {
	local prog=$1 content=$2 id rest
	local -a args
	# A program typed as a path (./build/exoread) is used as typed; else the one in PATH.
	if [[ $prog != */* || ! -x $prog ]]; then
		prog=exoread
	fi
	[[ -n $content ]] && args=(--content "$content")
	"$prog" "${args[@]}" list --format tsv 2>/dev/null | while IFS=$'\t' read -r id rest; do
		print -r -- "$id"
	done
}

# _exoread_values CMD OPT: the values OPT takes after command CMD; returns 1 when
# OPT takes no value, so the caller knows the word is not an option argument.
_exoread_values() {
	case $2 in
	--color) print 'auto always never' ;;
	--format)
		case $1 in
		print) print 'text markdown json' ;;
		search) print 'text tsv json markdown' ;;
		list) print 'text tsv' ;;
		*) return 1 ;;
		esac
		;;
	--content | --width | --limit | --max-age) print '' ;;
	*) return 1 ;;
	esac
	return 0
}

_exoread() {
	local cur=${words[CURRENT]} prev=${words[CURRENT - 1]}
	local cmd='' content='' opt='' eqprefix='' values w
	local -i i
	local -a cands
	local commands='read print search list check help'
	# Options may stand anywhere on the line, so every command also takes these.
	local global_opts='--content --color --width --help'

	# "--opt=value" is one word in zsh; "--opt value" two.
	if [[ $cur == --*=* ]]; then
		opt=${cur%%=*} eqprefix="${cur%%=*}=" cur=${cur#*=}
	elif [[ $prev == --* ]]; then
		opt=$prev
	fi

	# Find the command and any --content folder before the cursor, skipping the
	# values of options that take one.
	for ((i = 2; i < CURRENT; i++)); do
		w=${words[i]}
		case $w in
		--content=* | --color=* | --width=* | --format=* | --limit=* | --max-age=*)
			[[ $w == --content=* ]] && content=${w#--content=}
			;;
		--content | --color | --width | --format | --limit | --max-age)
			((i++))
			[[ $w == --content ]] && ((i < CURRENT)) && content=${words[i]}
			;;
		-*) ;;
		*) [[ -z $cmd ]] && cmd=$w ;;
		esac
	done
	# The program needs the real path, not a leading ~.
	[[ $content == \~/* ]] && content=$HOME/${content#\~/}

	if [[ -n $opt ]] && values=$(_exoread_values "$cmd" "$opt"); then
		if [[ $opt == --content ]]; then
			[[ -n $eqprefix ]] && compset -P '*='
			_files -/
		elif [[ -n $values ]]; then
			cands=(${=values})
			compadd -- "${cands[@]/#/$eqprefix}"
		fi
		return 0
	fi

	if [[ $cur == -* ]]; then
		case $cmd in
		'') cands=(${=global_opts} --version --plain --no-mouse) ;;
		read) cands=(${=global_opts} --urgent --bare --plain --no-mouse) ;;
		print) cands=(${=global_opts} --format --urgent --bare) ;;
		list) cands=(${=global_opts} --format) ;;
		search) cands=(${=global_opts} --format --limit) ;;
		check) cands=(${=global_opts} --max-age --synonyms) ;;
		*) cands=(${=global_opts}) ;;
		esac
		compadd -- "${cands[@]}"
		return 0
	fi

	case $cmd in
	'') compadd -- ${=commands} ;;
	help) [[ $prev == help ]] && compadd -- ${=commands} ;;
	read | print)
		cands=(${(f)"$(_exoread_ids "${words[1]}" "$content")"})
		compadd -- "${cands[@]}"
		;;
	check) _files -/ ;;
	esac
	return 0
}

_exoread "$@"
