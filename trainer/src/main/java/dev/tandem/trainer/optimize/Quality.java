package dev.tandem.trainer.optimize;

import dev.tandem.trainer.model.Task;

/**
 * How a variant's quality is measured and compared with the teacher's. Classifiers: accuracy in
 * percent; the loss is the drop in percentage points. Forecasters: RMSE in the stream's units; the
 * loss is the relative increase in percent.
 */
public enum Quality {
  ACCURACY_PERCENT("accuracy"),
  RMSE("rmse");

  private final String metricName;

  Quality(String metricName) {
    this.metricName = metricName;
  }

  public static Quality of(Task task) {
    return task == Task.CLASSIFY ? ACCURACY_PERCENT : RMSE;
  }

  public String metricName() {
    return metricName;
  }

  /** How much worse {@code metric} is than the teacher's: points, or percent of the RMSE. */
  public double loss(double teacher, double metric) {
    return this == ACCURACY_PERCENT ? teacher - metric : (metric - teacher) / teacher * 100;
  }
}
