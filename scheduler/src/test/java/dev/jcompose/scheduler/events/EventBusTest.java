package dev.jcompose.scheduler.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.scheduler.api.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBusTest {
  private static Event at(long millis, String action) {
    return new Event(Instant.ofEpochMilli(millis), "Container p-web-1", action, "", Map.of());
  }

  @Test
  void subscribeSince_replaysRecentEventsThenLiveOnes_inOrder() throws Exception {
    EventBus bus = new EventBus();
    bus.publish(at(1, "old"));
    bus.publish(at(5, "die"));
    List<String> seen = new ArrayList<>();
    try (AutoCloseable sub = bus.subscribe(Instant.ofEpochMilli(5), e -> seen.add(e.action()))) {
      bus.publish(at(6, "start"));
    }
    bus.publish(at(7, "after"));
    assertThat(seen).containsExactly("die", "start");
  }

  @Test
  void history_keepsOnlyTheLastEvents() {
    EventBus bus = new EventBus();
    for (int i = 0; i < EventBus.HISTORY + 10; i++) {
      bus.publish(at(i, "e" + i));
    }
    List<String> seen = new ArrayList<>();
    bus.subscribe(Instant.EPOCH, e -> seen.add(e.action()));
    assertThat(seen).hasSize(EventBus.HISTORY).first().isEqualTo("e10");
  }
}
