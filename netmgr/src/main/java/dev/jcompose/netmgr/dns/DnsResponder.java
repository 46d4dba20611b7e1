package dev.jcompose.netmgr.dns;

import dev.jcompose.netmgr.ipam.IpAddress;
import dev.jcompose.netmgr.ipam.Ipv4;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Decides the answer to one query from a {@link DnsView}: a local answer, or "forward". No I/O.
 *
 * <p>Semantics (docker/aardvark): TTL 0 because a container may come back with another address;
 * known names without the asked type get NOERROR with no answer (so resolvers do not give up on the
 * A lookup); addresses of a multi-endpoint name are rotated per query; PTR for container addresses;
 * unknown names in our subnets' reverse zones are NXDOMAIN, never leaked upstream; clients only on
 * internal networks get NXDOMAIN instead of forwarding (aardvark).
 */
public final class DnsResponder {
  static final long TTL = 0;
  private final AtomicInteger rotation = new AtomicInteger();

  /** The outcome: {@code response} to send, or null with {@code forward} true. */
  public record Decision(Message response, boolean forward, List<String> servers) {}

  /** A query that arrived on {@code listener}'s gateway socket from {@code client}. */
  public Decision decide(DnsView view, String listener, int client, Message query) {
    return decide(view.visibleTo(listener, client), view.serversOf(listener, client), query);
  }

  /** A query that arrived on a container's own resolver (127.0.0.11). */
  public Decision decideFor(DnsView view, String containerId, Message query) {
    return decide(
        view.visibleToContainer(containerId), view.serversOfContainer(containerId), query);
  }

  private Decision decide(List<DnsView.Net> nets, List<String> servers, Message query) {
    Record question = query.getQuestion();
    if (question == null || query.getHeader().getFlag(Flags.QR)) {
      return local(reply(query, Rcode.FORMERR));
    }
    if (query.getHeader().getOpcode() != Opcode.QUERY) {
      return local(reply(query, Rcode.NOTIMP));
    }
    if (nets.isEmpty()) {
      return local(reply(query, Rcode.REFUSED));
    }
    String name = DnsView.normalize(question.getName().toString());
    if (question.getType() == Type.PTR) {
      Decision ptr = reverse(query, nets, name);
      if (ptr != null) {
        return ptr;
      }
    }
    List<Integer> addresses = lookup(nets, name);
    if (!addresses.isEmpty()) {
      return local(addresses(query, question, addresses, lookup6(nets, name)));
    }
    if (nets.stream().allMatch(DnsView.Net::internal)) {
      return local(reply(query, Rcode.NXDOMAIN));
    }
    return new Decision(null, true, servers);
  }

  private static Decision local(Message m) {
    return new Decision(m, false, List.of());
  }

  private Message addresses(
      Message query, Record question, List<Integer> addresses, List<IpAddress> addresses6) {
    Message m = reply(query, Rcode.NOERROR);
    int shift = nextRotation();
    if (question.getType() == Type.A || question.getType() == Type.ANY) {
      List<Integer> rotated = new ArrayList<>(addresses);
      Collections.rotate(rotated, -Math.floorMod(shift, rotated.size()));
      rotated.forEach(
          a ->
              m.addRecord(
                  new ARecord(question.getName(), DClass.IN, TTL, inet(a)), Section.ANSWER));
    }
    if ((question.getType() == Type.AAAA || question.getType() == Type.ANY)
        && !addresses6.isEmpty()) {
      List<IpAddress> rotated = new ArrayList<>(addresses6);
      Collections.rotate(rotated, -Math.floorMod(shift, rotated.size()));
      rotated.forEach(
          a ->
              m.addRecord(
                  new AAAARecord(question.getName(), DClass.IN, TTL, inet6(a)), Section.ANSWER));
    }
    return m;
  }

  /** The rotation of this query's addresses: one step per answered query, shared by both paths. */
  int nextRotation() {
    return rotation.getAndIncrement();
  }

  static List<IpAddress> lookup6(List<DnsView.Net> nets, String name) {
    Set<IpAddress> out = new LinkedHashSet<>();
    for (DnsView.Net net : nets) {
      out.addAll(net.names6().getOrDefault(name, List.of()));
      String suffix = net.suffix();
      if (name.endsWith(suffix)) {
        out.addAll(
            net.names6()
                .getOrDefault(name.substring(0, name.length() - suffix.length()), List.of()));
      }
    }
    return List.copyOf(out);
  }

