package dev.jcompose.scheduler.host;

import dev.jcompose.common.lazy.Lazy;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ImageDescription;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.ImageReference;
import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.runtime.api.VolumeService;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.DiskUsage;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.ImageDetails;
import dev.jcompose.scheduler.api.PruneReport;
import dev.jcompose.scheduler.api.StoreVerbs;
import dev.jcompose.scheduler.api.VolumeDetails;
import dev.jcompose.scheduler.names.Labels;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link StoreVerbs} on the host's stores: images and volumes as a whole, and what containers use
 * of them (read from every container's spec). Images a container uses are only removed with force,
 * never while it runs; prunes take only what no container uses.
 */
public final class HostStores implements StoreVerbs {
  /** The label docker puts on a volume created without a name. */
  public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<ContainerRuntime> runtime;
  private final Supplier<ImageService> images;
  private final Supplier<VolumeService> volumes;
  private final CallSettings settings;

  public HostStores(
      Supplier<ContainerRuntime> runtime,
      Supplier<ImageService> images,
      Supplier<VolumeService> volumes,
      CallSettings settings) {
    this.runtime = Lazy.of(runtime);
    this.images = Lazy.of(images);
    this.volumes = Lazy.of(volumes);
    this.settings = settings;
  }

  /** The same stores with the global flags of one command. */
  public HostStores with(CallSettings s) {
    return s.equals(settings) ? this : new HostStores(runtime, images, volumes, s);
  }

  @Override
  public List<ImageDetails> imageList(List<String> references) {
    return Failures.translated(
        () -> {
          Map<String, List<String>> users = imageUsers();
          Map<String, ImageDetails> byId = new LinkedHashMap<>();
          List<ImageHandle> all = images.get().list();
          List<ImageHandle> handles = all;
          if (references != null && !references.isEmpty()) {
            // an image is listed with every tag it has, as docker's RepoTags, whichever one named
            // it
            handles = new ArrayList<>();
            for (String r : references) {
              String id = find(r).imageId();
              handles.addAll(all.stream().filter(x -> x.imageId().equals(id)).toList());
              if (handles.stream().noneMatch(x -> x.imageId().equals(id))) {
                handles.add(find(r));
              }
            }
          }
          for (ImageHandle h : handles) {
            ImageDetails d = byId.get(h.imageId());
            byId.put(h.imageId(), d == null ? details(h, users) : withTag(d, h.reference()));
          }
          return List.copyOf(byId.values());
        });
  }

  private ImageDetails details(ImageHandle h, Map<String, List<String>> users) {
    Optional<ImageDescription> desc =
        images.get().describe(h.reference().startsWith("sha256:") ? h.imageId() : h.reference());
    var c = h.config();
    return new ImageDetails(
        h.imageId(),
        tags(List.of(), h.reference()),
        desc.map(ImageDescription::repoDigests).orElse(List.of()),
        desc.map(ImageDescription::created).orElse(null),
        h.sizeBytes(),
        desc.map(ImageDescription::architecture).orElse(""),
        desc.map(ImageDescription::os).orElse(""),
        c == null ? null : c.entrypoint(),
        c == null ? null : c.cmd(),
        c == null ? null : c.env(),
        c == null ? null : c.workingDir(),
        c == null ? null : c.user(),
        c == null ? null : c.exposedPorts(),
        c == null ? null : c.volumes(),
        c == null ? null : c.labels(),
        c == null ? null : c.stopSignal(),
        desc.map(ImageDescription::diffIds).orElse(List.of()),
        users.getOrDefault(h.imageId(), List.of()));
  }

  private static ImageDetails withTag(ImageDetails d, String reference) {
    return new ImageDetails(
        d.id(),
        tags(d.repoTags(), reference),
        d.repoDigests(),
        d.created(),
        d.size(),
        d.architecture(),
        d.os(),
        d.entrypoint(),
        d.cmd(),
        d.env(),
        d.workingDir(),
        d.user(),
        d.exposedPorts(),
        d.volumes(),
        d.labels(),
        d.stopSignal(),
        d.layers(),
        d.inUse());
  }

  /**
   * docker's familiar form of a reference ({@code busybox:latest}); an id-only image has no tag.
   */
  private static List<String> tags(List<String> before, String reference) {
    List<String> out = new ArrayList<>(before);
    if (!reference.startsWith("sha256:")) {
      ImageReference r = ImageReference.parse(reference);
      out.add(r.familiarRepository() + ":" + (r.tag() == null ? "latest" : r.tag()));
    }
    return List.copyOf(out);
  }

  @Override
  public List<String> imageRemove(
      List<String> references, boolean force, Consumer<Event> progress) {
    return Failures.translated(
        () -> {
          List<String> lines = new ArrayList<>();
          for (String ref : references) {
            ImageHandle h = find(ref);
            // docker removes only the tag while the image keeps another one: no container loses it
            boolean untagOnly =
                !isId(ref, h)
                    && images.get().list().stream()
                            .filter(x -> x.imageId().equals(h.imageId()))
                            .count()
                        > 1;
            if (!untagOnly) {
              checkUnused(ref, h, force);
            }
            if (!settings.dryRun()) {
              images.get().remove(ref);
            }
            if (!h.reference().startsWith("sha256:") && !isId(ref, h)) {
              lines.add("Untagged: " + tags(List.of(), h.reference()).get(0));
            }
            if (settings.dryRun()
                || images.get().list().stream().noneMatch(x -> x.imageId().equals(h.imageId()))) {
              lines.add("Deleted: " + h.imageId());
            }
          }
          return lines;
        });
  }

  private ImageHandle find(String ref) {
    return images
        .get()
        .find(ref)
        .orElseThrow(
            () -> new ComposeException(ComposeException.Kind.NOT_FOUND, "no such image: " + ref));
  }

  private static boolean isId(String ref, ImageHandle h) {
    return h.imageId().replace("sha256:", "").startsWith(ref.replace("sha256:", ""));
  }

  /**
   * docker: a running container's image is never removed, a stopped container's only with force.
   */
  private void checkUnused(String ref, ImageHandle h, boolean force) {
    for (String id : runtime.get().list()) {
      Optional<ContainerState> st = runtime.get().state(id);
      if (st.isEmpty() || !h.imageId().equals(imageId(id))) {
        continue;
      }
      boolean running = st.get().status() == ContainerState.Status.RUNNING;
      if (running || !force) {
        throw new ComposeException(
            ComposeException.Kind.CONFLICT,
            "conflict: unable to remove repository reference \""
                + ref
                + "\" ("
                + (running ? "cannot be forced" : "must force")
                + ") - container "
                + id
                + " is using its referenced image "
                + h.imageId().substring(0, Math.min(19, h.imageId().length())));
      }
    }
  }

  @Override
  public PruneReport imagePrune(boolean all, Consumer<Event> progress) {
    return Failures.translated(
        () -> {
          Map<String, List<String>> users = imageUsers();
          // docker's lines: "untagged: REF" per tag removed, then "deleted: ID" per image gone
          List<String> untagged = new ArrayList<>();
          Map<String, Long> sizes = new LinkedHashMap<>();
          for (ImageHandle h : images.get().list()) {
            boolean dangling = h.reference().startsWith("sha256:");
            if (!users.containsKey(h.imageId()) && (all || dangling)) {
              if (!settings.dryRun()) {
                images.get().remove(h.reference());
              }
              if (!dangling) {
                untagged.add("untagged: " + tags(List.of(), h.reference()).get(0));
              }
              sizes.put(h.imageId(), h.sizeBytes());
            }
          }
          List<String> lines = new ArrayList<>(untagged);
          long freed = 0;
          for (Map.Entry<String, Long> e : sizes.entrySet()) {
            lines.add("deleted: " + e.getKey());
            freed += e.getValue();
          }
          return new PruneReport(List.of(), List.of(), List.of(), lines, freed);
        });
  }

  @Override
  public void imageTag(String source, String target) {
    if (!settings.dryRun()) {
      Failures.translated(
          () -> {
            images.get().tag(source, target);
            return null;
          });
    }
  }

  @Override
  public void imageSave(List<String> references, OutputStream out) {
    Failures.translated(
        () -> {
          images.get().save(references, out);
          return null;
        });
  }

  @Override
  public List<String> imageLoad(InputStream in, Consumer<Event> progress) {
    return Failures.translated(
        () ->
            images
                .get()
                .load(
                    in,
                    (ref, layer, phase, cur, total) -> {
                      if (layer != null && phase.equals("Loading layer")) {
                        progress.accept(
                            new Event(
                                Instant.now(),
                                "Layer " + layer.substring(7, Math.min(19, layer.length())),
                                "Loaded",
                                "",
                                Map.of()));
                      }
                    }));
  }

  @Override
  public VolumeDetails volumeCreate(String name, Map<String, String> labels) {
    return Failures.translated(
        () -> {
          Map<String, String> all = new LinkedHashMap<>(labels == null ? Map.of() : labels);
          String volume = name;
          if (volume == null) {
            // like docker: a random 64-hex name, marked anonymous (volume prune takes it)
            byte[] seed = new byte[32];
            RANDOM.nextBytes(seed);
            volume = HexFormat.of().formatHex(seed);
            all.put(ANONYMOUS_LABEL, "");
          }
          if (settings.dryRun()) {
            return new VolumeDetails(volume, "local", "", all, List.of(), 0);
          }
          VolumeService.VolumeInfo v = volumes.get().ensure(volume, all);
          return new VolumeDetails(
              v.name(), "local", v.dataDir().toString(), v.labels(), List.of(), 0);
        });
  }

  @Override
  public List<VolumeDetails> volumeInspect(List<String> names) {
    return Failures.translated(
        () -> {
          Map<String, List<String>> users = volumeUsers();
          List<VolumeService.VolumeInfo> vs =
              names == null || names.isEmpty()
                  ? volumes.get().list()
                  : names.stream()
                      .map(
                          n ->
                              volumes
                                  .get()
                                  .find(n)
                                  .orElseThrow(
                                      () ->
                                          new ComposeException(
                                              ComposeException.Kind.NOT_FOUND,
                                              "no such volume: " + n)))
                      .toList();
          return vs.stream()
              .map(
                  v ->
                      new VolumeDetails(
                          v.name(),
                          "local",
                          v.dataDir().toString(),
                          v.labels(),
                          users.getOrDefault(v.dataDir().toString(), List.of()),
                          volumes.get().size(v.name())))
              .toList();
        });
  }

  /** docker 23+: anonymous volumes no container uses; with {@code all} named ones too. */
  @Override
  public PruneReport volumePrune(boolean all, Consumer<Event> progress) {
    return Failures.translated(
        () -> {
          Map<String, List<String>> users = volumeUsers();
          List<String> removed = new ArrayList<>();
          long freed = 0;
          for (VolumeService.VolumeInfo v : volumes.get().list()) {
            // compose's anonymous volumes, and docker's unnamed `volume create` (moby's
            // AnonymousLabel); a named volume goes only with -a (docker 23+)
            boolean anonymous =
                "true".equals(v.labels().get(Labels.ANONYMOUS))
                    || v.labels().containsKey(ANONYMOUS_LABEL);
            if (!users.containsKey(v.dataDir().toString()) && (all || anonymous)) {
              freed += volumes.get().size(v.name());
              if (!settings.dryRun()) {
                volumes.get().remove(v.name());
              }
              removed.add(v.name());
            }
          }
          return new PruneReport(List.of(), List.of(), removed, List.of(), freed);
        });
  }

  @Override
  public DiskUsage diskUsage() {
    return Failures.translated(
        () -> {
          Map<String, List<String>> imageUsers = imageUsers();
          Map<String, Long> imageSizes = new LinkedHashMap<>();
          images.get().list().forEach(h -> imageSizes.put(h.imageId(), h.sizeBytes()));
          long imageTotal = imageSizes.values().stream().mapToLong(Long::longValue).sum();
          long imageFree =
              imageSizes.entrySet().stream()
                  .filter(e -> !imageUsers.containsKey(e.getKey()))
                  .mapToLong(Map.Entry::getValue)
                  .sum();
          int containers = 0;
          int running = 0;
          long containerTotal = 0;
          long containerFree = 0;
          for (String id : runtime.get().list()) {
            Optional<ContainerState> st = runtime.get().state(id);
            if (st.isEmpty()) {
              continue;
            }
            long size = runtime.get().writableSize(id);
            containers++;
            containerTotal += size;
            if (st.get().status() == ContainerState.Status.RUNNING) {
              running++;
            } else {
              containerFree += size;
            }
          }
          Map<String, List<String>> volumeUsers = volumeUsers();
          long volumeTotal = 0;
          long volumeFree = 0;
          int volumeCount = 0;
          for (VolumeService.VolumeInfo v : volumes.get().list()) {
            long size = volumes.get().size(v.name());
            volumeCount++;
            volumeTotal += size;
            if (!volumeUsers.containsKey(v.dataDir().toString())) {
              volumeFree += size;
            }
          }
          return new DiskUsage(
              new DiskUsage.Row(
                  imageSizes.size(),
                  (int) imageSizes.keySet().stream().filter(imageUsers::containsKey).count(),
                  imageTotal,
                  imageFree),
              new DiskUsage.Row(containers, running, containerTotal, containerFree),
              new DiskUsage.Row(volumeCount, volumeUsers.size(), volumeTotal, volumeFree));
        });
  }

  /** Image id -> names of the containers made from it. */
  private Map<String, List<String>> imageUsers() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String id : runtime.get().list()) {
      String image = imageId(id);
      if (image != null) {
        out.computeIfAbsent(image, k -> new ArrayList<>()).add(id);
      }
    }
    return out;
  }

  /** Volume data dir -> names of the containers that mount it. */
  private Map<String, List<String>> volumeUsers() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String id : runtime.get().list()) {
      spec(id)
          .ifPresent(
              s ->
                  s.mounts().stream()
                      .filter(
                          m ->
                              m.type() == ContainerSpec.MountSpec.Type.VOLUME && m.source() != null)
                      .forEach(
                          m ->
                              out.computeIfAbsent(m.source().toString(), k -> new ArrayList<>())
                                  .add(id)));
    }
    return out;
  }

  private String imageId(String container) {
    return spec(container).map(s -> s.image().imageId()).orElse(null);
  }

  private Optional<ContainerSpec> spec(String container) {
    try {
      return Optional.of(runtime.get().spec(container));
    } catch (RuntimeException e) {
      return Optional.empty(); // removed meanwhile
    }
  }
}
