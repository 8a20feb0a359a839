# exoread.bash - bash completion for exoread(1): commands, options, format
# names, colour modes, content folders and section ids.
# Section ids come from the program itself (`exoread list --format tsv`, first
# column), so they always match the content that would be read, including a
# --content folder given earlier on the line.
# Copyright (c) 2026 The exoread authors. MIT licence; see LICENSE.

_exoread_commands='read print search list check help'
# Options may stand anywhere on the line, so every command also takes these.
_exoread_global_opts='--content --color --width --help'

# _exoread_ids PROG CONTENT: print the section ids of the content PROG would read.
_exoread_ids()
{
	local prog=$1 content=$2
	# A program typed as a path (./build/exoread) is used as typed; else the one in PATH.
	if [[ $prog != */* ]] || [[ ! -x $prog ]]; then
		prog=exoread
	fi
	if [[ -n $content ]]; then
		"$prog" --content "$content" list --format tsv 2>/dev/null
	else
		"$prog" list --format tsv 2>/dev/null
	fi | while IFS=$'\t' read -r id _; do
		printf '%s\n' "$id"
	done
}

# _exoread_values CMD OPT: the values OPT takes after command CMD; returns 1 when
# OPT takes no value, so the caller knows the word is not an option argument.
_exoread_values()
{
	case $2 in
	--color) echo 'auto always never' ;;
	--format)
		case $1 in
		print) echo 'text markdown json' ;;
		search) echo 'text tsv json markdown' ;;
		list) echo 'text tsv' ;;
		*) return 1 ;;
		esac
		;;
	--content | --width | --limit | --max-age) echo '' ;;
	*) return 1 ;;
	esac
	return 0
}

_exoread()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=''
	local cword=$COMP_CWORD cmd='' content='' i w opt='' eqprefix=''
	local -a words=("${COMP_WORDS[@]}")
	((cword > 0)) && prev=${words[cword - 1]}
	COMPREPLY=()

	# Split "--opt=value" whichever way bash broke the line: '=' is usually in
	# COMP_WORDBREAKS, giving the three words "--opt" "=" "value".
	if [[ $cur == = ]] && [[ $prev == --* ]]; then
		opt=$prev cur=''
	elif [[ $prev == = ]] && ((cword > 1)) && [[ ${words[cword - 2]} == --* ]]; then
		opt=${words[cword - 2]}
	elif [[ $cur == --*=* ]]; then
		opt=${cur%%=*} eqprefix="$opt=" cur=${cur#*=}
	elif [[ $prev == --* ]]; then
		opt=$prev
	fi

	# Find the command and any --content folder before the cursor, skipping the
	# values of options that take one; "--" ends the options.
	for ((i = 1; i < cword; i++)); do
		w=${words[i]}
		case $w in
		--content=* | --color=* | --width=* | --format=* | --limit=* | --max-age=*)
			[[ $w == --content=* ]] && content=${w#--content=}
			;;
		--content | --color | --width | --format | --limit | --max-age)
			if [[ ${words[i + 1]} == = ]]; then
				((i += 2))
			else
				((i++))
			fi
			[[ $w == --content ]] && ((i < cword)) && content=${words[i]}
			;;
		--) ;;
		-*) ;;
		*) [[ -z $cmd ]] && cmd=$w ;;
		esac
	done
	# bash does not expand a leading ~ in words; the program needs the real path.
	[[ $content == \~/* ]] && content=$HOME/${content#\~/}

	if [[ -n $opt ]]; then
		local values
		if values=$(_exoread_values "$cmd" "$opt"); then
			if [[ $opt == --content ]]; then
				compopt -o filenames 2>/dev/null
				COMPREPLY=($(compgen -d -- "$cur"))
			elif [[ -n $values ]]; then
				COMPREPLY=($(compgen -W "$values" -- "$cur"))
			fi
			if [[ -n $eqprefix ]]; then
				COMPREPLY=("${COMPREPLY[@]/#/$eqprefix}")
			fi
			return 0
		fi
	fi

	if [[ $cur == -* ]]; then
		local opts
		case $cmd in
		'') opts="$_exoread_global_opts --version --plain --no-mouse" ;;
		read) opts="$_exoread_global_opts --urgent --bare --plain --no-mouse" ;;
		print) opts="$_exoread_global_opts --format --urgent --bare" ;;
		list) opts="$_exoread_global_opts --format" ;;
		search) opts="$_exoread_global_opts --format --limit" ;;
		check) opts="$_exoread_global_opts --max-age --synonyms" ;;
		*) opts=$_exoread_global_opts ;;
		esac
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		return 0
	fi

	case $cmd in
	'') COMPREPLY=($(compgen -W "$_exoread_commands" -- "$cur")) ;;
	help) [[ $prev == help ]] && COMPREPLY=($(compgen -W "$_exoread_commands" -- "$cur")) ;;
	read | print) COMPREPLY=($(compgen -W "$(_exoread_ids "${words[0]}" "$content")" -- "$cur")) ;;
	check)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -d -- "$cur"))
		;;
	esac
	return 0
}

complete -F _exoread exoread