  static List<Integer> lookup(List<DnsView.Net> nets, String name) {
    if (nets.size() == 1 && !name.endsWith(nets.get(0).suffix())) {
      // the common case, one network and a plain name: its list as it is (never modified)
      return nets.get(0).names().getOrDefault(name, List.of());
    }
    Set<Integer> out = new LinkedHashSet<>();
    for (DnsView.Net net : nets) {
      out.addAll(net.names().getOrDefault(name, List.of()));
      // docker also resolves <name>.<network>
      String suffix = net.suffix();
      if (name.endsWith(suffix)) {
        out.addAll(
            net.names()
                .getOrDefault(name.substring(0, name.length() - suffix.length()), List.of()));
      }
    }
    return List.copyOf(out);
  }

  private static Decision reverse(Message query, List<DnsView.Net> nets, String name) {
    IpAddress v6 = ip6ArpaToAddress(name);
    if (v6 != null) {
      return reverse6(query, nets, v6);
    }
    Integer address = arpaToAddress(name);
    if (address == null) {
      return null;
    }
    for (DnsView.Net net : nets) {
      String target = net.ptr().get(address);
      if (target != null) {
        Message m = reply(query, Rcode.NOERROR);
        m.addRecord(
            new PTRRecord(query.getQuestion().getName(), DClass.IN, TTL, absolute(target)),
            Section.ANSWER);
        return local(m);
      }
    }
    boolean ours = nets.stream().anyMatch(n -> n.subnet().contains(address));
    return ours ? local(reply(query, Rcode.NXDOMAIN)) : null;
  }

  private static Decision reverse6(Message query, List<DnsView.Net> nets, IpAddress address) {
    for (DnsView.Net net : nets) {
      String target = net.ptr6().get(address);
      if (target != null) {
        Message m = reply(query, Rcode.NOERROR);
        m.addRecord(
            new PTRRecord(query.getQuestion().getName(), DClass.IN, TTL, absolute(target)),
            Section.ANSWER);
        return local(m);
      }
    }
    return null;
  }

  /** The address of a name under ip6.arpa (32 nibbles, least significant first), or null. */
  static IpAddress ip6ArpaToAddress(String name) {
    String suffix = ".ip6.arpa";
    if (!name.endsWith(suffix)) {
      return null;
    }
    String[] nibbles = name.substring(0, name.length() - suffix.length()).split("\\.", -1);
    if (nibbles.length != 32) {
      return null;
    }
    StringBuilder hex = new StringBuilder();
    for (int i = nibbles.length - 1; i >= 0; i--) {
      if (nibbles[i].length() != 1 || Character.digit(nibbles[i].charAt(0), 16) < 0) {
        return null;
      }
      hex.append(nibbles[i]);
    }
    return IpAddress.ofBytes(java.util.HexFormat.of().parseHex(hex));
  }

  static Integer arpaToAddress(String name) {
    String suffix = ".in-addr.arpa";
    if (!name.endsWith(suffix)) {
      return null;
    }
    String[] octets = name.substring(0, name.length() - suffix.length()).split("\\.", -1);
    if (octets.length != 4) {
      return null;
    }
    String dotted = octets[3] + "." + octets[2] + "." + octets[1] + "." + octets[0];
    return Ipv4.isValid(dotted) ? Ipv4.parse(dotted) : null;
  }

  /** A response header for {@code query}: same id and question, QR/RA, AA for local answers. */
  static Message reply(Message query, int rcode) {
    Message m = new Message(query.getHeader().getID());
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setFlag(Flags.RA);
    if (query.getHeader().getFlag(Flags.RD)) {
      m.getHeader().setFlag(Flags.RD);
    }
    if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
      m.getHeader().setFlag(Flags.AA);
    }
    m.getHeader().setRcode(rcode);
    if (query.getQuestion() != null) {
      m.addRecord(query.getQuestion(), Section.QUESTION);
    }
    OPTRecord opt = query.getOPT();
    if (opt != null) {
      m.addRecord(new OPTRecord(DnsWire.EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
    }
    return m;
  }

  private static Name absolute(String name) {
    try {
      return Name.fromString(name, Name.root);
    } catch (TextParseException e) {
      return Name.root;
    }
  }

  private static InetAddress inet6(IpAddress address) {
    try {
      return InetAddress.getByAddress(address.bytes());
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InetAddress inet(int address) {
    try {
      return InetAddress.getByAddress(
          new byte[] {
            (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
          });
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
