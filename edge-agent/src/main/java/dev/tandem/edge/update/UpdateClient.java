package dev.tandem.edge.update;

import dev.tandem.edge.model.InferenceCounters;
import dev.tandem.edge.model.InputHistory;
import dev.tandem.edge.model.LoadedModel;
import dev.tandem.edge.model.ModelRuntime;
import dev.tandem.edge.model.ModelSlot;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.signing.MetadataVerifier;
import dev.tandem.protocol.signing.TrustedState;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.update.UpdateFailureReason;
import dev.tandem.protocol.v1.DesiredModel;
import dev.tandem.protocol.v1.DesiredState;
import dev.tandem.protocol.v1.UpdateStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The device's update client. Takes desired states as they arrive (retained, on {@code
 * fleet/{id}/desired}), verifies them against the pinned root, downloads, checks, stages,
 * health-checks and switches each desired model, and reverts a new version that fails its
 * probation. Work for one device runs serialised on the shared executor; only the newest desired
 * state waiting is processed. Any failure leaves the active version running.
 */
public final class UpdateClient {
  private static final Logger LOG = Logger.getLogger(UpdateClient.class.getName());

  private final DeviceId deviceId;
  private final UpdateSettings settings;
  private final UpdateContext context;
  private final UpdateReporter reporter;
  private final ModelRuntime runtime;
  private final ModelStore store;
  private final TrustStore trust;
  private final MetadataCheck metadata;
  private final ArtifactDownloader downloader;
  private final ArtifactDownloader.UrlRefresher refresher;
  private final InputHistory history;
  private final HealthCheck healthCheck;
  private final InferenceCounters counters = new InferenceCounters();
  private final Map<String, ModelSlot> slots = new ConcurrentHashMap<>();
  private final Map<String, Activation> activations = new ConcurrentHashMap<>();
  private final AtomicReference<byte[]> pending = new AtomicReference<>();
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile TrustedState trusted;
  private byte[] lastHandled;

  private record Activation(String rolloutId, String version, long atNanos) {}

  private UpdateClient(
      DeviceId deviceId,
      UpdateSettings settings,
      ModelRuntime runtime,
      UpdateContext context,
      UpdateReporter reporter)
      throws IOException {
    this.deviceId = deviceId;
    this.runtime = runtime;
    this.settings = settings;
    this.context = context;
    this.reporter = reporter;
    this.store = new ModelStore(settings.dir(), settings.keepVersions());
    MetadataVerifier verifier = new MetadataVerifier(context.clock(), context.verifiedSignatures());
    this.trust = new TrustStore(settings.dir(), verifier);
    this.metadata = new MetadataCheck(verifier);
    this.downloader =
        new ArtifactDownloader(
            context.http(),
            settings.connectTimeout(),
            settings.downloadTimeout(),
            settings.downloadAttempts());
    this.refresher =
        settings.controlPlane().isPresent()
            ? new ControlPlaneUrls(
                context.http(),
                settings.controlPlane().get(),
                settings.deviceToken().orElseThrow(),
                settings.connectTimeout())
            : null;
    this.history = new InputHistory(settings.healthInputs());
    this.healthCheck = new HealthCheck(history, settings.latencyBudget());
  }

  /**
   * Opens the client: reads the trusted metadata (pinning the provisioned root the first time) and
   * loads the active version of every model on disk, falling back to an older version that loads.
   *
   * @throws UncheckedIOException if the update directory cannot be read or written
   * @throws ProtocolException if the pinned or stored root is not validly self-signed
   */
  public static UpdateClient open(
      DeviceId deviceId,
      UpdateSettings settings,
      ModelRuntime runtime,
      UpdateContext context,
      UpdateReporter reporter) {
    try {
      UpdateClient client = new UpdateClient(deviceId, settings, runtime, context, reporter);
      client.trusted = client.trust.load(settings.pinnedRoot());
      client.loadFromDisk();
      return client;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the model store in " + settings.dir() + ": " + e.getMessage(), e);
    }
  }

