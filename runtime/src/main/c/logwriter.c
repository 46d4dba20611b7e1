/* Container log file writer. One record per line, CRI style:
 *     2026-11-22T07:40:42.123456789Z stdout F text
 * 'F' ends a line, 'P' is a piece of a line still open (lines over LINE_MAX_PIECE bytes, or a
 * partial line flushed after a quiet period). When a stream ends (the container exited, or was
 * killed mid-line) the open line is closed with an F record, empty if its text was already written,
 * so the last line a container prints without a newline is a line like any other for readers.
 * One timestamp per read() batch and one write() per batch keep a 1M-line burst well under a
 * second. With a size limit the file rotates between batches, so a file may exceed the limit by at
 * most one batch (1 MiB); with compression a rotated file is gzipped by a child process, as
 * docker's json-file compresses rotated files in the background. */
#include "jcshim.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define OUT_CAP (1024 * 1024)
#define LINE_MAX_PIECE (16 * 1024) /* docker's json-file splits at 16 KiB too */
#define TS_LEN 30                  /* "YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ" */

struct log_writer {
  int fd;
  const char *path;
  off_t size, max_size; /* max_size 0 = never rotate */
  int max_files;        /* files kept including the current one */
  int compress;         /* rotated files become <log>.<n>.gz */
  pid_t compressor;     /* the child gzipping <log>.1, 0 when none */
  char *out;
  size_t used;
  char pending[2][LINE_MAX_PIECE];
  size_t plen[2];
  int open[2]; /* the last record of the stream was a P: its line is not ended yet */
  char ts[TS_LEN + 1];
  time_t cached_sec;
};

static const char *const STREAM_TAG[2] = {" stdout ", " stderr "};

struct log_writer *logw_open(const char *path, long long max_size, int max_files, int compress, struct shim_err *err) {
  struct log_writer *w = calloc(1, sizeof *w);
  if (w == NULL) return fail(err, ENOMEM, "log writer"), NULL;
  w->out = malloc(OUT_CAP);
  w->fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
  struct stat st;
  if (w->out == NULL || w->fd < 0 || fstat(w->fd, &st) < 0) {
    fail_errno(err, "open log %s", path);
    logw_close(w);
    return NULL;
  }
  w->path = path;
  w->size = st.st_size;
  w->max_size = max_size;
  w->max_files = max_files < 1 ? 1 : max_files;
  w->compress = compress && w->max_files > 1;
  w->cached_sec = -1;
  return w;
}

/* Runs in a child of the monitor: <src> -> <src>.gz (via a temp file), then <src> goes. */
static __attribute__((noreturn)) void gzip_and_exit(const char *src) {
  char dst[4200], tmp[4300];
  snprintf(dst, sizeof dst, "%s.gz", src);
  snprintf(tmp, sizeof tmp, "%s.tmp", dst);
  setpriority(PRIO_PROCESS, 0, 10); /* the container's own work comes first */
  int in = open(src, O_RDONLY | O_CLOEXEC);
  int out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  gzFile gz = out < 0 ? NULL : gzdopen(out, "wb6");
  if (in < 0 || gz == NULL) _exit(1);
  static char buf[1 << 16];
  ssize_t n;
  while ((n = read(in, buf, sizeof buf)) > 0)
    if (gzwrite(gz, buf, (unsigned)n) != (int)n) _exit(1);
  if (n < 0 || gzclose(gz) != Z_OK || rename(tmp, dst) < 0) _exit(1);
  unlink(src);
  _exit(0);
}

static void await_compressor(struct log_writer *w) {
  if (w->compressor > 0) waitpid(w->compressor, NULL, 0); /* ECHILD: the monitor reaped it already */
  w->compressor = 0;
}

/* docker json-file style: path -> path.1 -> ... -> path.<max_files-1>, oldest dropped; with
 * compression the shifted files are path.<n>.gz and the new path.1 is gzipped in the background. */
