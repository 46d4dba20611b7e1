package dev.jcompose.netmgr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.netmgr.api.NetworkInfo;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Prints attach and DNS latency figures (no timing assertions: the host is shared). */
@Tag("root")
class LatencyRootTest extends RootFixture {

  @Test
  void attach_tenEndpoints_printsMedian() {
    network("p_lat", false);
    long[] samples = new long[10];
    for (int i = 0; i < samples.length; i++) {
      TestNetns ns = netns("l" + i);
      long t0 = System.nanoTime();
      attach(ns, "p_lat", null, "svc" + i);
      samples[i] = System.nanoTime() - t0;
    }
    Arrays.sort(samples);
    System.out.printf(
        "attach latency over %d: min %.1f ms, median %.1f ms, max %.1f ms%n",
        samples.length, samples[0] / 1e6, samples[5] / 1e6, samples[9] / 1e6);
    assertThat(manager.list()).hasSize(1);
  }

  @Test
  void dns_internalName_printsPercentiles() throws Exception {
    NetworkInfo net = network("p_dns", false);
    attach(netns("d"), "p_dns", null, "web");
    InetAddress gw = InetAddress.getByName(net.gateway());
    byte[] query =
        Message.newQuery(Record.newRecord(Name.fromString("web."), Type.A, DClass.IN)).toWire();
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(gw, 0))) {
      s.setSoTimeout(3000);
      long[] samples = new long[2000];
      for (int i = -2000; i < samples.length; i++) {
        long t0 = System.nanoTime();
        s.send(new DatagramPacket(query, query.length, gw, 53));
        DatagramPacket p = new DatagramPacket(new byte[512], 512);
        s.receive(p);
        if (i >= 0) {
          samples[i] = System.nanoTime() - t0;
        }
        assertThat(new Message(Arrays.copyOf(p.getData(), p.getLength())).getRcode())
            .isEqualTo(Rcode.NOERROR);
      }
      Arrays.sort(samples);
      System.out.printf(
          "dns A lookup after warm-up: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms%n",
          samples[1000] / 1e6, samples[1800] / 1e6, samples[1980] / 1e6);
    }
  }
}
