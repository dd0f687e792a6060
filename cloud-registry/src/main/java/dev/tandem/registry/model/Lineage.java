package dev.tandem.registry.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Where a version comes from.
 *
 * @param dataset the dataset snapshot it was trained on
 * @param parentVersion optional: the version of the same model it was derived from (fine-tuned,
 *     distilled, quantized); must exist
 * @param trainingParameters optional: hyper-parameters by name, each a string, number or boolean
 * @param codeVersion the training code's version, e.g. a git commit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lineage(
    @NotNull @Valid DatasetSnapshot dataset,
    @VersionName String parentVersion,
    @Size(max = 100)
        Map<
                @NotNull @Pattern(regexp = Names.KEY, message = "must be a parameter name") String,
                @NotNull Object>
            trainingParameters,
    @NotBlank @Size(max = 200) String codeVersion) {}
