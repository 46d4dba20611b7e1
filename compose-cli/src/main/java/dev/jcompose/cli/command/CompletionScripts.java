package dev.jcompose.cli.command;

import java.util.List;

/**
 * The hand-written parts of the completion scripts. Each asks {@code jcompose __complete} for what
 * changes (verbs, options, the current project's services), so the scripts stay small and never go
 * stale; {@code serviceVerbs} lists the verbs whose arguments are services.
 */
final class CompletionScripts {
  private CompletionScripts() {}

  /**
   * One function: the verb is the first word that is neither an option nor a global option's value;
   * then services for SERVICE arguments, else the verb's {@code case} arm ({@code verbCases}).
   */
  static String bash(String verbCases, List<String> valued, String serviceVerbs) {
    return """
        # jcompose completion for bash: verbs, options, and the current project's services
        # where a verb takes SERVICE arguments (asked from `jcompose __complete services`).
        _jcompose_complete() {
          local cur="${COMP_WORDS[COMP_CWORD]}" verb="" i skip=0
          for ((i = 1; i < COMP_CWORD; i++)); do
            if ((skip)); then skip=0; continue; fi
            case "${COMP_WORDS[i]}" in
              %s) skip=1 ;;
              -*) ;;
              *) verb="${COMP_WORDS[i]}"; break ;;
            esac
          done
          if [[ -n "$verb" && "$cur" != -* && " %s " == *" $verb "* ]]; then
            COMPREPLY=( $(compgen -W "$(jcompose __complete services 2>/dev/null)" -- "$cur") )
            return 0
          fi
          case $verb in
        %s  esac
        }
        complete -F _jcompose_complete -o default jcompose
        """
        .formatted(String.join("|", valued), serviceVerbs, verbCases);
  }

  static String zsh(List<String> valued, String serviceVerbs) {
    return """
        #compdef jcompose
        # jcompose completion for zsh: verbs, options and the current project's services,
        # asked from `jcompose __complete` as you type.
        _jcompose() {
          local -a items
          local verb i
          for ((i = 2; i < CURRENT; i++)); do
            case ${words[i]} in
              %s) ((i++)) ;;
              -*) ;;
              *) verb=${words[i]}; break ;;
            esac
          done
          if [[ -z $verb ]]; then
            items=(${${(f)"$(jcompose __complete verbs 2>/dev/null)"}//$'\\t'/:})
            _describe 'command' items
          elif [[ ${words[CURRENT]} == -* ]]; then
            items=(${${(f)"$(jcompose __complete options $verb 2>/dev/null)"}//$'\\t'/:})
            _describe 'option' items
          elif [[ " %s " == *" $verb "* ]]; then
            items=(${(f)"$(jcompose __complete services 2>/dev/null)"})
            _describe 'service' items
          else
            _files
          fi
        }
        compdef _jcompose jcompose
        """
        .formatted(String.join("|", valued), serviceVerbs);
  }

  static String fish(List<String> valued, String serviceVerbs) {
    return """
        # jcompose completion for fish: verbs, options and the current project's services,
        # asked from `jcompose __complete` as you type.
        function __jcompose_verb
            set -l words (commandline -opc)
            set -e words[1]
            set -l skip 0
            for w in $words
                if test $skip = 1
                    set skip 0
                    continue
                end
                switch $w
                    case %s
                        set skip 1
                    case '-*'
                    case '*'
                        echo $w
                        return
                end
            end
        end
        complete -c jcompose -f
        complete -c jcompose -n 'test -z (__jcompose_verb)' -a '(jcompose __complete verbs 2>/dev/null)'
        complete -c jcompose -n 'test -n (__jcompose_verb); and string match -q -- "-*" (commandline -ct)' -a '(jcompose __complete options (__jcompose_verb) 2>/dev/null)'
        complete -c jcompose -n 'contains -- (__jcompose_verb) %s' -a '(jcompose __complete services 2>/dev/null)'
        """
        .formatted(String.join(" ", valued), serviceVerbs);
  }
}
