package dev.jcompose.runtime.container;

import java.util.List;

/**
 * The resolved identity of a container's process, computed once at create from the spec and the
 * image's passwd/group files; reused for restarts and as the default of every exec.
 */
record ProcessIdentity(
    long uid,
    long gid,
    List<Long> groups,
    long capabilities,
    boolean noNewPrivileges,
    List<String> env,
    String cwd) {}
