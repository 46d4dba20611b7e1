package dev.jcompose.model.normalize;

import static dev.jcompose.model.normalize.Converters.MAPPING;
import static dev.jcompose.model.normalize.Converters.STRING;
import static dev.jcompose.model.normalize.Converters.STRINGS;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.ScalarNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * compose-go's DeviceRequest ({@code gpus}, {@code deploy.resources.*.devices}): its count is a
 * number where {@code all} is -1 (types.DeviceCount); {@code gpus: all} is one request for every
 * GPU, and a {@code gpus} entry with neither count nor device_ids counts all of them
 * (transform/gpus.go, transform/devices.go).
 */
final class DeviceRequests {
  static final Conv COUNT =
      (n, p, c) -> {
        if (Converters.isNull(n)) {
          return Conv.OMIT;
        }
        Object v = ((ScalarNode) n).value();
        if (v instanceof Long l) {
          return l == 0 ? Conv.OMIT : l;
        }
        String text = String.valueOf(v);
        if (text.toLowerCase(Locale.ROOT).equals("all")) {
          return -1L;
        }
        try {
          long count = Long.parseLong(text);
          return count == 0 ? Conv.OMIT : count;
        } catch (NumberFormatException e) {
          throw NormalizeContext.error(
              n, p, "invalid value \"" + text + "\", the only value allowed is 'all' or a number");
        }
      };

  static final StructConv REQUEST =
      StructConv.of(
          "capabilities",
          STRINGS,
          "driver",
          STRING,
          "count",
          COUNT,
          "device_ids",
          STRINGS,
          "options",
          MAPPING);

  /** deploy.resources.reservations/limits.devices. */
  static final Conv DEVICES =
      (n, p, c) ->
          Converters.omitIfEmpty(
              ListConvs.eachOf(n, p, c, (i, ip, cc) -> List.of(REQUEST.apply(i, ip, cc))));

  /** gpus: the string form asks for all of them; an entry without count nor device_ids too. */
  static final Conv GPUS =
      (n, p, c) -> {
        if (Converters.isNull(n)) {
          return Conv.OMIT;
        }
        if (n instanceof ScalarNode) {
          return List.of(allOfThem());
        }
        return Converters.omitIfEmpty(
            ListConvs.eachOf(
                n,
                p,
                c,
                (i, ip, cc) -> {
                  Object converted = REQUEST.apply(i, ip, cc);
                  boolean counted =
                      i instanceof MapNode m
                          && (m.get("count") != null || m.get("device_ids") != null);
                  if (converted == Conv.OMIT) {
                    return List.of(allOfThem());
                  }
                  @SuppressWarnings("unchecked")
                  Map<String, Object> r = (Map<String, Object>) converted;
                  if (!counted) {
                    r.put("count", -1L);
                    return List.of(ListConvs.reorder(r, REQUEST));
                  }
                  return List.of(r);
                }));
      };

  private static GoMap allOfThem() {
    GoMap all = new GoMap();
    all.put("count", -1L);
    return all;
  }

  private DeviceRequests() {}
}