  private void loadFromDisk() throws IOException {
    for (String name : store.models()) {
      List<String> versions = store.history(name);
      for (String version : versions) {
        try {
          LoadedModel model = runtime.load(store.artifact(name, version));
          slot(name).install(new ModelSlot.Version(version, model));
          if (!version.equals(versions.get(0))) {
            store.revert(name, versions.get(0), version);
            LOG.warning(
                "model " + name + " " + versions.get(0) + " did not load; running " + version);
          }
          break;
        } catch (IOException | RuntimeException e) {
          LOG.log(Level.WARNING, "model " + name + " " + version + " does not load", e);
        }
      }
    }
  }

  /** Takes a desired-state payload; returns at once (called on the MQTT callback thread). */
  public void onDesired(byte[] payload) {
    pending.set(payload.clone());
    schedule();
  }

  /** The active version of every model. */
  public Map<String, String> modelVersions() {
    Map<String, String> versions = new TreeMap<>();
    slots.forEach((name, slot) -> slot.active().ifPresent(v -> versions.put(name, v.version())));
    return versions;
  }

  /** The inference counters (see {@link InferenceCounters}). */
  public Map<String, Long> counters() {
    return counters.snapshot();
  }

  /** The slot of {@code model}, if a version of it was ever active here. */
  public Optional<ModelSlot> model(String model) {
    ModelSlot slot = slots.get(model);
    return slot == null || slot.active().isEmpty() ? Optional.empty() : Optional.of(slot);
  }

  /** The trusted root version and targets version floor (for state and tests). */
  public TrustedState trusted() {
    return trusted;
  }

  /** Whether nothing is queued or running. */
  public boolean idle() {
    return !scheduled.get() && pending.get() == null && tasks.isEmpty();
  }

