package dev.jcompose.builder.plan;

import dev.jcompose.builder.dockerfile.ShellLex;
import dev.jcompose.builder.plan.BuildPlan.PlannedStage;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every stage of one plan shares: the input, the lexer, the args before FROM, the stages
 * planned so far.
 */
final class PlanContext {
  private static final Set<String> PROXY_ARGS =
      Set.of("http_proxy", "https_proxy", "ftp_proxy", "no_proxy", "all_proxy");
  private final PlanInput input;
  private final ShellLex lex;
  private final Map<String, String> metaArgs;
  private final Origins origins;
  private final int target;
  private final Map<Integer, PlannedStage> planned = new java.util.HashMap<>();
  private final Set<String> used = new HashSet<>();

  PlanContext(
      PlanInput input, ShellLex lex, Map<String, String> metaArgs, Origins origins, int target) {
    this.input = input;
    this.lex = lex;
    this.metaArgs = metaArgs;
    this.origins = origins;
    this.target = target;
  }

  PlanInput input() {
    return input;
  }

  ShellLex lex() {
    return lex;
  }

  /** ARGs declared before the first FROM, with their values (null when declared without one). */
  Map<String, String> metaArgs() {
    return metaArgs;
  }

  Origins origins() {
    return origins;
  }

  int target() {
    return target;
  }

  PlannedStage planned(int stage) {
    return planned.get(stage);
  }

  void add(PlannedStage stage) {
    planned.put(stage.index(), stage);
  }

  /** Records that a --build-arg was consumed by some ARG. */
  void used(String name) {
    used.add(name);
  }

  boolean isUsed(String name) {
    return used.contains(name);
  }

  /**
   * Proxy variables are predefined args: they reach RUN without an ARG and stay out of keys and
   * history.
   */
  static boolean isProxyArg(String name) {
    return PROXY_ARGS.contains(name.toLowerCase(Locale.ROOT));
  }
}
