package dev.tandem.nab.loop;

/**
 * When the cloud retrains a stream's model, by rows received: first after {@code firstRows}, then
 * whenever the rows have grown by {@code growth} times since the last training, or by {@code
 * maxInterval} rows, whichever comes first. Geometric growth keeps the total cost near linear in
 * the stream's length; the cap keeps models fresh on long streams.
 *
 * @param firstRows rows before the first model
 * @param growth factor of growth between trainings; above 1
 * @param maxInterval most rows between two trainings
 */
public record RetrainSchedule(int firstRows, double growth, int maxInterval) {
  public RetrainSchedule {
    if (firstRows < 2) {
      throw new IllegalArgumentException("firstRows must be >= 2, got " + firstRows);
    }
    if (!(growth > 1) || Double.isInfinite(growth)) {
      throw new IllegalArgumentException("growth must be finite and > 1, got " + growth);
    }
    if (maxInterval < 1) {
      throw new IllegalArgumentException("maxInterval must be >= 1, got " + maxInterval);
    }
  }

  /** Whether a model is due with {@code rows} received, the last trained at {@code lastTrained}. */
  public boolean due(int rows, int lastTrained) {
    if (lastTrained == 0) {
      return rows >= firstRows;
    }
    return rows
        >= Math.min((long) Math.ceil(lastTrained * growth), (long) lastTrained + maxInterval);
  }
}
