package dev.tandem.trainer.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** SavedModel directories as one artifact, and running a stored one. */
public final class SavedModels {
  private SavedModels() {}

  /**
   * The directory as a zip with entries in name order and fixed times, so the same files give the
   * same bytes. This is the artifact registered for a SavedModel variant.
   */
  public static byte[] zip(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        for (Path f : files) {
          ZipEntry e = new ZipEntry(dir.relativize(f).toString().replace('\\', '/'));
          e.setTime(0);
          zip.putNextEntry(e);
          zip.write(Files.readAllBytes(f));
          zip.closeEntry();
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the SavedModel in {@code dir} and runs its serving signature on {@code n} examples. */
  public static float[] run(Path dir, float[] x, int n, int inputs, int outputs) {
    try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), "serve");
        TFloat32 t =
            TFloat32.tensorOf(
                Shape.of(n, inputs), DataBuffers.of(x, true, false).narrow((long) n * inputs));
        Result r =
            bundle.function("serving_default").call(java.util.Map.of(InferenceGraph.INPUT, t))) {
      Tensor out = r.get(InferenceGraph.OUTPUT).orElseThrow();
      float[] y = new float[n * outputs];
      ((TFloat32) out).copyTo(DataBuffers.of(y, false, false));
      return y;
    }
  }
}
