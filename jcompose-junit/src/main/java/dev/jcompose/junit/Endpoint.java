package dev.jcompose.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which published port a {@link ServiceEndpoint} field or parameter stands for: {@code
 * "service:containerPort"} with an optional {@code /udp}, e.g. {@code @Endpoint("web:8000")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface Endpoint {
  String value();
}
