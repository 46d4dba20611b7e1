package dev.jcompose.convert.compare;

import dev.jcompose.convert.KubernetesConverter;
import dev.jcompose.convert.api.ConvertOptions;
import dev.jcompose.convert.api.Examples;
import dev.jcompose.convert.api.Fixtures;
import dev.jcompose.convert.api.Manifest;
import dev.jcompose.convert.kube.ComposeCorpus;
import dev.jcompose.convert.kube.KubeApiServer;
import dev.jcompose.convert.kube.Peers;
import dev.jcompose.convert.kube.Verdict;
import dev.jcompose.model.api.LoadResult;
import dev.jcompose.model.api.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * jcompose convert and Kompose side by side on the examples and the real-world corpus: which files
 * each converts, which attributes each keeps ({@link AttributeProbes}), and how many of its
 * manifests a real kube-apiserver accepts (server-side dry-run, strict field validation, the same
 * server for both). Prints Markdown tables. Run by bench/kompose-compare.sh.
 */
public final class KomposeComparison {
  private record Result(
      boolean converted,
      String error,
      Manifests manifests,
      int accepted,
      List<String> rejections,
      Map<String, int[]> kept) {}

  private KomposeComparison() {}

  public static void main(String[] args) throws Exception {
    Peers peers = Peers.find();
    if (peers.kompose() == null) {
      throw new IllegalStateException(
          "no kompose among the peers: run scripts/k8s-peers.sh --kompose");
    }
    List<Path> dirs = new ArrayList<>(Examples.dirs());
    dirs.addAll(ComposeCorpus.corpus());
    StringBuilder files =
        new StringBuilder(
            "| compose file | services | jcompose: objects, accepted | kompose: objects, accepted "
                + "| attributes kept: jcompose | kompose |\n|---|---|---|---|---|---|\n");
    Map<String, int[]> totals = new TreeMap<>();
    List<String> notes = new ArrayList<>();
    try (KubeApiServer server = KubeApiServer.start(peers)) {
      for (Path dir : dirs) {
        LoadResult loaded = Fixtures.load(dir);
        Result jc = judge(server, convertWithJcompose(loaded), loaded);
        Result ko = judge(server, () -> convertWithKompose(peers.kompose(), dir), loaded);
        String name = dir.getFileName().toString();
        files
            .append("| ")
            .append(name)
            .append(" | ")
            .append(loaded.project().services().size())
            .append(" | ")
            .append(cell(jc))
            .append(" | ")
            .append(cell(ko))
            .append(" | ")
            .append(keptCell(jc))
            .append(" | ")
            .append(keptCell(ko))
            .append(" |\n");
        add(totals, jc, 0);
        add(totals, ko, 2);
        ko.rejections().forEach(r -> notes.add("kompose, " + name + ": " + r));
        jc.rejections().forEach(r -> notes.add("jcompose, " + name + ": " + r));
        if (!ko.converted()) {
          notes.add("kompose, " + name + ": did not convert: " + ko.error());
        }
      }
    }
    StringBuilder attrs =
        new StringBuilder(
            "| attribute | services writing it | kept by jcompose | kept by kompose |\n|---|---|---|---|\n");
    totals.forEach(
        (attr, t) ->
            attrs
                .append("| ")
                .append(attr)
                .append(" | ")
                .append(t[1])
                .append(" | ")
                .append(t[0])
                .append(" | ")
                .append(t[2])
                .append(" |\n"));
    System.out.println(files);
    System.out.println(attrs);
    notes.forEach(n -> System.out.println("- " + n.replace('\n', ' ')));
  }

  private static List<String> convertWithJcompose(LoadResult loaded) {
    return KubernetesConverter.convert(loaded, ConvertOptions.defaults(Fixtures.ENV))
        .manifests()
        .stream()
        .map(Manifest::yaml)
        .toList();
  }

