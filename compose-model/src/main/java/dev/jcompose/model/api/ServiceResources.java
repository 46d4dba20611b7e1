package dev.jcompose.model.api;

import java.util.List;
import java.util.Map;

/**
 * Effective resource limits: the service attributes merged with {@code deploy.resources} (the
 * loader checked that they agree). Sizes are bytes, CPUs nano-CPUs as docker counts them; null =
 * unset.
 *
 * @param ulimits by name ({@code nofile}), as soft/hard pairs
 * @param memSwappiness 0..100, null = the kernel's
 * @param cpuRtRuntime, cpuRtPeriod real-time scheduler budget in microseconds
 * @param blkio {@code blkio_config}, null when not written
 */
public record ServiceResources(
    Long memLimit,
    Long memswapLimit,
    Long memReservation,
    Long nanoCpus,
    Long cpuShares,
    Long cpuQuota,
    Long cpuPeriod,
    String cpuset,
    Long pidsLimit,
    Integer oomScoreAdj,
    Boolean oomKillDisable,
    Long shmSize,
    Map<String, Ulimit> ulimits,
    Long memSwappiness,
    Long cpuRtRuntime,
    Long cpuRtPeriod,
    Blkio blkio) {

  public ServiceResources {
    ulimits = Copies.map(ulimits);
  }

  /** Without the attributes added later (mem_swappiness, cpu_rt_*, blkio_config). */
  public ServiceResources(
      Long memLimit,
      Long memswapLimit,
      Long memReservation,
      Long nanoCpus,
      Long cpuShares,
      Long cpuQuota,
      Long cpuPeriod,
      String cpuset,
      Long pidsLimit,
      Integer oomScoreAdj,
      Boolean oomKillDisable,
      Long shmSize,
      Map<String, Ulimit> ulimits) {
    this(
        memLimit,
        memswapLimit,
        memReservation,
        nanoCpus,
        cpuShares,
        cpuQuota,
        cpuPeriod,
        cpuset,
        pidsLimit,
        oomScoreAdj,
        oomKillDisable,
        shmSize,
        ulimits,
        null,
        null,
        null,
        null);
  }

  public static final ServiceResources NONE = builder().build();

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .memLimit(memLimit)
        .memswapLimit(memswapLimit)
        .memReservation(memReservation)
        .nanoCpus(nanoCpus)
        .cpuShares(cpuShares)
        .cpuQuota(cpuQuota)
        .cpuPeriod(cpuPeriod)
        .cpuset(cpuset)
        .pidsLimit(pidsLimit)
        .oomScoreAdj(oomScoreAdj)
        .oomKillDisable(oomKillDisable)
        .shmSize(shmSize)
        .ulimits(ulimits)
        .memSwappiness(memSwappiness)
        .cpuRt(cpuRtRuntime, cpuRtPeriod)
        .blkio(blkio);
  }

  /** {@code blkio_config}: weight 10..1000 (null = unset) and per-device weights and throttles. */
  public record Blkio(
      Integer weight,
      List<DeviceValue> weightDevice,
      List<DeviceValue> deviceReadBps,
      List<DeviceValue> deviceReadIops,
      List<DeviceValue> deviceWriteBps,
      List<DeviceValue> deviceWriteIops) {
    public Blkio {
      weightDevice = Copies.list(weightDevice);
      deviceReadBps = Copies.list(deviceReadBps);
      deviceReadIops = Copies.list(deviceReadIops);
      deviceWriteBps = Copies.list(deviceWriteBps);
      deviceWriteIops = Copies.list(deviceWriteIops);
    }
  }

  /** A device path with a weight or a rate (bytes or operations per second). */
  public record DeviceValue(String path, long value) {}

  public record Ulimit(long soft, long hard) {}

  /** Fills a {@link ServiceResources}; everything starts unset. */
  public static final class Builder {
    private Long memLimit;
    private Long memswapLimit;
    private Long memReservation;
    private Long nanoCpus;
    private Long cpuShares;
    private Long cpuQuota;
    private Long cpuPeriod;
    private String cpuset;
    private Long pidsLimit;
    private Integer oomScoreAdj;
    private Boolean oomKillDisable;
    private Long shmSize;
    private Map<String, Ulimit> ulimits;
    private Long memSwappiness;
    private Long cpuRtRuntime;
    private Long cpuRtPeriod;
    private Blkio blkio;

    public Builder memLimit(Long v) {
      memLimit = v;
      return this;
    }

    public Builder memswapLimit(Long v) {
      memswapLimit = v;
      return this;
    }

    public Builder memReservation(Long v) {
      memReservation = v;
      return this;
    }

    public Builder nanoCpus(Long v) {
      nanoCpus = v;
      return this;
    }

    public Builder cpuShares(Long v) {
      cpuShares = v;
      return this;
    }

    public Builder cpuQuota(Long v) {
      cpuQuota = v;
      return this;
    }

    public Builder cpuPeriod(Long v) {
      cpuPeriod = v;
      return this;
    }

    public Builder cpuset(String v) {
      cpuset = v;
      return this;
    }

    public Builder pidsLimit(Long v) {
      pidsLimit = v;
      return this;
    }

    public Builder oomScoreAdj(Integer v) {
      oomScoreAdj = v;
      return this;
    }

    public Builder oomKillDisable(Boolean v) {
      oomKillDisable = v;
      return this;
    }

    public Builder shmSize(Long v) {
      shmSize = v;
      return this;
    }

    public Builder ulimits(Map<String, Ulimit> v) {
      ulimits = v;
      return this;
    }

    public Builder memSwappiness(Long v) {
      memSwappiness = v;
      return this;
    }

    public Builder cpuRt(Long runtime, Long period) {
      cpuRtRuntime = runtime;
      cpuRtPeriod = period;
      return this;
    }

    public Builder blkio(Blkio v) {
      blkio = v;
      return this;
    }

    public ServiceResources build() {
      return new ServiceResources(
          memLimit,
          memswapLimit,
          memReservation,
          nanoCpus,
          cpuShares,
          cpuQuota,
          cpuPeriod,
          cpuset,
          pidsLimit,
          oomScoreAdj,
          oomKillDisable,
          shmSize,
          ulimits,
          memSwappiness,
          cpuRtRuntime,
          cpuRtPeriod,
          blkio);
    }
  }
}
