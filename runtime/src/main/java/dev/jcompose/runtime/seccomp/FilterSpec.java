package dev.jcompose.runtime.seccomp;

import java.util.List;

/**
 * A profile fitted to one container on one host: the ABIs the filter accepts, and the rules, in
 * profile order, whose filters held. What {@link SeccompCompiler} turns into BPF.
 */
record FilterSpec(SeccompAction defaultAction, List<SeccompArch> arches, List<Rule> rules) {
  /** One syscall's rule: it applies when every condition holds (none = always). */
  record Rule(String name, SeccompAction action, List<ArgCondition> args) {}
}
