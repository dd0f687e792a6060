package dev.tandem.deploy.engine;

import dev.tandem.deploy.state.DeviceUpdateState;

/** The steps a device reports ({@code UpdateStepReport.step}), and the state each leads to. */
public enum ReportedStep {
  RECEIVED(DeviceUpdateState.RECEIVED),
  DOWNLOADING(DeviceUpdateState.DOWNLOADING),
  VERIFIED(DeviceUpdateState.VERIFIED),
  STAGED(DeviceUpdateState.STAGED),
  ACTIVE(DeviceUpdateState.ACTIVE),
  FAILED(DeviceUpdateState.FAILED),
  REVERTED(DeviceUpdateState.REVERTED);

  private final DeviceUpdateState state;

  ReportedStep(DeviceUpdateState state) {
    this.state = state;
  }

  /** The device update state the step leads to. */
  public DeviceUpdateState state() {
    return state;
  }
}
