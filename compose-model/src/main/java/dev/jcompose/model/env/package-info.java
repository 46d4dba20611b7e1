/**
 * {@code .env} and {@code env_file} reading with compose's dotenv grammar ({@link
 * dev.jcompose.model.env.DotEnv}); the {@code raw} format follows docker run --env-file.
 */
package dev.jcompose.model.env;
