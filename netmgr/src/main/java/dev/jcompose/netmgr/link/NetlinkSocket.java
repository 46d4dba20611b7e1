package dev.jcompose.netmgr.link;

import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.sys.Netns;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * A NETLINK_ROUTE socket bound to one network namespace: a socket belongs to the netns its creator
 * thread was in, so the constructor switches a short-lived thread into the target netns only for
 * the socket() call. Requests are synchronous (send, then read the ACK). Not thread-safe.
 */
public final class NetlinkSocket implements AutoCloseable {
  private static final int AF_NETLINK = 16;
  private static final int SOCK_RAW_CLOEXEC = 3 | 0x80000;
  private static final int O_RDONLY_CLOEXEC = 0x80000;
  private static final int NLMSG_ERROR = 2;
  private static final int NLMSG_DONE = 3;
  private static final int NETLINK_ROUTE = 0;
  private static final int MSG_DONTWAIT = 0x40;
  private static final int EAGAIN = 11;

  /** A dump answer arrives in datagrams of up to a page or two; 64 KiB never truncates one. */
  private static final int DUMP_BUFFER = 64 * 1024;

  private static final int RTM_GETLINK = 18;
  private static final int IFLA_IFNAME = 3;
  private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
  private final int fd;
  private int seq;

  /** The libc calls used; jnr-ffi binds them at load. */
  public interface LibC {
    int socket(int domain, int type, int protocol);

    int open(String path, int flags);

    int close(int fd);

    long send(int fd, byte[] buf, long len, int flags);

    long recv(int fd, byte[] buf, long len, int flags);

    String strerror(int errnum);
  }

  private NetlinkSocket(int fd) {
    this.fd = fd;
  }

  static NetlinkSocket inCurrentNamespace() {
    return new NetlinkSocket(
        check(LIBC.socket(AF_NETLINK, SOCK_RAW_CLOEXEC, 0), "socket(AF_NETLINK)"));
  }

  /** Opens a socket in the netns at {@code path} without moving any long-lived thread there. */
  static NetlinkSocket inNamespace(Path path) {
    return inNamespace(path, NETLINK_ROUTE);
  }

  /** A socket of netlink {@code protocol} (netlink(7): NETLINK_NETFILTER is 12) in a netns. */
  public static NetlinkSocket inNamespace(Path path, int protocol) {
    return new NetlinkSocket(
        Netns.inside(
            path,
            () ->
                check(
                    LIBC.socket(AF_NETLINK, SOCK_RAW_CLOEXEC, protocol),
                    "socket(AF_NETLINK) in " + path)));
  }

  /**
   * Sends an nfnetlink batch (BATCH_BEGIN, the messages, BATCH_END) in one datagram and checks the
   * answers: the kernel runs the whole batch as one transaction inside send(2), so every ACK or
   * error is queued when send returns and is read without waiting (MSG_DONTWAIT until EAGAIN).
   * Throws with the first error's errno; the transaction then changed nothing.
   */
  public void batch(List<NetlinkMessage> messages, String what) {
    ByteBuffer all = ByteBuffer.allocate(64 * 1024);
    for (NetlinkMessage m : messages) {
      all.put(m.toBytes());
    }
    byte[] wire = new byte[all.position()];
    all.flip().get(wire);
    if (LIBC.send(fd, wire, wire.length, 0) < 0) {
      throw fail(what + ": send", errno());
    }
    byte[] reply = new byte[8192];
    while (true) {
      long n = LIBC.recv(fd, reply, reply.length, MSG_DONTWAIT);
      if (n < 0) {
        int errno = errno();
        if (errno == EAGAIN) {
          return;
        }
        throw fail(what + ": recv", errno);
      }
      ByteBuffer b = ByteBuffer.wrap(reply, 0, (int) n).order(ByteOrder.nativeOrder());
      for (int at = 0; at + NetlinkReply.NLMSG_HDRLEN <= n; ) {
        int len = b.getInt(at);
        if (len < NetlinkReply.NLMSG_HDRLEN) {
          break;
        }
        if (b.getShort(at + 4) == NLMSG_ERROR && b.getInt(at + 16) != 0) {
          throw fail(what, -b.getInt(at + 16));
        }
        at += NetlinkReply.align(len);
      }
    }
  }