  private ModelSlot slot(String name) {
    return slots.computeIfAbsent(
        name, n -> new ModelSlot(n, counters, history, this::onProbationFailed));
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      context.executor().execute(this::drain);
    }
  }

  private void drain() {
    try {
      for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
        task.run();
      }
      byte[] payload = pending.getAndSet(null);
      if (payload != null) {
        process(payload);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "update client of " + deviceId + " failed", e);
    } finally {
      scheduled.set(false);
      if (pending.get() != null || !tasks.isEmpty()) {
        schedule();
      }
    }
  }

  private void process(byte[] payload) {
    if (payload.length == 0) {
      return; // a cleared retained message: nothing is desired, keep what runs
    }
    if (Arrays.equals(payload, lastHandled)) {
      return; // the retained desired state again, after a reconnect
    }
    lastHandled = payload;
    long start = System.nanoTime();
    DesiredState desired;
    try {
      desired = MessageCodec.DESIRED_STATE.decode(payload, deviceId);
    } catch (ProtocolException e) {
      reporter.step(
          "",
          "",
          "",
          UpdateStep.UPDATE_STEP_FAILED,
          UpdateFailureReason.PAYLOAD_MALFORMED.reportText(e.getMessage()),
          0);
      return;
    }
    String rollout = desired.getRolloutId();
    List<DesiredModel> todo =
        desired.getModelsList().stream()
            .filter(m -> !m.getVersion().equals(modelVersions().get(m.getName())))
            .toList();
    if (todo.isEmpty()) {
      return;
    }
    long received = millisSince(start);
    todo.forEach(m -> step(rollout, m, UpdateStep.UPDATE_STEP_RECEIVED, "", received));
    long verifyStart = System.nanoTime();
    try {
      MetadataCheck.Verified verified = metadata.verify(trusted, desired);
      trust.save(verified.state(), verified.newRoot());
      trusted = verified.state();
    } catch (UpdateException e) {
      todo.forEach(m -> failed(rollout, m, e, verifyStart));
      lastHandled = retriable(e.reason()) ? null : payload;
      return;
    } catch (IOException e) {
      todo.forEach(m -> failed(rollout, m, storageFailed(e), verifyStart));
      lastHandled = null;
      return;
    }
    for (DesiredModel model : todo) {
      try {
        install(rollout, model, verifyStart);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void install(String rollout, DesiredModel desired, long since)
      throws InterruptedException {
    long stepStart = since;
    UpdateStep step = UpdateStep.UPDATE_STEP_RECEIVED;
    String name = desired.getName();
    String version = desired.getVersion();
    LoadedModel loaded = null;
    boolean reused = false;
    try {
      TargetInfo target = MetadataCheck.target(trusted, desired);
      Optional<String> rejected = store.rejected(name, version);
      if (rejected.isPresent()) {
        throw new UpdateException(
            UpdateFailureReason.ofReport(rejected.get())
                .orElse(UpdateFailureReason.HEALTH_CHECK_FAILED),
            "version refused before on this device: " + rejected.get());
      }
      URI url = artifactUrl(desired);
      // A version still on disk (a roll back to the previous one) needs no download.
      boolean cached = store.holds(target, name, version);
      step = UpdateStep.UPDATE_STEP_DOWNLOADING;
      stepStart = step(rollout, desired, step, "", millisSince(stepStart));
      if (!cached) {
        downloader.download(target, url, store.partial(target.sha256()), refresher);
      }
      step = UpdateStep.UPDATE_STEP_VERIFIED;
      stepStart = step(rollout, desired, step, "", millisSince(stepStart));
      Path artifact =
          cached
              ? store.artifact(name, version)
              : store.stage(name, version, store.partial(target.sha256()));
      step = UpdateStep.UPDATE_STEP_STAGED;
      stepStart = step(rollout, desired, step, "", millisSince(stepStart));
      Optional<ModelSlot.Version> kept =
          slot(name).previous().filter(v -> v.version().equals(version));
      reused = kept.isPresent();
      loaded = reused ? kept.get().model() : load(artifact, name + " " + version);
      healthCheck.check("staged " + name + " " + version, loaded);
      store.activate(name, version);
      ModelSlot slot = slot(name);
      slot.activate(
          new ModelSlot.Version(version, loaded),
          settings.probationInferences(),
          settings.maxErrorRate());
      activations.put(name, new Activation(rollout, version, System.nanoTime()));
      dropPrunedPrevious(slot);
      step(rollout, desired, UpdateStep.UPDATE_STEP_ACTIVE, "", millisSince(stepStart));
      reporter.modelsChanged();
    } catch (UpdateException e) {
      if (!reused) {
        closeQuietly(loaded);
      }
      discardStaged(name, version, step);
      if (inherent(e.reason())) {
        rejectQuietly(name, version, e.reportText());
      }
      if (retriable(e.reason())) {
        lastHandled = null;
      }
      failed(rollout, desired, e, stepStart);
    } catch (IOException e) {
      if (!reused) {
        closeQuietly(loaded);
      }
      discardStaged(name, version, step);
      failed(rollout, desired, storageFailed(e), stepStart);
    }
  }

  private LoadedModel load(Path artifact, String what) {
    try {
      return runtime.load(artifact);
    } catch (IOException | RuntimeException e) {
      throw new UpdateException(
          UpdateFailureReason.MODEL_LOAD_FAILED, what + " does not load: " + e, e);
    }
  }

  private static URI artifactUrl(DesiredModel desired) {
    try {
      URI url = URI.create(desired.getArtifactUrl());
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return url;
    } catch (IllegalArgumentException e) {
      throw new UpdateException(
          UpdateFailureReason.PAYLOAD_MALFORMED,
          "artifact_url of " + desired.getName() + " is invalid: " + e.getMessage());
    }
  }

  /** The slot keeps one previous version loaded; forget it if it was pruned from disk. */
  private void dropPrunedPrevious(ModelSlot slot) throws IOException {
    Optional<ModelSlot.Version> previous = slot.previous();
    if (previous.isPresent() && !store.history(slot.name()).contains(previous.get().version())) {
      slot.dropPrevious();
    }
  }

  private void onProbationFailed(
      ModelSlot slot, String version, UpdateFailureReason reason, String detail) {
    tasks.add(() -> revert(slot, version, reason, detail));
    schedule();
  }

  private void revert(ModelSlot slot, String bad, UpdateFailureReason reason, String detail) {
    Activation activation = activations.get(slot.name());
    String rollout =
        activation != null && activation.version().equals(bad) ? activation.rolloutId() : "";
    long activeMillis = activation == null ? 0 : millisSince(activation.atNanos());
    String text = reason.reportText(detail);
    Optional<ModelSlot.Version> back = slot.revert(bad);
    if (back.isEmpty()) {
      LOG.warning(
          "model "
              + slot.name()
              + " "
              + bad
              + " failed its probation but there is no version to"
              + " go back to; it stays active: "
              + text);
      reporter.step(rollout, slot.name(), bad, UpdateStep.UPDATE_STEP_FAILED, text, activeMillis);
      return;
    }
    try {
      store.revert(slot.name(), bad, back.get().version());
      store.reject(slot.name(), bad, text);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not record the revert of " + slot.name() + " on disk", e);
    }
    reporter.step(rollout, slot.name(), bad, UpdateStep.UPDATE_STEP_REVERTED, text, activeMillis);
    reporter.modelsChanged();
  }

  private long step(
      String rollout, DesiredModel model, UpdateStep step, String reason, long durationMillis) {
    reporter.step(rollout, model.getName(), model.getVersion(), step, reason, durationMillis);
    return System.nanoTime();
  }

  private void failed(String rollout, DesiredModel model, UpdateException e, long since) {
    LOG.info(
        () ->
            deviceId
                + ": update of "
                + model.getName()
                + " to "
                + model.getVersion()
                + " failed: "
                + e.reportText());
    step(rollout, model, UpdateStep.UPDATE_STEP_FAILED, e.reportText(), millisSince(since));
  }

  private void discardStaged(String name, String version, UpdateStep reached) {
    if (reached == UpdateStep.UPDATE_STEP_STAGED) {
      try {
        store.discard(name, version);
      } catch (IOException e) {
        LOG.log(Level.FINE, "could not discard staged " + name + " " + version, e);
      }
    }
  }

  private void rejectQuietly(String name, String version, String reason) {
    try {
      store.reject(name, version, reason);
    } catch (IOException e) {
      LOG.log(Level.FINE, "could not record the refusal of " + name + " " + version, e);
    }
  }

  /** Failures of the model itself: retrying the same version cannot help. */
  private static boolean inherent(UpdateFailureReason reason) {
    return reason == UpdateFailureReason.HEALTH_CHECK_FAILED
        || reason == UpdateFailureReason.MODEL_LOAD_FAILED;
  }

  /** Failures that may pass by themselves: the same desired state is tried again on redelivery. */
  private static boolean retriable(UpdateFailureReason reason) {
    return reason == UpdateFailureReason.DOWNLOAD_FAILED
        || reason == UpdateFailureReason.DOWNLOAD_TIMEOUT
        || reason == UpdateFailureReason.STORAGE_FAILED;
  }

  private static UpdateException storageFailed(IOException e) {
    return new UpdateException(UpdateFailureReason.STORAGE_FAILED, e.toString(), e);
  }

  private static void closeQuietly(LoadedModel model) {
    if (model != null) {
      try {
        model.close();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "closing a refused model failed", e);
      }
    }
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }

  /** Summary for logs. */
  @Override
  public String toString() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("device", deviceId.value());
    s.put("models", modelVersions());
    s.put("root", trusted.root().version());
    s.put("targets", trusted.targetsVersion());
    return "UpdateClient" + s;
  }
}
