package dev.symbiont.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

/** A duration longer than zero and at most {@link #maxDays()} days. Null is valid (combine with NotNull). */
@Documented
@Constraint(validatedBy = PositiveDuration.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PositiveDuration {

    String message() default "must be a positive ISO-8601 duration of at most {maxDays} days, such as PT30S";

    /** Upper bound; keeps every stored duration far from overflow when converted to milliseconds. */
    long maxDays() default 366;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PositiveDuration, Duration> {
        private Duration max;

        @Override
        public void initialize(PositiveDuration annotation) {
            max = Duration.ofDays(annotation.maxDays());
        }

        @Override
        public boolean isValid(Duration value, ConstraintValidatorContext context) {
            return value == null || (!value.isNegative() && !value.isZero() && value.compareTo(max) <= 0);
        }
    }
}
