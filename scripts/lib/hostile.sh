# shellcheck shell=bash
# Hostile layers for the security tests: each tar tries one way out of the layer's root, as a
# malicious image would, aimed at $HOSTILE_TARGET, a host directory the tests create and inspect.
# GNU tar writes them: -P keeps crafted names and link targets ('..', a leading '/') as given and
# --transform renames members after they were read from disk. Members go in the order given (no
# --sort), because the order is the attack: a symlink first, then a file "through" it. Needs root
# (device nodes). The caller sets work and busybox_bin and reads LAYER_* (see oci.sh).
# shellcheck disable=SC2034,SC2154

HOSTILE_TARGET=/tmp/jcompose-hostile
HOSTILE_UP=../../../../../../../../../../../../../../..   # deeper than any data root

# craft NAME DIR TAR-OPTION... MEMBER...: adds DIR's members to $work/NAME.tar (begun if absent)
craft() {
  local name="$1" dir="$2"; shift 2
  local mode=-c
  [ -f "$work/$name.tar" ] && mode=-r
  tar -C "$dir" -P --no-recursion --mtime="$MTIME" --numeric-owner --format=posix \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,atime:=1700000000,ctime:=1700000000 "$mode" -f "$work/$name.tar" "$@"
}

hostile_src() {
  local d="$work/hostile-src-$1"
  rm -rf "$d" && mkdir -p "$d" && echo "$d"
}

# A file named ../../(...)/tmp/jcompose-hostile/dotdot: refused (climbs out of the root).
hostile_dotdot() {
  local d; d="$(hostile_src dotdot)"
  echo "written by a '..' entry" > "$d/dotdot"
  craft hostile-dotdot "$d" --transform="s,^dotdot\$,$HOSTILE_UP$HOSTILE_TARGET/dotdot," dotdot
  layer_tar "$work/hostile-dotdot.tar" hostile-dotdot
}

# esc -> /tmp/jcompose-hostile, then esc/through-abs: refused (the parent is a symlink).
hostile_symlink() {
  local d; d="$(hostile_src symlink)"
  ln -s "$HOSTILE_TARGET" "$d/esc"
  mkdir "$d/dir" && echo "written through an absolute symlink" > "$d/dir/through-abs"
  craft hostile-symlink "$d" --transform='flags=r;s,^dir/,esc/,' esc dir/through-abs
  layer_tar "$work/hostile-symlink.tar" hostile-symlink
}

# rel -> ../../(...)/tmp/jcompose-hostile, then rel/through-rel: refused (the parent is a symlink).
hostile_relsymlink() {
  local d; d="$(hostile_src relsymlink)"
  ln -s "$HOSTILE_UP$HOSTILE_TARGET" "$d/rel"
  mkdir "$d/dir" && echo "written through a relative symlink" > "$d/dir/through-rel"
  craft hostile-relsymlink "$d" --transform='flags=r;s,^dir/,rel/,' rel dir/through-rel
  layer_tar "$work/hostile-relsymlink.tar" hostile-relsymlink
}

# A hard link to ../../(...)/tmp/jcompose-hostile/canary: refused (its target climbs out).
hostile_hardlink() {
  local d; d="$(hostile_src hardlink)"
  echo x > "$d/a" && ln "$d/a" "$d/link"
  craft hostile-hardlink "$d" --transform="flags=h;s,^a\$,$HOSTILE_UP$HOSTILE_TARGET/canary," a link
  layer_tar "$work/hostile-hardlink.tar" hostile-hardlink
}

# esc -> /tmp/jcompose-hostile, then the whiteout esc/.wh.canary: refused (the parent is a symlink).
hostile_whiteout() {
  local d; d="$(hostile_src whiteout)"
  ln -s "$HOSTILE_TARGET" "$d/esc"
  mkdir "$d/dir" && : > "$d/dir/.wh.canary"
  craft hostile-whiteout "$d" --transform='flags=r;s,^dir/,esc/,' esc dir/.wh.canary
  layer_tar "$work/hostile-whiteout.tar" hostile-whiteout
}

