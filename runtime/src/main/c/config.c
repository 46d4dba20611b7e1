/* The config format Java sends: a sequence of records
 *     <key> SP <decimal length> LF <length bytes> LF
 * Keys repeat for lists; a value may hold several fields separated by NUL bytes. Length-prefixed so
 * that env values with newlines or any byte need no escaping, and the parser stays a few lines. */
#include "jcshim.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONFIG_MAX (16 * 1024 * 1024)

int config_load(const char *path, struct shim_config *cfg, struct shim_err *err) {
  cleanup_fd int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail_errno(err, "open config %s", path);
  struct stat st;
  if (fstat(fd, &st) < 0) return fail_errno(err, "stat config");
  if (st.st_size > CONFIG_MAX) return fail(err, EFBIG, "config too large");
  char *buf = malloc((size_t)st.st_size + 1);
  if (buf == NULL) return fail(err, ENOMEM, "config buffer");
  size_t got = 0;
  while (got < (size_t)st.st_size) {
    ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      free(buf);
      return fail_errno(err, "read config");
    }
    got += (size_t)r;
  }
  return config_parse(buf, got, cfg, err);
}

static int parse_len(const char **p, const char *end, size_t *out) {
  size_t v = 0;
  const char *s = *p;
  if (s >= end || *s < '0' || *s > '9') return -1;
  while (s < end && *s >= '0' && *s <= '9') {
    v = v * 10 + (size_t)(*s - '0');
    if (v > CONFIG_MAX) return -1;
    s++;
  }
  *p = s;
  *out = v;
  return 0;
}

static int add_entry(struct shim_config *cfg, size_t *cap, const char *key, char *val, size_t len) {
  if (cfg->n == *cap) {
    size_t ncap = *cap ? *cap * 2 : 64;
    struct cfg_entry *ne = realloc(cfg->entries, ncap * sizeof *ne);
    if (ne == NULL) return -1;
    cfg->entries = ne;
    *cap = ncap;
  }
  cfg->entries[cfg->n++] = (struct cfg_entry){key, val, len};
  return 0;
}

/* Parses in place: takes ownership of buf (len bytes, one spare byte allocated). */
int config_parse(char *buf, size_t len, struct shim_config *cfg, struct shim_err *err) {
  size_t cap = 0;
  char *p = buf, *end = buf + len;
  cfg->buf = buf;
  cfg->entries = NULL;
  cfg->n = 0;
  while (p < end) {
    char *key = p;
    char *sp = memchr(p, ' ', (size_t)(end - p));
    if (sp == NULL || sp == key) return fail(err, EINVAL, "config: bad key at offset %zu", (size_t)(key - buf));
    *sp = '\0';
    const char *q = sp + 1;
    size_t vlen;
    if (parse_len(&q, end, &vlen) < 0 || q >= end || *q != '\n')
      return fail(err, EINVAL, "config: bad length for key %s", key);
    char *val = (char *)q + 1;
    if ((size_t)(end - val) < vlen + 1 || val[vlen] != '\n')
      return fail(err, EINVAL, "config: truncated value for key %s", key);
    val[vlen] = '\0';
    if (add_entry(cfg, &cap, key, val, vlen) < 0) return fail(err, ENOMEM, "config entries");
    p = val + vlen + 1;
  }
  return 0;
}

const struct cfg_entry *cfg_next(const struct shim_config *cfg, const char *key, size_t *pos) {
  for (; *pos < cfg->n; (*pos)++)
    if (strcmp(cfg->entries[*pos].key, key) == 0) return &cfg->entries[(*pos)++];
  return NULL;
}

const char *cfg_get(const struct shim_config *cfg, const char *key) {
  const char *found = NULL;
  for (size_t i = 0; i < cfg->n; i++)
    if (strcmp(cfg->entries[i].key, key) == 0) found = cfg->entries[i].val;
  return found;
}

long long cfg_get_ll(const struct shim_config *cfg, const char *key, long long dflt) {
  const char *v = cfg_get(cfg, key);
  return v ? strtoll(v, NULL, 10) : dflt;
}

size_t cfg_count(const struct shim_config *cfg, const char *key) {
  size_t n = 0;
  for (size_t i = 0; i < cfg->n; i++)
    if (strcmp(cfg->entries[i].key, key) == 0) n++;
  return n;
}

size_t cfg_fields(const struct cfg_entry *e, const char **out, size_t max) {
  size_t n = 0;
  const char *p = e->val, *end = e->val + e->len;
  while (n < max && p <= end) {
    out[n++] = p;
    p += strlen(p) + 1;
  }
  return n;
}

char **cfg_list(const struct shim_config *cfg, const char *key) {
  size_t n = cfg_count(cfg, key), pos = 0, i = 0;
  char **v = calloc(n + 1, sizeof *v);
  if (v == NULL) return NULL;
  const struct cfg_entry *e;
  while ((e = cfg_next(cfg, key, &pos)) != NULL) v[i++] = e->val;
  return v;
}