  int nextSeq() {
    return ++seq;
  }

  /** The index of a link in this socket's netns (RTM_GETLINK by name). */
  int index(String name) {
    ByteBuffer b =
        exchange(
            NetlinkMessage.get(RTM_GETLINK, nextSeq()).ifinfo(0, 0, 0).string(IFLA_IFNAME, name),
            "look up " + name);
    return b.getInt(20);
  }

  /** Opens a namespace file for IFLA_NET_NS_FD; the caller closes it with {@link #closeFd}. */
  static int openFd(Path path) {
    return check(LIBC.open(path.toString(), O_RDONLY_CLOEXEC), "open netns " + path);
  }

  static void closeFd(int fd) {
    LIBC.close(fd);
  }

  /** Sends a request and waits for its ACK; throws with errno and {@code what} on a NACK. */
  void request(NetlinkMessage m, String what) {
    exchange(m, what);
  }

  /**
   * Sends a dump request and returns every object of the answer, each parsed with a fixed header of
   * {@code headerSize} bytes, until the kernel's NLMSG_DONE.
   */
  List<NetlinkReply> dump(NetlinkMessage m, int headerSize, String what) {
    send(m, what);
    List<NetlinkReply> out = new ArrayList<>();
    byte[] reply = new byte[DUMP_BUFFER];
    while (true) {
      long n = LIBC.recv(fd, reply, reply.length, 0);
      if (n < 0) {
        throw fail(what + ": recv", errno());
      }
      ByteBuffer b = ByteBuffer.wrap(reply, 0, (int) n).order(ByteOrder.nativeOrder());
      int at = 0;
      while (at + NetlinkReply.NLMSG_HDRLEN <= n) {
        int len = b.getInt(at);
        int type = b.getShort(at + 4);
        if (len < NetlinkReply.NLMSG_HDRLEN || at + len > n) {
          throw new NetworkException(
              NetworkException.Kind.INTERNAL, what + ": malformed netlink answer");
        }
        if (type == NLMSG_DONE) {
          return out;
        }
        if (type == NLMSG_ERROR && b.getInt(at + 16) != 0) {
          throw fail(what, -b.getInt(at + 16));
        }
        out.add(NetlinkReply.parse(b.duplicate().position(at).limit(at + len), headerSize));
        at += NetlinkReply.align(len);
      }
    }
  }

  private void send(NetlinkMessage m, String what) {
    byte[] wire = m.toBytes();
    if (LIBC.send(fd, wire, wire.length, 0) < 0) {
      throw fail(what + ": send", errno());
    }
  }

  private ByteBuffer exchange(NetlinkMessage m, String what) {
    send(m, what);
    byte[] reply = new byte[8192];
    long n = LIBC.recv(fd, reply, reply.length, 0);
    if (n < 0) {
      throw fail(what + ": recv", errno());
    }
    ByteBuffer b = ByteBuffer.wrap(reply, 0, (int) n).order(ByteOrder.nativeOrder());
    if (b.getShort(4) == NLMSG_ERROR && b.getInt(16) != 0) {
      throw fail(what, -b.getInt(16));
    }
    return b;
  }

  private static NetworkException fail(String what, int errno) {
    return new NetlinkError(
        what + " failed: errno " + errno + " (" + LIBC.strerror(errno) + ")", errno);
  }

  private static int errno() {
    return LastError.getLastError(Runtime.getRuntime(LIBC));
  }

  private static int check(int rc, String what) {
    if (rc < 0) {
      throw fail(what, errno());
    }
    return rc;
  }

  @Override
  public void close() {
    LIBC.close(fd);
  }
}
