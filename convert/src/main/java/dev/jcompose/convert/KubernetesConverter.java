package dev.jcompose.convert;

import dev.jcompose.convert.api.Conversion;
import dev.jcompose.convert.api.ConvertOptions;
import dev.jcompose.convert.k8s.ProjectConversion;
import dev.jcompose.model.api.LoadResult;

/**
 * The public door of the convert module: a loaded compose project (the resolved {@code Project}
 * with its canonical form and source positions) in, Kubernetes manifests out, plus a finding
 * (located by {@code file:line:column}) for every attribute that could not be kept as written. Pure
 * apart from reading the files the project names (bind sources, config and secret files);
 * deterministic: the same project gives byte-identical output.
 */
public final class KubernetesConverter {
  private KubernetesConverter() {}

  public static Conversion convert(LoadResult loaded, ConvertOptions options) {
    return ProjectConversion.run(loaded.project(), loaded.canonical(), loaded.sources(), options);
  }
}
