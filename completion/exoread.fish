# exoread.fish - fish completion for exoread(1): commands, options, format
# names, colour modes, content folders and section ids, as completion/exoread.bash.
# Installed in a folder fish searches (Debian: /usr/share/fish/vendor_completions.d).
# Section ids come from the program itself (`exoread list --format tsv`, first
# column), so they always match the content that would be read, including a
# --content folder given earlier on the line.
# Copyright (c) 2026 The exoread authors. MIT licence; see LICENSE.

# __exoread_scan: print the command (or nothing) and the --content folder (or
# nothing), one per line, from the words before the cursor, skipping the values
# of options that take one.
function __exoread_scan
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l cmd ''
    set -l content ''
    set -l skip ''
    for t in $tokens
        if test -n "$skip"
            test "$skip" = --content; and set content $t
            set skip ''
            continue
        end
        switch $t
            case '--content=*'
                set content (string replace -- --content= '' $t)
            case '--color=*' '--width=*' '--format=*' '--limit=*' '--max-age=*'
            case --content --color --width --format --limit --max-age
                set skip $t
            case '-*'
            case '*'
                test -z "$cmd"; and set cmd $t
        end
    end
    printf '%s\n' $cmd $content
end

# __exoread_command_is [CMD...]: whether the command is one of CMD (with no CMD:
# whether there is no command yet).
function __exoread_command_is
    set -l cmd (__exoread_scan)[1]
    if test (count $argv) -eq 0
        test -z "$cmd"
    else
        contains -- "$cmd" $argv
    end
end

# __exoread_ids: the section ids of the content the program on the line would read.
function __exoread_ids
    set -l prog (commandline -opc)[1]
    # A program typed as a path (./build/exoread) is used as typed; else the one in PATH.
    if not string match -q -- '*/*' $prog; or not test -x $prog
        set prog exoread
    end
    command -q $prog; or return
    set -l content (__exoread_scan)[2]
    set content (string replace -r -- '^~/' "$HOME/" $content)
    if test -n "$content"
        $prog --content $content list --format tsv 2>/dev/null
    else
        $prog list --format tsv 2>/dev/null
    end | string replace -r -- '\t.*' ''
end

# Whether the word before the cursor is "help" and the command is help.
function __exoread_after_help
    set -l tokens (commandline -opc)
    test "$tokens[-1]" = help; and __exoread_command_is help
end

complete -c exoread -f
complete -c exoread -n __exoread_command_is -a 'read' -d 'open the reader at a section or at search results'
complete -c exoread -n __exoread_command_is -a 'print' -d 'print sections'
complete -c exoread -n __exoread_command_is -a 'search' -d 'ranked search results'
complete -c exoread -n __exoread_command_is -a 'list' -d 'the contents with ids'
complete -c exoread -n __exoread_command_is -a 'check' -d 'check a content folder'
complete -c exoread -n __exoread_command_is -a 'help' -d 'the usage of exoread or of a command'
complete -c exoread -n __exoread_after_help -a 'read print search list check help'

# Options may stand anywhere on the line, so every command also takes these.
complete -c exoread -l content -x -a '(__fish_complete_directories)' -d 'read content from a folder'
complete -c exoread -l color -x -a 'auto always never' -d 'when to use colour'
complete -c exoread -l width -x -d 'wrap text at N columns'
complete -c exoread -l help -d 'show help'
complete -c exoread -n __exoread_command_is -l version -d 'print the versions'
complete -c exoread -n '__exoread_command_is print' -l format -x -a 'text markdown json' -d 'output format'
complete -c exoread -n '__exoread_command_is search' -l format -x -a 'text tsv json markdown' -d 'output format'
complete -c exoread -n '__exoread_command_is list' -l format -x -a 'text tsv' -d 'output format'
complete -c exoread -n '__exoread_command_is search' -l limit -x -d 'show the best N hits'
complete -c exoread -n '__exoread_command_is read print' -l urgent -d 'when to get help'
complete -c exoread -n '__exoread_command_is read print' -l bare -d 'no handout header and footer'
complete -c exoread -n '__exoread_command_is; or __exoread_command_is read' -l plain -d 'a line-by-line reader'
complete -c exoread -n '__exoread_command_is; or __exoread_command_is read' -l no-mouse -d 'leave the mouse to the terminal'
complete -c exoread -n '__exoread_command_is check' -l max-age -x -d 'months a review date stays fresh'
complete -c exoread -n '__exoread_command_is check' -l synonyms -d 'WordNet words for also_called'

complete -c exoread -n '__exoread_command_is read print' -a '(__exoread_ids)'
complete -c exoread -n '__exoread_command_is check' -a '(__fish_complete_directories)'
