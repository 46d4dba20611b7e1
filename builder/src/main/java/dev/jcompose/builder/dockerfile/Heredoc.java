package dev.jcompose.builder.dockerfile;

/**
 * A here-document attached to RUN, COPY or ADD ({@code <<EOF}, {@code <<-EOF}, {@code <<"EOF"}).
 *
 * @param name the delimiter word, quotes removed
 * @param fd the file descriptor before {@code <<} (0 if none)
 * @param expand false when the delimiter was quoted: the body is taken literally
 * @param chomp {@code <<-}: leading tabs are stripped from the body's lines and the delimiter line
 * @param content the body, each line with its newline, the delimiter line excluded
 */
public record Heredoc(String name, int fd, boolean expand, boolean chomp, String content) {

  Heredoc withContent(String body) {
    return new Heredoc(name, fd, expand, chomp, body);
  }

  /** The body with leading tabs removed from every line when {@link #chomp} is set. */
  public String body() {
    return chomp ? content.replaceAll("(?m)^\t+", "") : content;
  }
}