# etc -> /tmp/jcompose-hostile/etc over busybox's etc: accepted (it resolves inside the
# container), but the host must not read users from the passwd it points at.
hostile_etclink() {
  local d; d="$(hostile_src etclink)"
  ln -s "$HOSTILE_TARGET/etc" "$d/etc"
  craft hostile-etclink "$d" etc
  layer_tar "$work/hostile-etclink.tar" hostile-etclink
}

# Two layers of what is accepted and must be neutralised; sets NEUTRAL_LOWER and NEUTRAL_UPPER.
# Lower: symlinks out of the root (kept: they resolve inside the container) and opq/lowerfile.
# Upper: esc/through-layer (esc becomes a directory of this layer), an absolute name (lands at
# the root), a hard link whose target is written /etc/hostile-passwd (the layer's own file), a
# setuid binary (kept, as docker keeps it), a block device (made as docker makes it; the devices
# cgroup refuses opening it), and forged overlay xattrs: forged/ redirected to /etc and an opaque
# opq/ (both dropped: forged/ shows only its own file, opq/ both layers' files).
hostile_neutral() {
  local d; d="$(hostile_src neutral-lower)"
  ln -s "$HOSTILE_TARGET" "$d/esc"
  ln -s "$HOSTILE_UP$HOSTILE_TARGET" "$d/rel"
  mkdir "$d/opq" && echo lower > "$d/opq/lowerfile"
  craft hostile-neutral-lower "$d" esc rel opq opq/lowerfile
  layer_tar "$work/hostile-neutral-lower.tar" hostile-neutral-lower
  NEUTRAL_LOWER=("$LAYER_DIGEST" "$LAYER_SIZE" "$LAYER_DIFFID")

  d="$(hostile_src neutral-upper)"
  local up=hostile-neutral-upper
  mkdir -p "$d/esc" "$d/etc" "$d/forged" "$d/opq"
  echo "written in its own layer" > "$d/esc/through-layer"
  echo "an absolute name" > "$d/abs-name"
  echo "the image's own" > "$d/etc/hostile-passwd" && ln "$d/etc/hostile-passwd" "$d/hl"
  echo own > "$d/forged/own"
  echo upper > "$d/opq/upperfile"
  cp "$busybox_bin" "$d/suid" && chmod 4755 "$d/suid"
  mknod "$d/loop0" b 7 0
  craft "$up" "$d" --transform='s,^abs-name$,/abs-name,' esc esc/through-layer abs-name suid loop0 forged/own opq/upperfile
  craft "$up" "$d" --pax-option='SCHILY.xattr.trusted.overlay.redirect:=/etc' forged
  craft "$up" "$d" --pax-option='SCHILY.xattr.trusted.overlay.opaque:=y' opq
  # both names in one run, so the second is stored as a hard link to the first
  craft "$up" "$d" --transform='flags=h;s,^etc/hostile-passwd$,/etc/hostile-passwd,' etc etc/hostile-passwd hl
  layer_tar "$work/$up.tar" "$up"
  NEUTRAL_UPPER=("$LAYER_DIGEST" "$LAYER_SIZE" "$LAYER_DIFFID")
}

# Builds every hostile layer and pushes jcompose-test/hostile-<kind>:latest; BASE is busybox.
hostile_images() {
  local kind
  for kind in dotdot symlink relsymlink hardlink whiteout etclink; do
    "hostile_$kind"
    image "jcompose-test/hostile-$kind:latest" -- "$PATH_ENV,\"Cmd\":[\"sh\"]" "${BASE[@]}" "$LAYER_DIGEST" "$LAYER_SIZE" "$LAYER_DIFFID"
  done
  hostile_neutral
  image jcompose-test/hostile-neutral:latest -- "$PATH_ENV,\"Cmd\":[\"sh\"]" "${BASE[@]}" "${NEUTRAL_LOWER[@]}" "${NEUTRAL_UPPER[@]}"
}
