package dev.jcompose.model.api;

import java.util.regex.Pattern;

/**
 * The syntax of a {@code device_cgroup_rules} entry, as docker validates it
 * (opts.ValidateDeviceCgroupRule): {@code <a|b|c> <major|*>:<minor|*> <rwm, 1-3 letters>}.
 */
public final class DeviceCgroupRule {
  private static final Pattern RULE =
      Pattern.compile("^([acb]) ([0-9]+|\\*):([0-9]+|\\*) ([rwm]{1,3})$");

  private DeviceCgroupRule() {}

  public static boolean valid(String rule) {
    return rule != null && RULE.matcher(rule).matches();
  }
}
