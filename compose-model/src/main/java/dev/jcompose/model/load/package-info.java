/**
 * Loading stage of compose-model: command line and environment to one merged document.
 *
 * <p>Pipeline ({@link dev.jcompose.model.load.ProjectTreeLoader}): {@code ProjectSetupResolver}
 * (files, project dir, env files, profiles) then {@code ProjectNames} then, per YAML document,
 * {@code DocumentPipeline}: interpolate, {@code IncludeResolver}, {@code ExtendsResolver}, merge.
 * YAML is read at node level ({@code YamlReader}, {@code YamlNodes}, {@code GoYamlScalars}) so that
 * scalars resolve as go-yaml resolves them. No class here touches anything but files to read.
 */
package dev.jcompose.model.load;
