/**
 * Seccomp policy, compiled in Java: docker's default profile as jcompose data ({@code
 * /seccomp/docker-default.rules}), docker's JSON profile format for {@code seccomp=FILE}, moby's
 * rule selection by capability, architecture and kernel ({@link ProfileResolver}), and a compiler
 * to classic BPF ({@link SeccompCompiler}) that behaves as runc + libseccomp do: unlisted syscalls
 * get the default action, syscall numbers newer than any the profile names get ENOSYS, other
 * architectures are killed. The shim only loads the bytes ({@code seccomp} config key).
 */
package dev.jcompose.runtime.seccomp;
