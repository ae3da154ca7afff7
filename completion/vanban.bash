# bash completion for vanban: commands, options, and the kinds of file each
# place takes (YAML inputs, folders, layout and printer names from the
# installed layouts). Installed as share/bash-completion/completions/vanban.
_vanban_names() { # _vanban_names PREFIX: layout names beside the program's data
	local bin home d f
	bin=$(command -v vanban 2>/dev/null) || return
	home=${VANBAN_HOME:-$(dirname "$(dirname "$bin")")/share/vanban}
	for d in . "$home/layouts"; do
		for f in "$d"/$1*.yaml; do
			[ -f "$f" ] || continue
			f=${f##*/}; f=${f%.yaml}; echo "${f#$1}"
		done
	done
}

_vanban() {
	local cur prev cmd
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd=${COMP_WORDS[1]}
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "render check calibrate init --help --version" -- "$cur"))
		return
	fi
	case $prev in
	-o|--output|--layouts|--allow-path) COMPREPLY=($(compgen -d -- "$cur")); return ;;
	--encoding) COMPREPLY=($(compgen -W "utf-8 tcvn3 tcvn3h vni cp1258" -- "$cur")); return ;;
	--printer) COMPREPLY=($(compgen -W "$(_vanban_names printer-)" -- "$cur")); return ;;
	esac
	case $cur in
	-*)
		case $cmd in
		render) COMPREPLY=($(compgen -W "--output --dump --encoding --layouts --printer --allow-path --preview --help" -- "$cur")) ;;
		check) COMPREPLY=($(compgen -W "--encoding --layouts --allow-path --help" -- "$cur")) ;;
		calibrate) COMPREPLY=($(compgen -W "--output --dump --printer --layouts --help" -- "$cur")) ;;
		esac
		return ;;
	esac
	case $cmd in
	init) [ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "$(vanban init --list 2>/dev/null | cut -d" " -f1)" -- "$cur")) ;;
	calibrate) COMPREPLY=($(compgen -W "$(_vanban_names certificate | sed 's/^/certificate/')" -- "$cur") $(compgen -f -X '!*.yaml' -- "$cur")) ;;
	*) COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur")) ;;
	esac
}
complete -F _vanban vanban