static void rotate(struct log_writer *w) {
  char from[4096], to[4096];
  const char *ext = w->compress ? ".gz" : "";
  if (w->compress) await_compressor(w); /* path.1 must be path.1.gz before it moves on */
  for (int i = w->max_files - 1; i >= 1; i--) {
    if (i == 1)
      snprintf(from, sizeof from, "%s", w->path);
    else
      snprintf(from, sizeof from, "%s.%d%s", w->path, i - 1, ext);
    snprintf(to, sizeof to, "%s.%d%s", w->path, i, i == 1 ? "" : ext);
    rename(from, to);
  }
  if (w->compress) {
    snprintf(from, sizeof from, "%s.1", w->path);
    pid_t pid = fork();
    if (pid == 0) gzip_and_exit(from);
    w->compressor = pid > 0 ? pid : 0;
  }
  int fd = open(w->path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0640);
  if (fd < 0) return; /* keep writing to the old file rather than lose output */
  close(w->fd);
  w->fd = fd;
  w->size = 0;
}

static void stamp(struct log_writer *w) {
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  if (now.tv_sec != w->cached_sec) {
    struct tm tm;
    gmtime_r(&now.tv_sec, &tm);
    strftime(w->ts, sizeof w->ts, "%Y-%m-%dT%H:%M:%S.", &tm);
    w->cached_sec = now.tv_sec;
  }
  long ns = now.tv_nsec;
  for (int i = 28; i >= 20; i--, ns /= 10) w->ts[i] = (char)('0' + ns % 10);
  w->ts[29] = 'Z';
  w->ts[30] = '\0';
}

int logw_commit(struct log_writer *w) {
  if (w->used == 0) return 0;
  if (w->max_size > 0 && w->size > 0 && w->size + (off_t)w->used > w->max_size) rotate(w);
  int rc = write_all(w->fd, w->out, w->used);
  w->size += (off_t)w->used;
  w->used = 0;
  return rc;
}

/* Appends one record made of up to two pieces (pending prefix + new bytes). */
static void emit(struct log_writer *w, int stream, char tag, const char *a, size_t alen, const char *b, size_t blen) {
  size_t need = TS_LEN + 8 + 2 + alen + blen + 1;
  if (w->used + need > OUT_CAP) logw_commit(w);
  char *o = w->out + w->used;
  memcpy(o, w->ts, TS_LEN);
  memcpy(o + TS_LEN, STREAM_TAG[stream], 8);
  o += TS_LEN + 8;
  *o++ = tag;
  *o++ = ' ';
  memcpy(o, a, alen);
  memcpy(o + alen, b, blen);
  o[alen + blen] = '\n';
  w->used += need;
  w->open[stream] = tag == 'P';
}

static void hold(struct log_writer *w, int stream, const char *data, size_t len) {
  while (w->plen[stream] + len > LINE_MAX_PIECE) {
    size_t take = LINE_MAX_PIECE - w->plen[stream];
    emit(w, stream, 'P', w->pending[stream], w->plen[stream], data, take);
    w->plen[stream] = 0;
    data += take;
    len -= take;
  }
  memcpy(w->pending[stream] + w->plen[stream], data, len);
  w->plen[stream] += len;
}

int logw_feed(struct log_writer *w, int stream, const char *data, size_t len) {
  stamp(w);
  const char *end = data + len;
  while (data < end) {
    const char *nl = memchr(data, '\n', (size_t)(end - data));
    if (nl == NULL) {
      hold(w, stream, data, (size_t)(end - data));
      break;
    }
    size_t llen = (size_t)(nl - data);
    if (w->plen[stream] + llen > LINE_MAX_PIECE) {
      hold(w, stream, data, llen); /* emits P pieces, keeps the tail */
      llen = 0;
    }
    emit(w, stream, 'F', w->pending[stream], w->plen[stream], data, llen);
    w->plen[stream] = 0;
    data = nl + 1;
  }
  return 0;
}

void logw_flush_partial(struct log_writer *w, int stream) {
  if (w->plen[stream] == 0) return;
  stamp(w);
  emit(w, stream, 'P', w->pending[stream], w->plen[stream], "", 0);
  w->plen[stream] = 0;
}

/* The stream reached EOF: a line it left open ends here. */
void logw_end_stream(struct log_writer *w, int stream) {
  if (w->plen[stream] == 0 && !w->open[stream]) return;
  stamp(w);
  emit(w, stream, 'F', w->pending[stream], w->plen[stream], "", 0);
  w->plen[stream] = 0;
}

int logw_has_partial(const struct log_writer *w) { return w->plen[0] > 0 || w->plen[1] > 0; }

void logw_close(struct log_writer *w) {
  if (w == NULL) return;
  if (w->fd >= 0) {
    logw_commit(w);
    close(w->fd);
  }
  await_compressor(w);
  free(w->out);
  free(w);
}
