package dev.jcompose.cli.command;

import dev.jcompose.cli.option.ProjectOptions;
import java.lang.reflect.Field;
import java.util.Arrays;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Docker compose's verb-level short options that clash with global ones: {@code logs -f}
 * (follow), {@code version -f} (format), {@code run -p} (publish). Docker compose takes global
 * flags only before the verb, so there is no clash there; here the global {@link ProjectOptions}
 * may be inherited by every verb, and picocli refuses two options with one name. So the short name
 * is added only when the global option of that name is not inherited.
 */
final class ShortNames {
  private ShortNames() {}

  static CommandSpec alias(CommandSpec spec, String longName, String shortName) {
    OptionSpec option = spec.findOption(longName);
    if (option == null || inheritedGlobally(shortName)) {
      return spec;
    }
    String[] names = Arrays.copyOf(option.names(), option.names().length + 1);
    names[names.length - 1] = shortName;
    spec.remove(option);
    spec.addOption(option.toBuilder().names(names).build());
    return spec;
  }

  static boolean inheritedGlobally(String name) {
    for (Field f : ProjectOptions.class.getDeclaredFields()) {
      Option o = f.getAnnotation(Option.class);
      if (o != null && o.scope() == ScopeType.INHERIT && Arrays.asList(o.names()).contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** {@code logs -f}. */
  static final class Follow implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      return alias(spec, "--follow", "-f");
    }
  }

  /** {@code version -f}. */
  static final class Format implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      return alias(spec, "--format", "-f");
    }
  }

  /** {@code run -p}. */
  static final class Publish implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      return alias(spec, "--publish", "-p");
    }
  }
}
