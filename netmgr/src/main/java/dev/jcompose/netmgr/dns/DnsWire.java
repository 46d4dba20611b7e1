package dev.jcompose.netmgr.dns;

import java.io.IOException;
import java.util.Optional;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;

/** Wire-format helpers shared by the listener and the forwarder. */
final class DnsWire {
  /** The EDNS payload size DNS flag day 2020 recommends (no IP fragmentation). */
  static final int EDNS_PAYLOAD = 1232;

  static final int PLAIN_UDP = 512;

  /**
   * Largest query the embedded DNS reads. A real query (one question, EDNS with a cookie and RFC
   * 8467 padding) stays under 600 bytes; TCP framing would allow 65535, so a longer message is
   * answered FORMERR without being parsed or forwarded.
   */
  static final int MAX_QUERY = 4096;

  private static final int HEADER = 12;

  private DnsWire() {}

  static Optional<Message> parse(byte[] wire) {
    try {
      return Optional.of(new Message(wire));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Largest UDP answer the client accepts: its EDNS size (at least 512) or 512. */
  static int udpLimit(Message query) {
    OPTRecord opt = query.getOPT();
    return opt == null ? PLAIN_UDP : Math.max(PLAIN_UDP, opt.getPayloadSize());
  }

  /** Encodes for UDP: dnsjava truncates whole RRsets and sets TC when over {@code limit}. */
  static byte[] udp(Message response, int limit) {
    return response.toWire(limit);
  }

  static byte[] servfail(Message query) {
    return DnsResponder.reply(query, Rcode.SERVFAIL).toWire();
  }

  /**
   * A header-only FORMERR answer to raw query bytes that are not parsed (too long): the query's id
   * and opcode, QR set, no sections. Empty when not even a header arrived.
   */
  static Optional<byte[]> formerr(byte[] wire) {
    if (wire.length < HEADER) {
      return Optional.empty();
    }
    byte[] answer = new byte[HEADER];
    answer[0] = wire[0];
    answer[1] = wire[1];
    answer[2] = (byte) (0x80 | (wire[2] & 0x78)); // QR + the query's opcode
    answer[3] = (byte) Rcode.FORMERR;
    return Optional.of(answer);
  }

  /** Message id of raw wire bytes (first two bytes). */
  static int id(byte[] wire) {
    return wire.length < 2 ? -1 : ((wire[0] & 0xff) << 8) | (wire[1] & 0xff);
  }

  /** Whether the TC bit is set in raw wire bytes. */
  static boolean truncated(byte[] wire) {
    return wire.length > 2 && (wire[2] & 0x02) != 0;
  }
}
