/* jcshim: the per-container native helper of jcompose.
 *
 * Policy-free: Java decides every namespace, mount, capability and limit and sends them as a
 * config file (see config.c for the format); this program only executes them, in the order the
 * kernel requires, and reports failures as errno + message. Error handling follows crun's habit:
 * functions that can fail return < 0 and fill a struct shim_err. */
#ifndef JCSHIM_H
#define JCSHIM_H

#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct shim_err {
  int errnum;
  char msg[512];
};

/* Fills err with errno and a formatted message; always returns -1 so callers can `return fail(...)`. */
int fail(struct shim_err *err, int errnum, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
#define fail_errno(err, ...) fail((err), errno, __VA_ARGS__)

void close_fdp(int *fd);
void free_p(void *p);
#define cleanup_fd __attribute__((cleanup(close_fdp)))
#define cleanup_free __attribute__((cleanup(free_p)))

/* ---- config (config.c) ---- */
struct cfg_entry {
  const char *key;
  char *val; /* NUL-terminated; may contain further NUL-separated fields */
  size_t len;
};

struct shim_config {
  char *buf;
  struct cfg_entry *entries;
  size_t n;
};

int config_load(const char *path, struct shim_config *cfg, struct shim_err *err);
int config_parse(char *buf, size_t len, struct shim_config *cfg, struct shim_err *err);
const char *cfg_get(const struct shim_config *cfg, const char *key);
long long cfg_get_ll(const struct shim_config *cfg, const char *key, long long dflt);
/* Iteration: pass *pos = 0 first; returns the next entry with that key or NULL. */
const struct cfg_entry *cfg_next(const struct shim_config *cfg, const char *key, size_t *pos);
size_t cfg_count(const struct shim_config *cfg, const char *key);
/* Splits a NUL-separated value into at most max fields; returns the number found. */
size_t cfg_fields(const struct cfg_entry *e, const char **out, size_t max);
/* NULL-terminated array of all values for key (pointers into cfg); caller frees the array. */
char **cfg_list(const struct shim_config *cfg, const char *key);

/* ---- io helpers (util.c) ---- */
int write_all(int fd, const void *buf, size_t len);
int write_file_atomic(int dirfd, const char *name, const char *data, size_t len, struct shim_err *err);
int write_file_str(const char *path, const char *data, struct shim_err *err);
/* Sends "E<errno>\0<message>" or "O" on a SEQPACKET socket. */
void send_status(int fd, const struct shim_err *err);
int recv_status(int fd, struct shim_err *err);
int set_cloexec_from(int first);
void set_name(const char *name);

/* ---- log writer (logwriter.c) ---- */
struct log_stream;
struct log_writer;
/* Rotation at max_size (0 = never) keeping max_files files; compress gzips the rotated ones. */
struct log_writer *logw_open(const char *path, long long max_size, int max_files, int compress, struct shim_err *err);
/* Consumes bytes read from stream 0 (stdout) or 1 (stderr); lines are written with a timestamp. */
int logw_feed(struct log_writer *w, int stream, const char *data, size_t len);
/* Writes a pending partial line (if any) of the stream as a P record: its line stays open. */
void logw_flush_partial(struct log_writer *w, int stream);
/* The stream ended: its open line (pending text, or P records already written) ends with an F. */
void logw_end_stream(struct log_writer *w, int stream);
int logw_has_partial(const struct log_writer *w);
int logw_commit(struct log_writer *w);
void logw_close(struct log_writer *w);

/* ---- container init side (rootfs.c, devices.c, namespaces.c, process.c) ---- */
/* openat2(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS): a path inside the root that cannot leave it. */
int open_in_root(int rootfd, const char *path, int flags);
int make_device(int rootfd, const struct cfg_entry *e, struct shim_err *err);
int join_namespaces(const struct shim_config *cfg, int pid_only, struct shim_err *err);
/* console.c: the init's pty from the container's devpts, master sent on sync; the monitor's side */
int setup_console(int sync, struct shim_err *err);
int recv_fd(int sock, int *fd);
int setup_rootfs(const struct shim_config *cfg, struct shim_err *err);
int finish_rootfs(const struct shim_config *cfg, struct shim_err *err);
int apply_sysctls(const struct shim_config *cfg, struct shim_err *err);
int apply_rlimits(const struct shim_config *cfg, struct shim_err *err);
int apply_identity(const struct shim_config *cfg, struct shim_err *err);
int enter_cwd(const struct shim_config *cfg, struct shim_err *err);
int exec_process(const struct shim_config *cfg, struct shim_err *err);

/* ---- seccomp (seccomp.c): loads the `seccomp` BPF program, if the config has one ---- */
int load_seccomp(const struct shim_config *cfg, struct shim_err *err);

/* ---- sealed.c: continue from a sealed memfd copy of this binary (CVE-2019-5736) ---- */
int ensure_sealed(char **argv, struct shim_err *err);

/* ---- modes ---- */
int mode_create(const char *config_path);
int mode_exec(int argc, char **argv);
int mode_umount(const char *path);

#endif
