package dev.tandem.trainer.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.trainer.TrainerError;
import dev.tandem.trainer.TrainerException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Registers a version with its variants through the control plane's REST API, so that a failure
 * leaves nothing half-made wherever that is in the trainer's hands:
 *
 * <ol>
 *   <li>everything (artifacts, digests, card, lineage) is ready before the first call;
 *   <li>the control plane is reached and the token checked ({@code whoami}), and the parent version
 *       checked, before anything is written;
 *   <li>the version is declared with every variant's digest and length, then each artifact is
 *       uploaded (retried a few times when the server is unavailable).
 * </ol>
 *
 * Versions are immutable and cannot be deleted, so if the control plane goes down between the
 * declaration and the last upload, the version exists with variants not yet uploaded (devices are
 * never offered them: their download answers {@code ARTIFACT_NOT_UPLOADED}). Running the same
 * registration again finds the version with the same digests and uploads what is missing.
 */
public final class ModelRegistration {
  private static final int UPLOAD_ATTEMPTS = 3;

  private final RegistryApi api;
  private final Consumer<String> log;

  public ModelRegistration(RegistryApi api, Consumer<String> log) {
    this.api = api;
    this.log = log;
  }

  /** What was registered. */
  public record Registered(String model, String version, List<String> variants, boolean resumed) {}

  /**
   * @throws TrainerException {@link TrainerError#REGISTRY_UNAVAILABLE} when the control plane
   *     cannot be reached or answers 5xx, {@link TrainerError#REGISTRY_REFUSED} when it refuses the
   *     request (bad token, unknown parent, a version of that name with other content)
   */
  public Registered register(RegistrationRequest request) {
    String models = "/api/v1/models/";
    String model = models + request.model();
    call("reach the control plane", () -> api.get("/api/v1/whoami"));
    boolean modelExists = exists(model);
    if (request.parentVersion() != null
        && (!modelExists || !exists(model + "/versions/" + request.parentVersion()))) {
      throw new TrainerException(
          TrainerError.REGISTRY_REFUSED,
          "parent version "
              + request.model()
              + "@"
              + request.parentVersion()
              + " does not exist; nothing registered");
    }
    if (!modelExists) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", request.model());
      body.put("description", request.description());
      call("create model " + request.model(), () -> api.post("/api/v1/models", body));
    }
    boolean resumed = declare(request, model);
    List<String> uploaded = new ArrayList<>();
    for (RegistrationRequest.Artifact a : request.artifacts()) {
      upload(
          model + "/versions/" + request.version() + "/variants/" + a.variant() + "/artifact", a);
      uploaded.add(a.variant());
      log.accept(
          "uploaded "
              + request.model()
              + "@"
              + request.version()
              + "/"
              + a.variant()
              + " ("
              + a.bytes().length
              + " bytes)");
    }
    return new Registered(request.model(), request.version(), uploaded, resumed);
  }

  /** Declares the version; answers true when it existed already with the same variants. */
  private boolean declare(RegistrationRequest request, String model) {
    List<Map<String, Object>> variants = new ArrayList<>();
    for (RegistrationRequest.Artifact a : request.artifacts()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("name", a.variant());
      v.put("format", a.format());
      v.put("hardwareClasses", a.hardwareClasses());
      v.put("sha256", a.sha256());
      v.put("length", a.bytes().length);
      variants.add(v);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", request.version());
    body.put("card", request.card());
    body.put("lineage", request.lineage());
    body.put("variants", variants);
    try {
      api.post(model + "/versions", body);
      return false;
    } catch (RegistryException e) {
      if (e.status() != 409) {
        throw failure("declare version " + request.version(), e);
      }
    } catch (IOException e) {
      throw failure("declare version " + request.version(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("declare version " + request.version(), e);
    }
    JsonNode existing =
        call("read version", () -> api.get(model + "/versions/" + request.version()));
    Map<String, String> digests = new HashMap<>();
    for (JsonNode v : existing.path("variants")) {
      digests.put(v.path("name").asText(), v.path("sha256").asText());
    }
    for (RegistrationRequest.Artifact a : request.artifacts()) {
      if (!a.sha256().equals(digests.get(a.variant()))
          || digests.size() != request.artifacts().size()) {
        throw new TrainerException(
            TrainerError.REGISTRY_REFUSED,
            "version "
                + request.model()
                + "@"
                + request.version()
                + " exists with other content; choose another version");
      }
    }
    log.accept("version " + request.version() + " exists with the same variants: resuming uploads");
    return true;
  }

  private void upload(String path, RegistrationRequest.Artifact a) {
    for (int attempt = 1; ; attempt++) {
      try {
        api.putBytes(path, a.bytes());
        return;
      } catch (RegistryException e) {
        if (!e.retriable() || attempt == UPLOAD_ATTEMPTS) {
          throw failure("upload " + a.variant() + " (version declared, artifact missing)", e);
        }
      } catch (IOException e) {
        if (attempt == UPLOAD_ATTEMPTS) {
          throw failure("upload " + a.variant() + " (version declared, artifact missing)", e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure("upload " + a.variant(), e);
      }
      sleep(500L * attempt);
    }
  }

  private boolean exists(String path) {
    try {
      api.get(path);
      return true;
    } catch (RegistryException e) {
      if (e.status() == 404) {
        return false;
      }
      throw failure("read " + path, e);
    } catch (IOException e) {
      throw failure("read " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("read " + path, e);
    }
  }

  private interface Call {
    JsonNode run() throws IOException, InterruptedException;
  }

  private JsonNode call(String what, Call call) {
    try {
      return call.run();
    } catch (IOException | RegistryException e) {
      throw failure(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(what, e);
    }
  }

  private TrainerException failure(String what, Exception e) {
    boolean unavailable =
        e instanceof IOException
            || e instanceof InterruptedException
            || (e instanceof RegistryException r && r.retriable());
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof IOException) {
      reason = "no answer from " + api.baseUri() + " (" + reason + ")";
    }
    return new TrainerException(
        unavailable ? TrainerError.REGISTRY_UNAVAILABLE : TrainerError.REGISTRY_REFUSED,
        "cannot " + what + ": " + reason,
        e);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
