package dev.tandem.deploy.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StateMachinesTest {
  @Test
  void rolloutRefusesIllegalMoves() {
    assertThat(RolloutState.CREATED.moveTo(RolloutState.RUNNING)).isEqualTo(RolloutState.RUNNING);
    assertThatThrownBy(() -> RolloutState.COMPLETED.moveTo(RolloutState.PAUSED))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("a rollout cannot go from COMPLETED to PAUSED");
    assertThat(RolloutState.ROLLED_BACK.next()).isEmpty();
    assertThat(RolloutState.ABORTED.canMoveTo(RolloutState.ROLLING_BACK)).isTrue();
    assertThat(RolloutState.CREATED.canMoveTo(RolloutState.ROLLING_BACK)).isFalse();
  }

  @Test
  void everyRolloutStateIsReachableFromCreated() {
    var seen = java.util.EnumSet.of(RolloutState.CREATED);
    var frontier = new java.util.ArrayDeque<RolloutState>(seen);
    while (!frontier.isEmpty()) {
      for (RolloutState next : frontier.poll().next()) {
        if (seen.add(next)) {
          frontier.add(next);
        }
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(RolloutState.values());
  }

  @Test
  void deviceUpdateRefusesIllegalMoves() {
    assertThatThrownBy(() -> DeviceUpdateState.PENDING.moveTo(DeviceUpdateState.ACTIVE))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("a device update cannot go from PENDING to ACTIVE");
    assertThatThrownBy(() -> DeviceUpdateState.ROLLED_BACK.moveTo(DeviceUpdateState.DESIRED_SENT))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(DeviceUpdateState.TIMED_OUT.canMoveTo(DeviceUpdateState.ACTIVE)).isTrue();
    assertThat(DeviceUpdateState.RETRY_WAIT.failed()).isTrue();
    assertThat(DeviceUpdateState.STAGED.inFlight()).isTrue();
    assertThat(DeviceUpdateState.PENDING.touched()).isFalse();
  }

  @Test
  void wavePhasesMoveForwardOnly() {
    assertThatThrownBy(() -> WavePhase.PASSED.moveTo(WavePhase.UPDATING))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("a wave cannot go from PASSED to UPDATING");
    assertThat(WavePhase.STOPPED.moveTo(WavePhase.UPDATING)).isEqualTo(WavePhase.UPDATING);
  }
}
