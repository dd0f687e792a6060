package dev.tandem.registry.rollout;

import dev.tandem.deploy.engine.RolloutConflictException;
import dev.tandem.deploy.engine.UnknownRolloutException;
import dev.tandem.deploy.spec.SpecException;
import dev.tandem.deploy.state.IllegalTransitionException;
import dev.tandem.registry.error.ErrorBody;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.error.ValidationFailure;
import java.util.List;
import java.util.function.Supplier;

/** The engine's exceptions as the API's stable error codes. */
final class RolloutErrors {
  private RolloutErrors() {}

  static <T> T translate(Supplier<T> call) {
    try {
      return call.get();
    } catch (SpecException e) {
      throw new ValidationFailure(List.of(new ErrorBody.Violation(e.field(), e.reason())));
    } catch (UnknownRolloutException e) {
      throw new RegistryException(ErrorCode.NOT_FOUND, e.getMessage(), e);
    } catch (RolloutConflictException e) {
      throw new RegistryException(ErrorCode.CONFLICT, e.getMessage(), e);
    } catch (IllegalTransitionException e) {
      throw new RegistryException(ErrorCode.CONFLICT, e.getMessage(), e);
    }
  }
}
