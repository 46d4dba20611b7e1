package dev.jcompose.scheduler.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.common.json.Json;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.testing.FakeComposeService;
import dev.jcompose.scheduler.testing.SampleProjects;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The engine API's bodies through the project's JSON codec, as server and client use it. */
class WireJsonTest {

  @Test
  void project_everyFieldSet_roundTripsEqual() throws Exception {
    Project project = SampleProjects.full("demo");

    Project back = Json.read(Json.write(project), Project.class);

    assertThat(back).isEqualTo(project);
  }

  @Test
  void upRequest_roundTripsEqual() throws Exception {
    Requests.Up up = new Requests.Up(SampleProjects.full("demo"), UpOptions.defaults());

    assertThat(Json.read(Json.write(up), Requests.Up.class)).isEqualTo(up);
  }

  @Test
  void valueTypes_areWrittenAsPlainStrings() throws Exception {
    assertThat(Json.write(Path.of("relative/file"))).isEqualTo("\"relative/file\"");
    assertThat(Json.write(Duration.ofMillis(1500))).isEqualTo("\"PT1.5S\"");
    Event e = FakeComposeService.event("Container p-web-1", "Started");
    assertThat(Json.write(e)).contains("\"time\":\"2026-01-02T03:04:05.123456789Z\"");
  }

  @Test
  void summaryAndEvent_roundTripEqual() throws Exception {
    ContainerSummary s = FakeComposeService.summary("p", "web", 3);
    Event e = FakeComposeService.event("Container p-web-1", "Started");

    assertThat(Json.read(Json.write(s), ContainerSummary.class)).isEqualTo(s);
    assertThat(Json.read(Json.write(e), Event.class)).isEqualTo(e);
  }

  @Test
  void wireError_keepsKindAndMessage() {
    WireError w =
        WireError.of(
            new java.util.concurrent.CompletionException(
                new ComposeException(ComposeException.Kind.NOT_FOUND, "no such service: x")));

    assertThat(w).isEqualTo(new WireError("NOT_FOUND", "no such service: x"));
    assertThat(w.httpStatus()).isEqualTo(404);
    assertThat(w.toException().kind()).isEqualTo(ComposeException.Kind.NOT_FOUND);
    assertThat(new WireError("SOMETHING_NEW", "m").toException().kind())
        .isEqualTo(ComposeException.Kind.INTERNAL);
  }

  @Test
  void streamLine_result_omitsAbsentParts() throws Exception {
    assertThat(Json.write(StreamLine.ofResult(null))).isEqualTo("{\"done\":true}");
  }
}
