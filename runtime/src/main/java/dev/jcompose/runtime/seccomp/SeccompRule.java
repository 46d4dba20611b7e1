package dev.jcompose.runtime.seccomp;

import java.util.List;

/**
 * One rule of a profile: the syscalls it names, what happens when one of them is called with
 * arguments that satisfy every condition (an empty list matches any arguments), and docker's
 * filters that decide whether the rule is part of a container's filter at all.
 */
public record SeccompRule(
    List<String> names,
    SeccompAction action,
    List<ArgCondition> args,
    RuleFilter includes,
    RuleFilter excludes) {
  public SeccompRule {
    names = List.copyOf(names);
    args = List.copyOf(args);
    if (names.isEmpty()) {
      throw new ProfileException("a seccomp rule names no syscall");
    }
  }
}
