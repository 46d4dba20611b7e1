package dev.jcompose.netmgr.dns;

import dev.jcompose.netmgr.ipam.IpAddress;
import java.util.List;

/**
 * The common query answered without dnsjava: one A or AAAA question (class IN) for a name the
 * container may see, optionally with an EDNS(0) OPT record, nothing else. The answer is written
 * straight into bytes, with the same content {@link DnsResponder} gives such a query (RFC 1035 4.1:
 * id, QR/AA/RA and the query's RD, its question bytes as sent, TTL 0 records whose owner is a
 * pointer to the question's name, rotated per query; an OPT of {@link DnsWire#EDNS_PAYLOAD} when
 * the query had one). Anything else — other types or classes, several records, unusual label
 * characters, EDNS versions above 0, unknown names, an answer over the client's size — returns null
 * and takes the full path. Parsing every query with dnsjava cost most of the resolver's time
 * (bench/compare.sh, DNS server rows).
 */
final class DnsFastAnswer {
  private static final int HEADER = 12;
  private static final int TYPE_A = 1;
  private static final int TYPE_AAAA = 28;
  private static final int TYPE_OPT = 41;
  private static final int CLASS_IN = 1;
  private static final int MAX_NAME = 255;

  private DnsFastAnswer() {}

  /**
   * The answer to {@code wire} from {@code nets} (the networks the client sees), or null when the
   * full path must decide.
   */
  static byte[] answer(DnsResponder responder, List<DnsView.Net> nets, byte[] wire, boolean tcp) {
    int length = wire.length;
    if (length < HEADER + 5 || nets.isEmpty()) {
      return null;
    }
    // QR=0, opcode QUERY, no TC; QDCOUNT 1, ANCOUNT 0, NSCOUNT 0, ARCOUNT 0 or 1
    if ((wire[2] & 0xFA) != 0
        || u16(wire, 4) != 1
        || u16(wire, 6) != 0
        || u16(wire, 8) != 0
        || u16(wire, 10) > 1) {
      return null;
    }
    StringBuilder name = new StringBuilder(32);
    int p = HEADER;
    while (true) {
      if (p >= length) {
        return null;
      }
      int len = wire[p] & 0xFF;
      if (len == 0) {
        p++;
        break;
      }
      if (len > 63 || p + 1 + len > length || p + 1 + len - HEADER > MAX_NAME) {
        return null; // a compression pointer or a bad length: the full parser judges it
      }
      if (name.length() > 0) {
        name.append('.');
      }
      for (int i = p + 1; i <= p + len; i++) {
        char c = (char) (wire[i] & 0xFF);
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + ('a' - 'A'));
        } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
          return null; // dnsjava escapes such labels when it prints them: same names as its path
        }
        name.append(c);
      }
      p += 1 + len;
    }
    if (name.length() == 0 || p + 4 > length) {
      return null;
    }
    int type = u16(wire, p);
    if ((type != TYPE_A && type != TYPE_AAAA) || u16(wire, p + 2) != CLASS_IN) {
      return null;
    }
    int questionEnd = p + 4;
    int limit = tcp ? 65535 : DnsWire.PLAIN_UDP;
    boolean edns = u16(wire, 10) == 1;
    if (edns) {
      // OPT (RFC 6891 6.1.2): root owner, type 41, class = payload size, TTL = ext-rcode,
      // version, flags; rdata = options, which the answer does not echo
      int o = questionEnd;
      if (o + 11 > length
          || wire[o] != 0
          || u16(wire, o + 1) != TYPE_OPT
          || wire[o + 6] != 0 // version 0; others get BADVERS from the full path
          || o + 11 + u16(wire, o + 9) != length) {
        return null;
      }
      if (!tcp) {
        limit = Math.max(DnsWire.PLAIN_UDP, u16(wire, o + 3));
      }
    } else if (questionEnd != length) {
      return null;
    }
    String key = name.toString();
    List<Integer> v4 = DnsResponder.lookup(nets, key);
    if (v4.isEmpty()) {
      return null; // unknown here: forwarded, NXDOMAIN or REFUSED by the full path
    }
    int shift = responder.nextRotation();
    List<IpAddress> v6 = type == TYPE_AAAA ? DnsResponder.lookup6(nets, key) : List.of();
    int count = type == TYPE_A ? v4.size() : v6.size();
    int rdLength = type == TYPE_A ? 4 : 16;
    int size = questionEnd + count * (12 + rdLength) + (edns ? 11 : 0);
    if (size > limit) {
      return null; // the full path truncates whole RRsets and sets TC
    }
    byte[] out = new byte[size];
    System.arraycopy(wire, 0, out, 0, questionEnd);
    // QR, opcode 0, AA, the query's RD; RA; rcode NOERROR
    out[2] = (byte) (0x80 | 0x04 | (wire[2] & 0x01));
    out[3] = (byte) 0x80;
    put16(out, 6, count);
    put16(out, 8, 0);
    put16(out, 10, edns ? 1 : 0);
    int w = questionEnd;
    for (int i = 0; i < count; i++) {
      int index = Math.floorMod(i + shift, count);
      out[w] = (byte) 0xC0; // pointer to the question's name (offset 12)
      out[w + 1] = HEADER;
      put16(out, w + 2, type);
      put16(out, w + 4, CLASS_IN);
      // TTL 0 (bytes w+6..w+9 stay zero): DnsResponder.TTL
      put16(out, w + 10, rdLength);
      if (type == TYPE_A) {
        int a = v4.get(index);
        out[w + 12] = (byte) (a >>> 24);
        out[w + 13] = (byte) (a >>> 16);
        out[w + 14] = (byte) (a >>> 8);
        out[w + 15] = (byte) a;
      } else {
        System.arraycopy(v6.get(index).bytes(), 0, out, w + 12, 16);
      }
      w += 12 + rdLength;
    }
    if (edns) {
      // root owner (out[w] = 0), type OPT, payload size, ext-rcode/version/flags 0, no options
      put16(out, w + 1, TYPE_OPT);
      put16(out, w + 3, DnsWire.EDNS_PAYLOAD);
    }
    return out;
  }

  private static int u16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  private static void put16(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 8);
    b[i + 1] = (byte) v;
  }
}
