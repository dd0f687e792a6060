package dev.tandem.registry.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * What a model version does and how well: the shape documented in {@code docs/api.md}.
 *
 * @param description optional, for people
 * @param inputs at least one
 * @param outputs at least one
 * @param metrics optional evaluation results by name, e.g. {@code {"f1": 0.93}}
 * @param parameters optional number of trainable parameters
 * @param sizeBytes optional size of the reference (largest) variant
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCard(
    @Size(max = 4000) String description,
    @NotEmpty @Size(max = 64) List<@NotNull @Valid TensorSpec> inputs,
    @NotEmpty @Size(max = 64) List<@NotNull @Valid TensorSpec> outputs,
    @Size(max = 64)
        Map<
                @NotNull @Pattern(regexp = Names.KEY, message = "must be a metric name like f1")
                String,
                @NotNull Double>
            metrics,
    @PositiveOrZero Long parameters,
    @PositiveOrZero Long sizeBytes) {}
