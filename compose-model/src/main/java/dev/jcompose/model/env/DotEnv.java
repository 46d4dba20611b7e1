package dev.jcompose.model.env;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.interpolate.TemplateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code .env} files and service {@code env_file}s with compose's grammar (compose-go
 * dotenv): comments, {@code export}, {@code KEY=value} or {@code KEY: value}, single quotes
 * literal, double quotes with escapes then interpolation, unquoted values interpolated with inline
 * {@code " #"} comments stripped, multi-line quoted values, bare {@code KEY} copied from the
 * lookup.
 *
 * <p>Variables inside values resolve from {@code lookup} first, then from keys defined earlier in
 * the same parse. Stateless; every method returns a fresh insertion-ordered map.
 */
public final class DotEnv {
  /**
   * {@code env_file} formats: compose's default grammar, or {@code raw} (docker run --env-file).
   */
  public enum Format {
    DOTENV,
    RAW
  }

  private DotEnv() {}

  /** Parses {@code content} (named {@code file} in errors) in the default format. */
  public static Map<String, String> parse(
      String content, String file, Function<String, Optional<String>> lookup) {
    return parse(content, file, lookup, Format.DOTENV);
  }

  /** Parses {@code content} in {@code format}. */
  public static Map<String, String> parse(
      String content, String file, Function<String, Optional<String>> lookup, Format format) {
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    parseInto(content, file, out, lookup, format);
    return out;
  }

  /** Reads one file; {@code format} null means the default. Missing file = NoSuchFileException. */
  public static Map<String, String> read(
      Path file, Function<String, Optional<String>> lookup, Format format) throws IOException {
    return parse(
        Files.readString(file, StandardCharsets.UTF_8),
        file.toString(),
        lookup,
        format == null ? Format.DOTENV : format);
  }

  /**
   * The project environment files ({@code --env-file} or the default {@code .env}), as compose-go
   * GetEnvFromFile: later files override earlier ones, values may refer to {@code current} and to
   * keys of earlier files. A missing file is an error naming its absolute path.
   */
  public static Map<String, String> readProjectFiles(
      List<Path> files, Map<String, String> current) {
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    for (Path f : files) {
      Path abs = f.toAbsolutePath().normalize();
      if (!Files.exists(abs)) {
        throw new ComposeFileException("couldn't find env file: " + abs);
      }
      if (Files.isDirectory(abs)) {
        throw new ComposeFileException(abs + " is a directory");
      }
      String content;
      try {
        content = Files.readString(abs, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ComposeFileException("couldn't read env file: " + abs, e);
      }
      parseInto(
          content, abs.toString(), out, k -> Optional.ofNullable(current.get(k)), Format.DOTENV);
    }
    return out;
  }

  private static void parseInto(
      String content,
      String file,
      Map<String, String> out,
      Function<String, Optional<String>> lookup,
      Format format) {
    try {
      if (format == Format.RAW) {
        RawEnvParser.parse(content, out, lookup);
      } else {
        new DotEnvParser(out, lookup).parse(content);
      }
    } catch (DotEnvException | TemplateException e) {
      throw new ComposeFileException("failed to read " + file + ": " + e.getMessage(), e);
    }
  }
}
