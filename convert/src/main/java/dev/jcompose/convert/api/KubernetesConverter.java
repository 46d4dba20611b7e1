package dev.jcompose.convert.api;

import dev.jcompose.convert.k8s.ProjectConversion;
import dev.jcompose.model.api.LoadResult;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.SourceMap;

/**
 * The public door of the convert module: a resolved compose {@link Project} in, Kubernetes
 * manifests out, plus a finding (located by {@code file:line:column}) for every attribute that
 * could not be kept as written. Pure apart from reading the files the project names (bind sources,
 * config and secret files); deterministic: the same project gives byte-identical output.
 */
public final class KubernetesConverter {
  private KubernetesConverter() {}

  public static Conversion convert(LoadResult loaded, ConvertOptions options) {
    return convert(loaded.project(), loaded.sources(), options);
  }

  public static Conversion convert(Project project, SourceMap sources, ConvertOptions options) {
    return ProjectConversion.run(project, sources, options);
  }
}
