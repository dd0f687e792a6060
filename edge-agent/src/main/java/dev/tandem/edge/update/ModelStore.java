package dev.tandem.edge.update;

import dev.tandem.edge.files.DurableFiles;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.signing.TargetCheck;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The models on disk:
 *
 * <pre>
 * models/{model}/{version}/model.bin   one directory per version, staged beside the active one
 * models/{model}/current               active version on the first line, then older ones, newest
 *                                      first; replaced atomically (temporary file, fsync, rename)
 * models/{model}/rejected/{version}    why a version was refused or reverted
 * downloads/{sha256}.part              partial downloads, resumed by HTTP range requests
 * </pre>
 *
 * At most {@code keepVersions} version directories stay per model: the ones in {@code current}.
 */
final class ModelStore {
  static final String ARTIFACT = "model.bin";
  private static final Pattern SAFE_NAME = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._+-]{0,127}");

  private final Path models;
  private final Path downloads;
  private final int keepVersions;

  ModelStore(Path dir, int keepVersions) {
    this.models = dir.resolve("models");
    this.downloads = dir.resolve("downloads");
    this.keepVersions = keepVersions;
    try {
      Files.createDirectories(models);
      Files.createDirectories(downloads);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create model store in " + dir, e);
    }
  }

  /** Whether {@code name} is safe as one directory level (model names and versions). */
  static boolean safeName(String name) {
    return SAFE_NAME.matcher(name).matches() && !name.contains("..");
  }

  /** Every model with an active version on disk. */
  List<String> models() throws IOException {
    try (Stream<Path> dirs = Files.list(models)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("current")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  /** Versions of {@code model} in {@code current}, the active one first; empty if none. */
  List<String> history(String model) throws IOException {
    Path pointer = models.resolve(model).resolve("current");
    if (!Files.exists(pointer)) {
      return List.of();
    }
    return Files.readAllLines(pointer, StandardCharsets.UTF_8).stream()
        .map(String::trim)
        .filter(s -> !s.isEmpty() && safeName(s))
        .toList();
  }

  Path artifact(String model, String version) {
    return models.resolve(model).resolve(version).resolve(ARTIFACT);
  }

  Path partial(String sha256) {
    return downloads.resolve(sha256 + ".part");
  }

  /** Whether {@code version} is on disk with exactly the signed length and sha256. */
  boolean holds(TargetInfo target, String model, String version) throws IOException {
    Path file = artifact(model, version);
    if (!Files.isRegularFile(file) || Files.size(file) != target.length()) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      TargetCheck.verify(target, in);
      return true;
    } catch (ProtocolException e) {
      return false;
    }
  }

  /** Moves a checked download beside the active version; answers where it now lies. */
  Path stage(String model, String version, Path download) throws IOException {
    Path target = artifact(model, version);
    Files.createDirectories(target.getParent());
    Files.move(download, target, StandardCopyOption.REPLACE_EXISTING);
    DurableFiles.syncDirectory(target.getParent());
    return target;
  }

  /** Points {@code current} at {@code version}, keeping older versions behind it, then prunes. */
  void activate(String model, String version) throws IOException {
    LinkedHashSet<String> order = new LinkedHashSet<>();
    order.add(version);
    order.addAll(history(model));
    writePointer(model, new ArrayList<>(order));
  }

  /**
   * Points {@code current} back at {@code to}, dropping {@code bad} from the history, then prunes.
   */
  void revert(String model, String bad, String to) throws IOException {
    LinkedHashSet<String> order = new LinkedHashSet<>();
    order.add(to);
    order.addAll(history(model));
    order.remove(bad);
    writePointer(model, new ArrayList<>(order));
  }

  private void writePointer(String model, List<String> order) throws IOException {
    List<String> kept = order.subList(0, Math.min(keepVersions, order.size()));
    DurableFiles.replace(
        models.resolve(model).resolve("current"),
        (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
    prune(model, kept);
  }

  /** Deletes every version directory of {@code model} not in {@code kept}. */
  private void prune(String model, List<String> kept) throws IOException {
    try (Stream<Path> dirs = Files.list(models.resolve(model))) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        String name = dir.getFileName().toString();
        if (!name.equals("rejected") && !kept.contains(name)) {
          deleteTree(dir);
        }
      }
    }
  }

  /** Remembers that {@code version} was refused, so the same desired state is not retried. */
  void reject(String model, String version, String reason) throws IOException {
    Path dir = models.resolve(model).resolve("rejected");
    Files.createDirectories(dir);
    DurableFiles.replace(dir.resolve(version), reason.getBytes(StandardCharsets.UTF_8));
  }

  /** Why {@code version} was rejected before, if it was. */
  Optional<String> rejected(String model, String version) throws IOException {
    Path file = models.resolve(model).resolve("rejected").resolve(version);
    return Files.exists(file)
        ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
        : Optional.empty();
  }

  /** Deletes a version directory that was staged but never activated. */
  void discard(String model, String version) throws IOException {
    if (!history(model).contains(version)) {
      deleteTree(models.resolve(model).resolve(version));
    }
  }

  /** Version directories of {@code model} on disk (for tests and operators). */
  List<String> versionsOnDisk(String model) throws IOException {
    Path dir = models.resolve(model);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(dir)) {
      return dirs.filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .filter(n -> !n.equals("rejected"))
          .sorted()
          .toList();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
