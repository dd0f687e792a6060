/**
 * The explicit state machines of a rollout ({@link dev.tandem.deploy.state.RolloutState}), of a
 * wave ({@link dev.tandem.deploy.state.WavePhase}) and of one device's update ({@link
 * dev.tandem.deploy.state.DeviceUpdateState}). Each names its legal successors; any other move is
 * an {@link dev.tandem.deploy.state.IllegalTransitionException}.
 */
package dev.tandem.deploy.state;
