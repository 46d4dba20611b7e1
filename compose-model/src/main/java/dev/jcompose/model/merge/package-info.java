/**
 * Compose merge rules (compose-go override/): {@link dev.jcompose.model.merge.TreeMerger} with its
 * per-path table {@code MergeRules}, list de-duplication {@link dev.jcompose.model.merge.Unicity},
 * and {@code !reset}/{@code !override} handling {@link dev.jcompose.model.merge.Directives}.
 */
package dev.jcompose.model.merge;
