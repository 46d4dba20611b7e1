package dev.jcompose.builder.plan;

import dev.jcompose.common.json.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a build will do: the stages the target needs, in an order where every stage comes after the
 * stages it reads, each with its base, its steps and the image config it ends with. Stages the
 * target does not need are absent. {@link #toString()} is deterministic text for golden tests.
 */
public record BuildPlan(List<PlannedStage> stages, int target, List<String> warnings) {

  public PlannedStage targetStage() {
    return stage(target);
  }

  public PlannedStage stage(int index) {
    return stages.stream().filter(s -> s.index() == index).findFirst().orElseThrow();
  }

  /**
   * One stage: {@code image} is its final image config without {@code rootfs}, {@code history} and
   * {@code created}, which need the layers; {@code history} holds the entries this stage adds.
   */
  public record PlannedStage(
      int index,
      String name,
      Base base,
      List<Step> steps,
      JsonNode image,
      List<History> history,
      String finalKey) {}

  /** A stage's starting point. For IMAGE, {@code config} is the base image's config. */
  public record Base(Kind kind, String reference, String imageId, int stage, JsonNode config) {
    public enum Kind {
      SCRATCH,
      IMAGE,
      STAGE
    }

    @Override
    public String toString() {
      return switch (kind) {
        case SCRATCH -> "scratch";
        case IMAGE -> reference + " (" + imageId + ")";
        case STAGE -> "stage " + stage;
      };
    }
  }

  /**
   * A history entry; {@code step} is the number of the step that made its layer, 0 for an empty
   * layer.
   */
  public record History(String createdBy, int step) {
    public boolean emptyLayer() {
      return step == 0;
    }
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (PlannedStage st : stages) {
      s.append("stage ")
          .append(st.index())
          .append(' ')
          .append(st.name())
          .append(st.index() == target ? " (target)" : "")
          .append(" FROM ")
          .append(st.base())
          .append('\n');
      for (Step step : st.steps()) {
        s.append("  ")
            .append(step.number())
            .append(' ')
            .append(step.display())
            .append("  key=")
            .append(step.key(), 0, 12)
            .append('\n');
        s.append(details(step));
      }
      s.append("  history: ")
          .append(
              st.history().stream()
                  .map(h -> h.emptyLayer() ? h.createdBy() : h.createdBy() + " [" + h.step() + "]")
                  .collect(Collectors.joining(" | ")))
          .append('\n');
      s.append("  config: ").append(st.image().path("config")).append('\n');
    }
    warnings.forEach(w -> s.append("warning: ").append(w).append('\n'));
    return s.toString();
  }

  private static String details(Step step) {
    if (step instanceof Step.Run r) {
      String mounts =
          r.mounts().stream().map(m -> "\n    mount " + m.describe()).collect(Collectors.joining());
      return "    args="
          + r.args()
          + " env="
          + r.env()
          + " cwd="
          + r.cwd()
          + " user="
          + r.user()
          + " net="
          + r.network()
          + mounts
          + "\n";
    }
    if (step instanceof Step.Copy c) {
      return "    from="
          + c.from()
          + " sources="
          + c.sources()
          + (c.inline().isEmpty() ? "" : " inline=" + c.inline())
          + " dest="
          + c.dest()
          + (c.chown() == null ? "" : " chown=" + c.chown())
          + (c.chmod() == null ? "" : " chmod=" + c.chmod())
          + (c.link() ? " link" : "")
          + (c.excludes().isEmpty() ? "" : " exclude=" + c.excludes())
          + "\n";
    }
    Step.Workdir w = (Step.Workdir) step;
    return "    path=" + w.path() + " user=" + w.user() + "\n";
  }
}