  /**
   * {@code kompose convert} in the file's directory (its .env and relative paths), one file per
   * object.
   */
  private static List<String> convertWithKompose(Path kompose, Path dir)
      throws IOException, InterruptedException {
    Path out = Files.createTempDirectory("jcompose-kompose-");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(
                  kompose.toString(),
                  "convert",
                  "-f",
                  "compose.yaml",
                  "-o",
                  out + "/",
                  "--with-kompose-annotation=false")
              .directory(dir.toFile())
              .redirectErrorStream(true);
      pb.environment().putAll(Fixtures.ENV);
      Path log = out.resolve("kompose.log");
      pb.redirectOutput(log.toFile());
      Process p = pb.start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("kompose did not finish in 120 s");
      }
      if (p.exitValue() != 0) {
        throw new IOException(lastLine(Files.readString(log)));
      }
      List<String> yaml = new ArrayList<>();
      try (Stream<Path> files = Files.list(out)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
          yaml.add(Files.readString(f, StandardCharsets.UTF_8));
        }
      }
      return yaml;
    } finally {
      try (Stream<Path> all = Files.walk(out)) {
        all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static String lastLine(String log) {
    String[] lines = log.strip().split("\n");
    return lines[lines.length - 1].replaceAll("\u001b\\[[0-9;]*m", "").strip();
  }

  private interface Converter {
    List<String> get() throws Exception;
  }

  private static Result judge(KubeApiServer server, List<String> yaml, LoadResult loaded)
      throws Exception {
    return judge(server, () -> yaml, loaded);
  }

  private static Result judge(KubeApiServer server, Converter converter, LoadResult loaded)
      throws Exception {
    Manifests m;
    try {
      m = Manifests.parse(converter.get());
    } catch (Exception e) {
      return new Result(false, e.getMessage(), null, 0, List.of(), Map.of());
    }
    int accepted = 0;
    List<String> rejections = new ArrayList<>();
    for (String doc : m.yaml()) {
      Verdict v = server.dryRun(doc);
      if (v.accepted()) {
        accepted++;
      } else {
        rejections.add(v.toString());
      }
    }
    return new Result(!m.objects().isEmpty(), null, m, accepted, rejections, kept(m, loaded));
  }

  /** Per attribute: {kept, written} over the file's services. */
  private static Map<String, int[]> kept(Manifests m, LoadResult loaded) {
    Map<String, int[]> out = new LinkedHashMap<>();
    for (Service s : loaded.project().services().values()) {
      String name = objectName(m, s.name());
      Map<String, Object> pod = name == null ? Map.of() : m.podSpec(name);
      Map<String, Object> container =
          Manifests.list(pod.get("containers")).stream().findFirst().orElse(Map.of());
      AttributeProbes.Seen seen = new AttributeProbes.Seen(s, name, m, pod, container);
      for (String attr : AttributeProbes.written(s, loaded.sources())) {
        int[] c = out.computeIfAbsent(attr, k -> new int[2]);
        c[1]++;
        if (name != null && AttributeProbes.PROBES.get(attr).test(s, seen)) {
          c[0]++;
        }
      }
    }
    return out;
  }

  /** The workload's name: the service's, or the service's as a DNS label (both tools' rule). */
  private static String objectName(Manifests m, String service) {
    String label = service.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    return m.podSpec(service) != null ? service : m.podSpec(label) != null ? label : null;
  }

  private static void add(Map<String, int[]> totals, Result r, int column) {
    r.kept()
        .forEach(
            (attr, c) -> {
              int[] t = totals.computeIfAbsent(attr, k -> new int[4]);
              t[column] += c[0];
              if (column == 0) {
                t[1] += c[1];
              }
            });
  }

  private static String cell(Result r) {
    return r.converted()
        ? r.manifests().objects().size() + ", " + r.accepted() + " accepted"
        : "fails";
  }

  private static String keptCell(Result r) {
    if (!r.converted()) {
      return "-";
    }
    int kept = r.kept().values().stream().mapToInt(c -> c[0]).sum();
    int written = r.kept().values().stream().mapToInt(c -> c[1]).sum();
    return kept + "/" + written;
  }
}
