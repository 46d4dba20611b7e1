/* Unit tests of the container log writer (runtime/src/main/c/logwriter.c): how partial lines,
 * lines longer than the writer's piece size, a stream ending mid-line, rotation and compression
 * look in the log file. Built and run by `make check` (the Maven test phase). Each test writes a
 * log in a fresh temp dir and reads the records back: "<ts> <stream> <F|P> <text>". */
#include "../../main/c/jcshim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static int failures;
static char dir[] = "/tmp/jcshim-logtest-XXXXXX";

#define CHECK(cond, ...)                                   \
  do {                                                     \
    if (!(cond)) {                                         \
      failures++;                                          \
      fprintf(stderr, "FAIL %s:%d: ", __func__, __LINE__); \
      fprintf(stderr, __VA_ARGS__);                        \
      fputc('\n', stderr);                                \
    }                                                      \
  } while (0)

static char *slurp(const char *path, size_t *len) {
  gzFile f = gzopen(path, "rb"); /* reads plain files too */
  if (f == NULL) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  int r;
  while ((r = gzread(f, buf + n, (unsigned)(cap - n - 1))) > 0) {
    n += (size_t)r;
    if (cap - n < 2) buf = realloc(buf, cap *= 2);
  }
  gzclose(f);
  buf[n] = '\0';
  *len = n;
  return buf;
}

