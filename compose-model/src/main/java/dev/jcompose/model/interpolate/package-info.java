/**
 * Variable substitution: {@link dev.jcompose.model.interpolate.Template} (compose-go
 * template/template.go grammar) and {@link dev.jcompose.model.interpolate.TreeInterpolator}, which
 * applies it to every value of a document and casts known paths to their schema types.
 */
package dev.jcompose.model.interpolate;
