package ai.kinitro.backend.apikey;

import ai.kinitro.backend.web.AdminOnly;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link AdminOnly}. Public routes never look at {@value #HEADER}: a wrong or expired key
 * sent to a public route does not break the read (v1 answered 401, §10 #8). The authenticated
 * {@link Principal} is stored as request attribute {@link #PRINCIPAL_ATTRIBUTE}.
 */
@Component
public class ApiKeyAuthInterceptor implements HandlerInterceptor {
  public static final String HEADER = "X-API-Key";
  public static final String PRINCIPAL_ATTRIBUTE = ApiKeyAuthInterceptor.class.getName() + ".principal";

  private final ApiKeyService keys;

  public ApiKeyAuthInterceptor(ApiKeyService keys) {
    this.keys = keys;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method) || !requiresAdmin(method)) {
      return true;
    }
    String secret = request.getHeader(HEADER);
    if (secret == null || secret.isBlank()) {
      throw new KinitroException(ErrorCode.UNAUTHENTICATED, "Authentication required: send an admin API key in the " + HEADER + " header");
    }
    Optional<Principal> principal = keys.authenticate(secret);
    if (principal.isEmpty()) {
      throw new KinitroException(ErrorCode.UNAUTHENTICATED, "The API key is unknown, inactive or expired");
    }
    if (principal.get().role() != ApiKeyRole.ADMIN) {
      throw new KinitroException(ErrorCode.PERMISSION_DENIED,
          "This route needs an API key with role admin; the key has role " + principal.get().role().wireName());
    }
    request.setAttribute(PRINCIPAL_ATTRIBUTE, principal.get());
    return true;
  }

  /** Whether a handler is admin-only (annotation on the method or its controller). */
  public static boolean requiresAdmin(HandlerMethod method) {
    return method.hasMethodAnnotation(AdminOnly.class)
        || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), AdminOnly.class);
  }

  /** The admin who made the current request (only on {@link AdminOnly} routes). */
  public static Principal principal(HttpServletRequest request) {
    Object value = request.getAttribute(PRINCIPAL_ATTRIBUTE);
    if (value instanceof Principal p) {
      return p;
    }
    throw new KinitroException(ErrorCode.UNAUTHENTICATED, "Authentication required");
  }
}
