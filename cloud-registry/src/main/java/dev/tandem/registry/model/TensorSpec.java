package dev.tandem.registry.model;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One input or output of a model.
 *
 * @param name e.g. {@code vibration_window}
 * @param dtype {@code float32}, {@code float16}, {@code float64}, {@code int8}, {@code uint8},
 *     {@code int32}, {@code int64}, {@code bool} or {@code string}
 * @param shape dimensions, {@code -1} for any size, e.g. {@code [-1, 64]}
 */
public record TensorSpec(
    @NotNull @Pattern(regexp = Names.KEY, message = "must be a name like vibration_window")
        String name,
    @NotNull
        @Pattern(
            regexp = "float16|float32|float64|int8|uint8|int32|int64|bool|string",
            message =
                "must be one of float16, float32, float64, int8, uint8, int32, int64, bool, string")
        String dtype,
    @NotNull @Size(max = 8) List<@NotNull @Min(-1) Long> shape) {}
