package ai.kinitro.backend.validator;

import ai.kinitro.backend.web.Filters;
import ai.kinitro.backend.web.Page;
import ai.kinitro.backend.web.Paging;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of validators. */
@RestController
@Tag(name = "validators")
class ValidatorController {
  private final JdbcAggregateOperations template;
  private final ValidatorRepository validators;

  ValidatorController(JdbcAggregateOperations template, ValidatorRepository validators) {
    this.template = template;
    this.validators = validators;
  }

  @GetMapping("/validators")
  Page<ValidatorView> list(@RequestParam(name = "connected_only", defaultValue = "false") boolean connectedOnly,
      @RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset) {
    return Filters.where().eq("connected", connectedOnly ? Boolean.TRUE : null)
        .page(template, Validator.class, Sort.by("hotkey"), Paging.of(limit, offset))
        .map(ValidatorView::of);
  }

  @GetMapping("/validators/{hotkey}")
  ValidatorView get(@PathVariable String hotkey) {
    return validators.findById(hotkey).map(ValidatorView::of)
        .orElseThrow(() -> new KinitroException(ErrorCode.NOT_FOUND, "No validator with hotkey " + hotkey));
  }
}
