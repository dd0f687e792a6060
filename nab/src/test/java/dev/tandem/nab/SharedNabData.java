package dev.tandem.nab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared NAB subset: the {@code nab.data} system property (set by the module's POM to
 * {@code ../../shared/data/nab} from this module), else a {@code shared/data/nab} folder beside any
 * parent of the working directory. Tests that need it are skipped where it is absent.
 */
public final class SharedNabData {
  private SharedNabData() {}

  public static Optional<Path> root() {
    String property = System.getProperty("nab.data");
    if (property != null && isNabRoot(Path.of(property))) {
      return Optional.of(Path.of(property).toAbsolutePath().normalize());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data/nab");
      if (isNabRoot(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean isNabRoot(Path dir) {
    return Files.isDirectory(dir.resolve("data"))
        && Files.isRegularFile(dir.resolve("combined_windows.json"));
  }
}
