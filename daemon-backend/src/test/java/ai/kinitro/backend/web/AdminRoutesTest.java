package ai.kinitro.backend.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.apikey.ApiKeyAuthInterceptor;
import ai.kinitro.backend.support.Api.Response;
import ai.kinitro.backend.support.BackendIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every route of the backend, read from the MVC handler mappings: admin routes refuse missing and non-admin keys. */
class AdminRoutesTest extends BackendIntegrationTest {
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  record Route(String method, String path, boolean admin) {}

  List<Route> ourRoutes() {
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      if (!e.getValue().getBeanType().getPackageName().startsWith("ai.kinitro.backend")) {
        continue;
      }
      boolean admin = ApiKeyAuthInterceptor.requiresAdmin(e.getValue());
      for (String pattern : e.getKey().getPatternValues()) {
        for (RequestMethod method : e.getKey().getMethodsCondition().getMethods()) {
          routes.add(new Route(method.name(), pattern.replaceAll("\\{[^}]+}", "1"), admin));
        }
      }
    }
    return routes;
  }

  @Test
  void everyAdminRouteAnswers401WithoutAKeyAnd403WithAValidatorKey() {
    List<Route> admin = ourRoutes().stream().filter(Route::admin).toList();
    assertThat(admin).extracting(Route::path).contains("/admin/api-keys", "/admin/leader-candidates/1/approve", "/competitions");
    SoftAssertions soft = new SoftAssertions();
    for (Route route : admin) {
      Response anonymous = api().send(route.method(), route.path(), "{}", null);
      soft.assertThat(anonymous.status()).as(route + " without key").isEqualTo(401);
      soft.assertThat(anonymous.json() == null ? null : anonymous.json().get("error").asString()).as(route + " problem").isEqualTo("UNAUTHENTICATED");
      Response bogus = api().send(route.method(), route.path(), "{}", "kin_unknown");
      soft.assertThat(bogus.status()).as(route + " with an unknown key").isEqualTo(401);
      Response validator = api().send(route.method(), route.path(), "{}", validatorKey());
      soft.assertThat(validator.status()).as(route + " with a validator key").isEqualTo(403);
      soft.assertThat(validator.json() == null ? null : validator.json().get("error").asString()).as(route + " problem").isEqualTo("PERMISSION_DENIED");
    }
    soft.assertAll();
  }

  @Test
  void everyRouteThatChangesStateOrLivesUnderAdminIsAdminOnly() {
    List<Route> unprotected = ourRoutes().stream()
        .filter(r -> !r.admin())
        .filter(r -> !r.method().equals("GET") || r.path().startsWith("/admin"))
        .filter(r -> SIGNED_PUBLIC_WRITES.stream().noneMatch(w -> r.path().matches(w)))
        .toList();
    assertThat(unprotected).isEmpty();
  }

  /** Public writes authenticated otherwise (a miner's hotkey signature), as path patterns. */
  static final List<String> SIGNED_PUBLIC_WRITES = List.of("/submissions/request-upload", "/submissions/uploads/[^/]+/renew");
}