/* The records of a log file without their timestamps: "stdout F text" per line. */
static int records(const char *path, char out[][64], int max) {
  size_t len;
  char *buf = slurp(path, &len);
  int n = 0;
  for (char *line = buf, *nl; buf && line < buf + len && (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
    *nl = '\0';
    if (n < max) snprintf(out[n], 64, "%.60s", line + 31);
    n++;
  }
  free(buf);
  return n;
}

static struct log_writer *open_log(const char *name, long long max, int files, int compress, char *path) {
  struct shim_err err;
  snprintf(path, 256, "%s/%s", dir, name);
  struct log_writer *w = logw_open(path, max, files, compress, &err);
  if (w == NULL) fprintf(stderr, "logw_open: %s\n", err.msg), exit(2);
  return w;
}

static void feed(struct log_writer *w, int stream, const char *s) { logw_feed(w, stream, s, strlen(s)); }

static void finalLineWithoutNewline_endsAsAFullRecord(void) {
  char path[256], r[8][64];
  struct log_writer *w = open_log("final", 0, 1, 0, path);
  feed(w, 0, "one\ndone");
  logw_end_stream(w, 0);
  logw_close(w);
  int n = records(path, r, 8);
  CHECK(n == 2, "2 records, got %d", n);
  CHECK(strcmp(r[0], "stdout F one") == 0, "got '%s'", r[0]);
  CHECK(strcmp(r[1], "stdout F done") == 0, "got '%s'", r[1]);
}

static void partialFlushedEarlier_isClosedByAnEmptyFullRecord(void) {
  char path[256], r[8][64];
  struct log_writer *w = open_log("flushed", 0, 1, 0, path);
  feed(w, 1, "Password: ");
  logw_flush_partial(w, 1); /* the monitor's 200 ms quiet-period flush */
  logw_commit(w);
  logw_end_stream(w, 1); /* the container was killed before the newline */
  logw_close(w);
  int n = records(path, r, 8);
  CHECK(n == 2, "2 records, got %d", n);
  CHECK(strcmp(r[0], "stderr P Password: ") == 0, "got '%s'", r[0]);
  CHECK(strcmp(r[1], "stderr F ") == 0, "got '%s'", r[1]);
}

static void partialFlushed_thenContinued_joinsItsLine(void) {
  char path[256], r[8][64];
  struct log_writer *w = open_log("continued", 0, 1, 0, path);
  feed(w, 0, "ab");
  logw_flush_partial(w, 0);
  feed(w, 0, "c\n");
  logw_end_stream(w, 0); /* nothing open: no record */
  logw_close(w);
  int n = records(path, r, 8);
  CHECK(n == 2, "2 records, got %d", n);
  CHECK(strcmp(r[0], "stdout P ab") == 0 && strcmp(r[1], "stdout F c") == 0, "got '%s' '%s'", r[0], r[1]);
}

static void lineLongerThanAPiece_isSplitIntoPiecesThenEnds(void) {
  char path[256], r[8][64];
  struct log_writer *w = open_log("long", 0, 1, 0, path);
  size_t len = 40000; /* 16 KiB pieces: 16384 + 16384 + 7232 */
  char *line = malloc(len + 2);
  memset(line, 'x', len);
  line[len] = '\n';
  line[len + 1] = '\0';
  feed(w, 0, line);
  feed(w, 0, "tail without newline");
  logw_end_stream(w, 0);
  logw_close(w);
  free(line);
  int n = records(path, r, 8);
  CHECK(n == 4, "4 records, got %d", n);
  CHECK(strncmp(r[0], "stdout P xxx", 12) == 0 && strncmp(r[1], "stdout P xxx", 12) == 0, "pieces: '%s' '%s'", r[0], r[1]);
  CHECK(strncmp(r[2], "stdout F xxx", 12) == 0, "end of the long line: '%s'", r[2]);
  CHECK(strcmp(r[3], "stdout F tail without newline") == 0, "got '%s'", r[3]);
}

static void streams_keepTheirOwnOpenLines(void) {
  char path[256], r[8][64];
  struct log_writer *w = open_log("streams", 0, 1, 0, path);
  feed(w, 0, "out-");
  feed(w, 1, "err-");
  feed(w, 0, "line\n");
  logw_end_stream(w, 0);
  logw_end_stream(w, 1);
  logw_close(w);
  int n = records(path, r, 8);
  CHECK(n == 2, "2 records, got %d", n);
  CHECK(strcmp(r[0], "stdout F out-line") == 0 && strcmp(r[1], "stderr F err-") == 0, "got '%s' '%s'", r[0], r[1]);
}

static void rotation_keepsMaxFiles_andCompressesTheRotated(void) {
  char path[256], rotated[300], r[4][64];
  struct log_writer *w = open_log("rot", 100, 3, 1, path);
  for (int i = 0; i < 5; i++) {
    char line[64];
    snprintf(line, sizeof line, "line %d of a log that rotates\n", i);
    feed(w, 0, line);
    logw_commit(w); /* rotation happens between batches */
  }
  logw_close(w); /* waits for the last compression */
  struct stat st;
  snprintf(rotated, sizeof rotated, "%s.1.gz", path);
  CHECK(stat(rotated, &st) == 0, "%s exists", rotated);
  CHECK(records(rotated, r, 4) == 1 && strstr(r[0], "line 3") != NULL, "newest rotated holds line 3: '%s'", r[0]);
  snprintf(rotated, sizeof rotated, "%s.2.gz", path);
  CHECK(stat(rotated, &st) == 0, "%s exists", rotated);
  snprintf(rotated, sizeof rotated, "%s.1", path);
  CHECK(stat(rotated, &st) < 0, "%s was compressed away", rotated);
  snprintf(rotated, sizeof rotated, "%s.3.gz", path);
  CHECK(stat(rotated, &st) < 0, "max-file 3: no %s", rotated);
  CHECK(records(path, r, 4) == 1 && strstr(r[0], "line 4") != NULL, "current holds line 4: '%s'", r[0]);
}

static void maxFilesOne_truncatesInPlace(void) {
  char path[256], r[4][64], rotated[300];
  struct log_writer *w = open_log("one", 40, 1, 0, path);
  feed(w, 0, "first line of the log\n");
  logw_commit(w);
  feed(w, 0, "second line\n");
  logw_commit(w);
  logw_close(w);
  struct stat st;
  snprintf(rotated, sizeof rotated, "%s.1", path);
  CHECK(stat(rotated, &st) < 0, "no rotated file");
  CHECK(records(path, r, 4) == 1 && strcmp(r[0], "stdout F second line") == 0, "got '%s'", r[0]);
}

int main(void) {
  if (mkdtemp(dir) == NULL) return 2;
  finalLineWithoutNewline_endsAsAFullRecord();
  partialFlushedEarlier_isClosedByAnEmptyFullRecord();
  partialFlushed_thenContinued_joinsItsLine();
  lineLongerThanAPiece_isSplitIntoPiecesThenEnds();
  streams_keepTheirOwnOpenLines();
  rotation_keepsMaxFiles_andCompressesTheRotated();
  maxFilesOne_truncatesInPlace();
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
  printf("logwriter_test: %s (7 tests)\n", failures ? "FAILED" : "ok");
  return failures ? 1 : 0;
}
